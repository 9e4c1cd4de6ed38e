/**
 * A loopback Slack Web API for end-to-end tests and the demo: a real node:http server on 127.0.0.1 that answers
 * the methods intplan uses with Slack-shaped JSON, keeps the workspace state (messages, views, canvases, files),
 * refuses what Slack refuses (Block Kit limits, expired trigger ids, canvas markdown), can inject faults, and
 * with `rateLimits: "slack"` answers 429 past Slack's per-method rate-limit tiers.
 *
 * Point a WebClient (or Bolt's `clientOptions.slackApiUrl`) at `emulator.apiUrl`; any token starting with `xoxb-`
 * is accepted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { canvasMethods, personEditsCanvas } from "./slack-emulator-canvases.js";
import { chatMethods } from "./slack-emulator-chat.js";
import {
  type ChannelSpec,
  changeChannel,
  conversationMethods,
  declareChannel,
} from "./slack-emulator-conversations.js";
import {
  fileMethods,
  PRIVATE_FILE_PATH,
  personUploadsFile,
  receiveUpload,
  servePrivateFile,
  UPLOAD_PATH,
} from "./slack-emulator-files.js";
import { bearerToken, parseArgs, readBody, sendJson, uploadedBytes } from "./slack-emulator-http.js";
import { createRateLimiter, type RateLimitMode } from "./slack-emulator-rate-limits.js";
import { createResponseUrl, RESPONSE_PATH, receiveResponse } from "./slack-emulator-responses.js";
import {
  createEmulatorState,
  type EmulatorIdentity,
  type EmulatorRecords,
  type EmulatorState,
  type Fault,
  fail,
  type MethodHandler,
  newRecords,
  type RecordedCall,
  type RecordedResponse,
  type ResponseSource,
  type SlackAnswer,
  type SlackArgs,
  stringArg,
} from "./slack-emulator-state.js";
import { issueTriggerId, viewMethods } from "./slack-emulator-views.js";

export type { ChannelSpec } from "./slack-emulator-conversations.js";
export type { RateLimitMode } from "./slack-emulator-rate-limits.js";
export type { Fault, RecordedCall, RecordedResponse } from "./slack-emulator-state.js";

export interface SlackEmulatorOptions {
  teamId?: string;
  botUserId?: string;
  /** Default true; false makes every canvas method answer `team_tier_cannot_create_channel_canvases`. */
  canvasesAvailable?: boolean;
  /** Clock in ms, for trigger id and response_url expiry and rate limits. Default Date.now. */
  now?: () => number;
  /**
   * `"slack"`: every method answers HTTP 429 with `Retry-After` past its budget per workspace (and, for
   * chat.postMessage, per channel), as Slack does (slack-emulator-rate-limits.ts). Default `"off"`.
   */
  rateLimits?: RateLimitMode;
}

export interface SlackEmulator extends EmulatorIdentity, EmulatorRecords {
  /** Base URL for WebClient's `slackApiUrl`, e.g. http://127.0.0.1:PORT/api/ */
  apiUrl: string;
  close(): Promise<void>;
  callsTo(method: string): RecordedCall[];
  lastCall(method: string): RecordedCall | undefined;
  /** Resolves with the first recorded call to `method` matching `predicate` (already received or arriving). */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /**
   * Forgets recorded calls (429s included), rejections, responses and pending faults; keeps the workspace
   * state and the rate-limit budgets already used.
   */
  reset(): void;
  /** The next `times` calls to `method` get `fault` instead of (for `delay`: before) their normal answer. */
  failNext(method: string, fault: Fault, times?: number): void;
  /** Switches Slack's rate limits on (`"slack"`), off, or to a table of one's own; counting starts afresh. */
  setRateLimits(mode: RateLimitMode): void;
  /**
   * Declares a channel (replacing an earlier declaration of it): private or public, shared, archived, and
   * who is in it (the bot too, unless `botIsMember: false`). conversations.info and users.conversations
   * answer from these, as Slack does (slack-emulator-conversations.ts).
   */
  addChannel(channel: ChannelSpec): void;
  /** Changes a declared channel: made private later, shared, archived, members added or removed. */
  updateChannel(id: string, changes: Omit<Partial<ChannelSpec>, "id">): void;
  /** true: canvases work; false or an error string: every canvas method answers that error. */
  setCanvasesAvailable(available: boolean | string): void;
  /**
   * An error string: every canvases.access.set answers it (a workspace whose settings refuse the app, e.g.
   * `restricted_action`); undefined: access.set works again.
   */
  refuseCanvasAccess(error: string | undefined): void;
  /** Puts people in a channel: a canvas shared with the channel reaches them. */
  joinChannel(channelId: string, ...userIds: string[]): void;
  /**
   * A person edits a canvas in Slack (replaces its markdown), as the canvas' access allows: "edited", or why
   * not ("read-only" for view access, "no-access" for none).
   */
  personEditsCanvas(edit: {
    userId: string;
    canvasId: string;
    markdown: string;
  }): ReturnType<typeof personEditsCanvas>;
  /** A fresh trigger id, valid for one views.open/views.push within 3 seconds. */
  issueTriggerId(): string;
  /**
   * A person uploads a file into a modal's file_input: the file object a submission's state holds for it
   * (put it in `files` of the file_input's value), its url_private served only with the bot token.
   */
  personUploadsFile(upload: {
    userId: string;
    name: string;
    bytes: Buffer | string;
  }): Record<string, unknown>;
  /**
   * A fresh response_url on the emulator: 5 uses within 30 minutes, recorded in `responses`. A slash
   * command's (`"command"`) ignores `replace_original`, as Slack's does; an interaction's (the default)
   * replaces the message that held the button unless told not to.
   */
  createResponseUrl(source?: ResponseSource): string;
  waitForResponse(
    predicate?: (response: RecordedResponse) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedResponse>;
}

const DEFAULT_CANVAS_ERROR = "team_tier_cannot_create_channel_canvases";
const METHODS: Record<string, MethodHandler> = {
  ...chatMethods,
  ...viewMethods,
  ...canvasMethods,
  ...fileMethods,
  ...conversationMethods,
};

/** Polls `find` until it returns something, or fails after `timeoutMs` with `describe()`. */
async function waitFor<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(describe());
    await sleep(5);
  }
}

function createFaultQueue() {
  const pending = new Map<string, { fault: Fault; remaining: number }[]>();
  return {
    add(method: string, fault: Fault, times: number) {
      pending.set(method, [...(pending.get(method) ?? []), { fault, remaining: times }]);
    },
    take(method: string): Fault | undefined {
      const next = pending.get(method)?.[0];
      if (!next) return undefined;
      next.remaining -= 1;
      if (next.remaining <= 0) pending.get(method)?.shift();
      return next.fault;
    },
    clear: () => pending.clear(),
  };
}

/** Answers a Web API method after checking that it exists and the token looks like a bot token. */
function answerMethod(
  state: EmulatorState,
  method: string,
  args: SlackArgs,
  token: string | undefined,
): SlackAnswer {
  const handler = METHODS[method];
  if (!handler) return fail("unknown_method");
  if (!token) return fail("not_authed");
  if (!token.startsWith("xoxb-")) return fail("invalid_auth");
  return handler(args, state, method);
}

function sendFault(req: IncomingMessage, res: ServerResponse, fault: Exclude<Fault, { kind: "delay" }>) {
  if (fault.kind === "reset") return req.socket.destroy();
  if (fault.kind === "error") return sendJson(res, 200, fail(fault.error));
  const retryAfter: Record<string, string> =
    fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
  sendJson(res, fault.status, fail(fault.status === 429 ? "ratelimited" : "internal_error"), retryAfter);
}

export async function startSlackEmulator(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const identity: EmulatorIdentity = {
    teamId: options.teamId ?? "T_EMULATED",
    botUserId: options.botUserId ?? "U_INTPLAN_BOT",
    botId: "B_INTPLAN",
    appId: "A_INTPLAN",
  };
  const records = newRecords();
  const state = createEmulatorState({
    identity,
    records,
    baseUrl,
    now: options.now ?? Date.now,
    canvasError: options.canvasesAvailable === false ? DEFAULT_CANVAS_ERROR : undefined,
  });
  const faults = createFaultQueue();
  const limiter = createRateLimiter(options.rateLimits ?? "off");

  /** Refuses the call with 429 when it is past its budget (Slack's web API rate limits); true when refused. */
  function refuseOverBudget(res: ServerResponse, call: RecordedCall): boolean {
    const channel = stringArg(call.args, "channel") ?? stringArg(call.args, "channel_id");
    const verdict = limiter.take(
      { method: call.method, workspace: `${identity.teamId}:${call.token ?? ""}`, channel },
      call.at,
    );
    if (!verdict) return false;
    call.rateLimited = verdict;
    call.answer = fail("ratelimited");
    state.rateLimited.push(call);
    sendJson(res, 429, call.answer, { "retry-after": String(verdict.retryAfterSeconds) });
    return true;
  }

  async function serveMethod(req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer) {
    const { token: bodyToken, ...args } = parseArgs(raw, req.headers["content-type"] ?? "");
    const token =
      bearerToken(req.headers.authorization) ?? (typeof bodyToken === "string" ? bodyToken : undefined);
    const call: RecordedCall = { method, args, token, at: state.now() };
    state.calls.push(call);
    const fault = faults.take(method);
    if (fault) call.fault = fault;
    if (fault?.kind === "delay") await sleep(fault.ms);
    else if (fault) return sendFault(req, res, fault);
    // Unknown methods and bad tokens get their own error, not a 429.
    if (METHODS[method] && token?.startsWith("xoxb-") && refuseOverBudget(res, call)) return;
    call.answer = answerMethod(state, method, args, token);
    sendJson(res, 200, call.answer);
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", baseUrl).pathname;
    const raw = await readBody(req);
    const contentType = req.headers["content-type"] ?? "";
    if (path.startsWith("/api/")) return serveMethod(req, res, path.slice("/api/".length), raw);
    if (path.startsWith(UPLOAD_PATH)) {
      const stored = receiveUpload(
        state,
        path.slice(UPLOAD_PATH.length),
        await uploadedBytes(raw, contentType),
      );
      return sendJson(res, stored ? 200 : 404, stored ? { ok: true } : fail("file_not_found"));
    }
    if (path.startsWith(PRIVATE_FILE_PATH)) {
      const answer = servePrivateFile(state, path, {
        method: req.method ?? "GET",
        token: bearerToken(req.headers.authorization),
        botToken: (token) => token.startsWith("xoxb-"),
      });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    if (path.startsWith(RESPONSE_PATH)) {
      const { status, answer } = receiveResponse(
        state,
        path.slice(RESPONSE_PATH.length),
        parseArgs(raw, contentType),
      );
      return sendJson(res, status, answer);
    }
    sendJson(res, 404, fail("not_found"));
  }

  server.on("request", (req, res) => {
    route(req, res).catch((error: unknown) => sendJson(res, 500, fail("emulator_error", [String(error)])));
  });

  return {
    ...identity,
    ...records,
    apiUrl: `${baseUrl}/api/`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
    callsTo: (method) => state.calls.filter((call) => call.method === method),
    lastCall: (method) => state.calls.findLast((call) => call.method === method),
    waitForCall(method, predicate = () => true, timeoutMs = 2000) {
      return waitFor(
        () => state.calls.find((call) => call.method === method && predicate(call)),
        timeoutMs,
        () =>
          `No matching ${method} call within ${timeoutMs} ms; calls: ${state.calls.map((c) => c.method).join(", ")}`,
      );
    },
    reset() {
      records.calls.length = 0;
      records.rateLimited.length = 0;
      records.rejections.length = 0;
      records.responses.length = 0;
      faults.clear();
    },
    failNext: (method, fault, times = 1) => faults.add(method, fault, times),
    setRateLimits(mode) {
      limiter.setMode(mode);
      limiter.clear();
    },
    addChannel: (channel) => declareChannel(state, channel),
    updateChannel: (id, changes) => changeChannel(state, id, changes),
    setCanvasesAvailable(available) {
      state.canvasError =
        available === true ? undefined : available === false ? DEFAULT_CANVAS_ERROR : available;
    },
    refuseCanvasAccess(error) {
      state.canvasAccessError = error;
    },
    joinChannel(channelId, ...userIds) {
      const channel = state.channels.get(channelId);
      if (!channel) declareChannel(state, { id: channelId, members: userIds });
      else for (const userId of userIds) channel.members.add(userId);
    },
    personEditsCanvas: (edit) => personEditsCanvas(state, edit),
    issueTriggerId: () => issueTriggerId(state),
    personUploadsFile: ({ userId, name, bytes }) =>
      personUploadsFile(state, {
        userId,
        name,
        bytes: typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes,
      }),
    createResponseUrl: (source) => createResponseUrl(state, source),
    waitForResponse(predicate = () => true, timeoutMs = 2000) {
      return waitFor(
        () => state.responses.find(predicate),
        timeoutMs,
        () => `No matching response_url POST within ${timeoutMs} ms; got ${state.responses.length}`,
      );
    },
  };
}
