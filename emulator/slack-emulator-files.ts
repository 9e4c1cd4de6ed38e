/**
 * Files for the Slack emulator: the three steps of WebClient.filesUploadV2 (files.getUploadURLExternal → POST
 * of the bytes to the upload URL → files.completeUploadExternal), and files.info for uploads and canvases.
 */
import { channelMessages, refuseOutsider } from "./slack-emulator-chat.js";
import {
  type EmulatorState,
  fail,
  type MethodHandler,
  type StoredFile,
  stringArg,
} from "./slack-emulator-state.js";

/** Where the upload URL of a file points, under the emulator's base URL. */
export const UPLOAD_PATH = "/upload/";

/**
 * files.getUploadURLExternal: `filename` and `length` ("Size in bytes of the file being uploaded") are
 * required. Slack's method reference lists `missing_argument` for a required argument not given, "typically
 * only when the `length` provided is 0", so an empty file cannot be uploaded. It documents no size limit of
 * its own beyond workspace settings (`file_upload_size_restricted`); a frozen document is far below any
 * (its Markdown is capped at 1 MiB, the canvas limit).
 */
const getUploadUrl: MethodHandler = (args, state) => {
  const filename = stringArg(args, "filename");
  const length = Number(args.length);
  if (!filename) return fail("invalid_arguments", ["[ERROR] filename is required"]);
  if (!Number.isInteger(length) || length < 1)
    return fail("missing_argument", ["[ERROR] length must be a positive number of bytes"]);
  const fileId = state.newId("F");
  state.files.set(fileId, { filename, length, completed: false });
  return { ok: true, upload_url: `${state.baseUrl}${UPLOAD_PATH}${fileId}`, file_id: fileId };
};

/**
 * Stores the bytes posted to a file's upload URL, exactly as they came (a Word document is binary);
 * false when no such upload was requested.
 */
export function receiveUpload(state: EmulatorState, fileId: string, bytes: Buffer): boolean {
  const file = state.files.get(fileId);
  if (!file) return false;
  file.bytes = bytes;
  file.content = bytes.toString("utf8");
  return true;
}

const completeUpload: MethodHandler = (args, state) => {
  const requested = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
  if (requested.length === 0) return fail("invalid_arguments", ["[ERROR] files must list at least one file"]);
  const missing = requested.find(({ id }) => state.files.get(id ?? "")?.bytes === undefined);
  if (missing) return fail("file_not_found", [`[ERROR] file ${missing.id} was never uploaded`]);
  const channelId = stringArg(args, "channel_id");
  const outsider = channelId ? refuseOutsider(state, channelId) : undefined;
  if (outsider) return outsider;
  const initialComment = stringArg(args, "initial_comment");
  const completed = requested.map(({ id = "", title }) => {
    const file = state.files.get(id) as StoredFile;
    Object.assign(file, {
      completed: true,
      channelId,
      initialComment,
      title: title ?? file.title ?? file.filename,
      user: state.botUserId,
      createdAt: state.now(),
    });
    // Slack's documented answer names each file by id and title only (files.completeUploadExternal's
    // example: `"files": [{"id": "F044GKUHN9Z", "title": "slack-test"}]`); files.info gives the rest.
    return { id, title: file.title };
  });
  if (channelId) {
    channelMessages(state, channelId).push({
      channel: channelId,
      ts: state.newTs(),
      text: initialComment ?? "",
      user: state.botUserId,
      thread_ts: stringArg(args, "thread_ts"),
      files: completed.map(({ id }) => ({ id })),
    });
  }
  return { ok: true, files: completed };
};

/** The workspace's web address, as Slack's permalinks start (https://<workspace>.slack.com/). */
const WORKSPACE_URL = "https://emulator.slack.com";

/** What Slack calls a file's type, from its name's extension (files.info's `filetype`, `mimetype`). */
const FILE_TYPES: Record<string, { filetype: string; mimetype: string; pretty_type: string }> = {
  docx: {
    filetype: "docx",
    mimetype: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    pretty_type: "Word Document",
  },
  md: { filetype: "markdown", mimetype: "text/plain", pretty_type: "Markdown (raw)" },
  json: { filetype: "json", mimetype: "text/plain", pretty_type: "JSON" },
  txt: { filetype: "text", mimetype: "text/plain", pretty_type: "Plain Text" },
  csv: { filetype: "csv", mimetype: "text/csv", pretty_type: "CSV" },
  tsv: { filetype: "tsv", mimetype: "text/tab-separated-values", pretty_type: "TSV" },
  xlsx: {
    filetype: "xlsx",
    mimetype: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    pretty_type: "Excel Spreadsheet",
  },
  png: { filetype: "png", mimetype: "image/png", pretty_type: "PNG" },
};

/** The permalink Slack gives a file: `https://{workspace}.slack.com/files/{user}/{file}/{name}`. */
const filePermalink = (fileId: string, file: StoredFile, uploader: string): string =>
  `${WORKSPACE_URL}/files/${file.user ?? uploader}/${fileId}/${encodeURIComponent(file.filename)}`;

/**
 * files.info's `file` object for an uploaded file, or undefined when there is none (or its upload was never
 * completed: until files.completeUploadExternal it is not a file anyone can see). Exported so one files.info
 * can answer uploaded files and canvases alike.
 */
export function uploadedFileInfo(state: EmulatorState, fileId: string): Record<string, unknown> | undefined {
  const file = state.files.get(fileId);
  if (!file?.completed || !file.bytes) return undefined;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.filename)?.[1]?.toLowerCase() ?? "";
  const type = FILE_TYPES[extension] ?? {
    filetype: "binary",
    mimetype: "application/octet-stream",
    pretty_type: "Binary",
  };
  const created = Math.floor((file.createdAt ?? state.now()) / 1000);
  const permalink = filePermalink(fileId, file, state.botUserId);
  return {
    id: fileId,
    created,
    timestamp: created,
    name: file.filename,
    title: file.title ?? file.filename,
    ...type,
    user: file.user ?? state.botUserId,
    size: file.bytes.length,
    url_private: `${state.baseUrl}/files-pri/${fileId}/${encodeURIComponent(file.filename)}`,
    url_private_download: `${state.baseUrl}/files-pri/${fileId}/download/${encodeURIComponent(file.filename)}`,
    permalink,
    is_public: file.channelId?.startsWith("C") ?? false,
    channels: file.channelId?.startsWith("C") ? [file.channelId] : [],
    groups: file.channelId?.startsWith("G") ? [file.channelId] : [],
    ims: [],
  };
}

/**
 * files.info (https://docs.slack.dev/reference/methods/files.info, bot scope `files:read`): `{ok, file}` with
 * the file's `permalink`; `file_not_found` when "Value passed for `file` was invalid". A canvas is a file
 * too: recorded files.info answers for canvases read `"filetype": "quip"`, `"pretty_type": "Canvas"`,
 * `"mimetype": "application/vnd.slack-docs"`, and a permalink of the form
 * `https://<workspace>.slack.com/docs/<team id>/<canvas id>`; uploads' permalinks read
 * `https://<workspace>.slack.com/files/<user>/<file id>/<name>`.
 */
const fileInfo: MethodHandler = (args, state) => {
  const id = stringArg(args, "file");
  if (!id) return fail("invalid_arguments", ["[ERROR] missing required field: file"]);
  const canvas = state.canvases.get(id);
  if (canvas) {
    const name = (canvas.title ?? "Untitled").replace(/\s+/g, "_");
    return {
      ok: true,
      file: {
        id,
        name,
        title: canvas.title ?? "Untitled",
        mimetype: "application/vnd.slack-docs",
        filetype: "quip",
        pretty_type: "Canvas",
        user: canvas.ownerId,
        mode: "quip",
        permalink: `${WORKSPACE_URL}/docs/${state.teamId}/${id}`,
        channels: canvas.channelId ? [canvas.channelId] : [],
      },
    };
  }
  const file = uploadedFileInfo(state, id);
  if (!file) return fail("file_not_found");
  return { ok: true, file, comments: [], response_metadata: { next_cursor: "" } };
};

/** Where a file's url_private points, under the emulator's base URL. */
export const PRIVATE_FILE_PATH = "/files-pri/";

/**
 * A person uploads a file in Slack's own client (a file_input in a modal): it is stored as theirs, and its
 * files.info object is what a file_input's submitted state holds (`files`: id, name, url_private, filetype,
 * mimetype, size… — @slack/bolt's `UploadedFile`, ViewStateValue.files).
 */
export function personUploadsFile(
  state: EmulatorState,
  upload: { userId: string; name: string; bytes: Buffer },
): Record<string, unknown> {
  const fileId = state.newId("F");
  state.files.set(fileId, {
    filename: upload.name,
    length: upload.bytes.length,
    bytes: upload.bytes,
    content: upload.bytes.toString("utf8"),
    user: upload.userId,
    createdAt: state.now(),
    completed: true,
  });
  return uploadedFileInfo(state, fileId) as Record<string, unknown>;
}

/**
 * Slack's sign-in page. A file's url_private is served only to a request with `Authorization: Bearer <token>`
 * of the workspace (https://docs.slack.dev/reference/objects/file-object, "Authentication"); without it Slack
 * answers with HTML, not the file: a 200 sign-in page or a `Found` redirect to it (slackapi/bolt-js#2585,
 * slackapi/deno-slack-sdk#285, where a bot token without files:read got the same page).
 */
const SIGN_IN_PAGE =
  '<!DOCTYPE html><html lang="en-US"><head><title>Slack</title></head><body>Sign in to your workspace</body></html>';

/** The answer to a GET of `/files-pri/<file id>/<name>` (or `/download/<name>`). */
export function servePrivateFile(
  state: EmulatorState,
  path: string,
  request: { method: string; token: string | undefined; botToken: (token: string) => boolean },
): { status: number; headers: Record<string, string>; body: Buffer } {
  const html = { "content-type": "text/html; charset=utf-8" };
  if (request.method !== "GET" || !request.token || !request.botToken(request.token))
    return { status: 200, headers: html, body: Buffer.from(SIGN_IN_PAGE) };
  const fileId = path.slice(PRIVATE_FILE_PATH.length).split("/")[0] ?? "";
  const info = uploadedFileInfo(state, fileId);
  const file = state.files.get(fileId);
  if (!info || !file?.bytes) return { status: 404, headers: html, body: Buffer.from("Not found") };
  return {
    status: 200,
    headers: { "content-type": String(info.mimetype), "content-length": String(file.bytes.length) },
    body: file.bytes,
  };
}

export const fileMethods: Record<string, MethodHandler> = {
  "files.getUploadURLExternal": getUploadUrl,
  "files.completeUploadExternal": completeUpload,
  "files.info": fileInfo,
};
