/**
 * The workspace the Slack emulator keeps in memory, and the records tests read.
 * Method handlers (slack-emulator-*.ts) read and change this state; slack-emulator.ts serves it over HTTP.
 */

export type SlackArgs = Record<string, unknown>;

/** A Web API answer: `{ok: true, ...}` or `{ok: false, error, ...}`. */
export type SlackAnswer = { ok: boolean; error?: string } & Record<string, unknown>;

export interface RecordedCall {
  method: string;
  /** Parsed arguments; JSON-encoded fields (blocks, view, changes, ...) are decoded; `token` is moved out. */
  args: SlackArgs;
  token: string | undefined;
  /** Emulator clock time the request arrived. */
  at: number;
  /** The fault injected instead of (or before, for `delay`) the normal answer. */
  fault?: Fault;
  /** The JSON answer, once sent (absent for http and reset faults). */
  answer?: SlackAnswer;
  /** Set when the emulator's rate limits refused the call with HTTP 429 (the answer is `ratelimited`). */
  rateLimited?: { scope: string; retryAfterSeconds: number };
}

/** A call Slack would refuse because it breaks Block Kit or canvas rules. */
export interface Rejection {
  /** Web API method, or `response_url`. */
  method: string;
  error: string;
  errors: string[];
  args: SlackArgs;
  at: number;
}

/**
 * Canvas markdown Slack accepts but would show wrongly: message markup (`<@U…>`, `<#C…>`, `<!here>`) reads
 * as raw text in a canvas. Not refused (Slack takes it), but recorded, and the test harness fails a test
 * whose app wrote any.
 */
export interface CanvasProblem {
  method: string;
  canvasId: string;
  problems: string[];
  at: number;
}

/** Who was given a response URL: a slash command's invocation, or an interaction (a button, a shortcut). */
export type ResponseSource = "command" | "interaction";

/**
 * What a POST to a response URL did: posted one more message (ephemeral or in channel, as its
 * `response_type` says), or replaced or deleted the message that held the button.
 */
export type ResponseEffect = "new-message" | "replaced-original" | "deleted-original";

export interface RecordedResponse {
  url: string;
  body: SlackArgs;
  at: number;
  source: ResponseSource;
  effect: ResponseEffect;
}

export type Fault =
  | { kind: "http"; status: number; retryAfter?: number }
  | { kind: "error"; error: string }
  | { kind: "reset" }
  | { kind: "delay"; ms: number };

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  user: string;
  thread_ts?: string;
  files?: { id: string }[];
  edited?: { ts: string };
}

export interface StoredEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks?: unknown[];
  message_ts: string;
}

export interface StoredView {
  id: string;
  hash: string;
  /** The view as the app sent it (modal or home). */
  view: SlackArgs;
  /** The user whose Home tab this is (views.publish only). */
  userId?: string;
  previousViewId: string | null;
  /** Closed by the person or by the app's answer to a submission: Slack sends nothing more for it. */
  closed?: boolean;
}

export interface CanvasChange {
  operation: string;
  section_id?: string;
  document_content?: { type: "markdown"; markdown: string };
}

/** What canvases.access.set can grant: "read" (view), "write" (view and edit), "owner" (users only). */
export type CanvasAccessLevel = "read" | "write" | "owner";

/** Who may open or edit a canvas besides its owner, as canvases.access.set and canvases.create set it. */
export interface CanvasAccess {
  /** Channel id → level granted to everyone in that channel. */
  channels: Map<string, Exclude<CanvasAccessLevel, "owner">>;
  /** User id → level granted to that person directly. */
  users: Map<string, CanvasAccessLevel>;
}

export interface StoredCanvas {
  /** Set for channel canvases and for canvases created with a channel_id (tabs). */
  channelId?: string;
  /** True for the one canvas conversations.canvases.create makes per channel. */
  isChannelCanvas: boolean;
  title?: string;
  markdown: string;
  /** Every canvases.edit change applied, in order. */
  edits: CanvasChange[];
  /** The acting user who created it (the bot): "a new standalone canvas owned by the acting user". */
  ownerId: string;
  /** Channel and user access (a channel canvas' access follows the channel instead: empty there). */
  access: CanvasAccess;
  /** Edits people made in Slack's own canvas editor (`personEditsCanvas`), in order. */
  personEdits: { userId: string; markdown: string; at: number }[];
}

export interface StoredFile {
  filename: string;
  title?: string;
  /** The size files.getUploadURLExternal was told (`length`). */
  length?: number;
  /** The uploaded bytes, exactly as received at the upload URL (a .docx survives byte for byte). */
  bytes?: Buffer;
  /** The same bytes read as UTF-8, for tests of text files (Markdown, JSON). */
  content?: string;
  /** The user who uploaded it (the bot) and when (emulator clock, ms), for files.info. */
  user?: string;
  createdAt?: number;
  /** Set by files.completeUploadExternal. */
  channelId?: string;
  initialComment?: string;
  completed: boolean;
}

/** A channel tests declared (emulator.addChannel); conversations.info and users.conversations answer from it. */
export interface EmulatedChannel {
  id: string;
  name: string;
  is_private: boolean;
  /** Shared with another workspace or organisation (true too when is_ext_shared). */
  is_shared: boolean;
  /** Shared with a remote organisation (Slack Connect). */
  is_ext_shared: boolean;
  is_archived: boolean;
  /** User ids of the channel's members; the bot is a member when its user id is here. */
  members: Set<string>;
}

export interface SlackUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  is_bot: boolean;
  /** A deactivated account: users.info still answers it, with `deleted: true`. */
  deleted?: boolean;
  /**
   * The person's own workspace: another one than the app's for someone from another organisation in a
   * shared channel (Slack Connect). users.info's user object has `team_id`; the emulator's own people have
   * the emulated workspace's.
   */
  team_id?: string;
  /**
   * users.info's `is_stranger` (in @slack/web-api's UsersInfoResponse type): set on someone from another
   * organisation the app sees through Slack Connect (https://docs.slack.dev/apis/slack-connect, "External
   * members" describes how such user objects differ).
   */
  is_stranger?: boolean;
  profile: { display_name: string; real_name: string };
}

export interface EmulatorIdentity {
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
}

/** Everything the emulator remembers; tests read these fields directly. */
export interface EmulatorRecords {
  calls: RecordedCall[];
  /** Calls the emulator's rate limits answered with HTTP 429 (also in `calls`, with `rateLimited` set). */
  rateLimited: RecordedCall[];
  rejections: Rejection[];
  /** Canvas content Slack would take but show as raw markup; kept across `reset()`. */
  canvasProblems: CanvasProblem[];
  responses: RecordedResponse[];
  /** Messages posted and updated, per channel, oldest first. */
  messages: Map<string, StoredMessage[]>;
  ephemeralMessages: StoredEphemeral[];
  /** Pinned message timestamps per channel. */
  pins: Map<string, Set<string>>;
  /** Every open modal and published Home tab, by view id. */
  views: Map<string, StoredView>;
  /** Published Home tab per user id. */
  homeViews: Map<string, StoredView>;
  canvases: Map<string, StoredCanvas>;
  files: Map<string, StoredFile>;
  /**
   * Channels tests declared (conversations.info, users.conversations) and users users.info describes; an
   * unknown id gets a generated entry (an undeclared channel: public, the bot in it, in nobody's list).
   */
  channels: Map<string, EmulatedChannel>;
  users: Map<string, SlackUser>;
  /** User ids this workspace never had: users.info answers `user_not_found`. */
  unknownUsers: Set<string>;
  /** The direct message conversations conversations.open opened: IM id → the person's user id. */
  ims: Map<string, string>;
}

/** What method handlers work with: identity, records, clock, id makers and the live switches. */
export interface EmulatorState extends EmulatorIdentity, EmulatorRecords {
  /** http://127.0.0.1:PORT, no trailing slash. */
  baseUrl: string;
  now(): number;
  /** A fresh Slack-looking id with the given prefix (V for views, F for files, ...). */
  newId(prefix: string): string;
  /** A fresh message timestamp, unique and increasing. */
  newTs(): string;
  /** Issued trigger ids and when they were issued; views.open/push consume them. */
  triggers: Map<string, number>;
  /** Issued response URLs by id. */
  responseUrls: Map<string, { issuedAt: number; uses: number; source: ResponseSource }>;
  /** undefined when canvases work, else the error every canvas method answers. */
  canvasError: string | undefined;
  /** undefined normally, else the error every canvases.access.set answers (a workspace that refuses it). */
  canvasAccessError: string | undefined;
  /** Records a rejection and builds Slack's answer for it. */
  reject(method: string, args: SlackArgs, errors: string[], error?: string): SlackAnswer;
}

export function newRecords(): EmulatorRecords {
  return {
    calls: [],
    rateLimited: [],
    rejections: [],
    canvasProblems: [],
    responses: [],
    messages: new Map(),
    ephemeralMessages: [],
    pins: new Map(),
    views: new Map(),
    homeViews: new Map(),
    canvases: new Map(),
    files: new Map(),
    channels: new Map(),
    users: new Map(),
    unknownUsers: new Set(),
    ims: new Map(),
  };
}

interface StateOptions {
  identity: EmulatorIdentity;
  /** Shared, not copied: the emulator hands the same arrays and maps to tests. */
  records: EmulatorRecords;
  baseUrl: string;
  now: () => number;
  canvasError: string | undefined;
}

export function createEmulatorState({
  identity,
  records,
  baseUrl,
  now,
  canvasError,
}: StateOptions): EmulatorState {
  let lastId = 0;
  let lastTsMicros = 0;
  const state: EmulatorState = {
    ...identity,
    ...records,
    baseUrl,
    now,
    triggers: new Map(),
    responseUrls: new Map(),
    canvasError,
    canvasAccessError: undefined,
    newId(prefix) {
      lastId += 1;
      return `${prefix}${String(lastId).padStart(9, "0")}`;
    },
    newTs() {
      lastTsMicros = Math.max(now() * 1000, lastTsMicros + 1);
      const seconds = Math.floor(lastTsMicros / 1_000_000);
      return `${seconds}.${String(lastTsMicros % 1_000_000).padStart(6, "0")}`;
    },
    reject(method, args, errors, error = "invalid_arguments") {
      state.rejections.push({ method, error, errors, args, at: now() });
      return { ok: false, error, errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } };
    },
  };
  return state;
}

/** A string argument, or undefined when absent or not a string. */
export const stringArg = (args: SlackArgs, name: string): string | undefined =>
  typeof args[name] === "string" ? (args[name] as string) : undefined;

export const fail = (error: string, messages: string[] = []): SlackAnswer =>
  messages.length > 0 ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };

/** Answers one Web API method; `method` is the name it was called by (for rejections). */
export type MethodHandler = (args: SlackArgs, state: EmulatorState, method: string) => SlackAnswer;
