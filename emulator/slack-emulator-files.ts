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

export const fileMethods: Record<string, MethodHandler> = {
  "files.getUploadURLExternal": getUploadUrl,
  "files.completeUploadExternal": completeUpload,
  "files.info": fileInfo,
};
