/**
 * Files for the Slack emulator: the three steps of WebClient.filesUploadV2 (files.getUploadURLExternal → POST
 * of the bytes to the upload URL → files.completeUploadExternal), and files.info for uploads and canvases.
 */
import { channelMessages } from "./slack-emulator-chat.js";
import {
  type EmulatorState,
  fail,
  type MethodHandler,
  type StoredFile,
  stringArg,
} from "./slack-emulator-state.js";

/** Where the upload URL of a file points, under the emulator's base URL. */
export const UPLOAD_PATH = "/upload/";

const getUploadUrl: MethodHandler = (args, state) => {
  const filename = stringArg(args, "filename");
  const length = Number(args.length);
  if (!filename) return fail("invalid_arguments", ["[ERROR] filename is required"]);
  if (!Number.isInteger(length) || length < 1)
    return fail("invalid_arguments", ["[ERROR] length must be positive"]);
  const fileId = state.newId("F");
  state.files.set(fileId, { filename, completed: false });
  return { ok: true, upload_url: `${state.baseUrl}${UPLOAD_PATH}${fileId}`, file_id: fileId };
};

/** Stores the bytes posted to a file's upload URL; false when no such upload was requested. */
export function receiveUpload(state: EmulatorState, fileId: string, content: string): boolean {
  const file = state.files.get(fileId);
  if (!file) return false;
  file.content = content;
  return true;
}

const completeUpload: MethodHandler = (args, state) => {
  const requested = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
  if (requested.length === 0) return fail("invalid_arguments", ["[ERROR] files must list at least one file"]);
  const missing = requested.find(({ id }) => state.files.get(id ?? "")?.content === undefined);
  if (missing) return fail("file_not_found", [`[ERROR] file ${missing.id} was never uploaded`]);
  const channelId = stringArg(args, "channel_id");
  const initialComment = stringArg(args, "initial_comment");
  const completed = requested.map(({ id = "", title }) => {
    const file = state.files.get(id) as StoredFile;
    Object.assign(file, {
      completed: true,
      channelId,
      initialComment,
      title: title ?? file.title ?? file.filename,
    });
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

/**
 * files.info (https://docs.slack.dev/reference/methods/files.info, bot scope `files:read`): `{ok, file}` with
 * the file's `permalink`; `file_not_found` when "Value passed for `file` was invalid". A canvas is a file
 * too: recorded files.info answers for canvases read `"filetype": "quip"`, `"pretty_type": "Canvas"`,
 * `"mimetype": "application/vnd.slack-docs"`, and a permalink of the form
 * `https://<workspace>.slack.com/docs/<team id>/<canvas id>`; uploads' permalinks read
 * `https://<workspace>.slack.com/files/<user>/<file id>/<name>`.
 */
const fileInfo: MethodHandler = (args, state) => {
  const id = stringArg(args, "file") ?? "";
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
  const file = state.files.get(id);
  if (!file?.completed) return fail("file_not_found");
  return {
    ok: true,
    file: {
      id,
      name: file.filename,
      title: file.title ?? file.filename,
      user: state.botUserId,
      mode: "hosted",
      permalink: `${WORKSPACE_URL}/files/${state.botUserId}/${id}/${encodeURIComponent(file.filename)}`,
      channels: file.channelId ? [file.channelId] : [],
    },
  };
};

export const fileMethods: Record<string, MethodHandler> = {
  "files.info": fileInfo,
  "files.getUploadURLExternal": getUploadUrl,
  "files.completeUploadExternal": completeUpload,
};
