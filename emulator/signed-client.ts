/**
 * Sends requests to the app the way Slack does: slash commands and interactions as
 * `application/x-www-form-urlencoded`, events as JSON, each signed with the signing secret.
 * With an emulator, trigger ids and response URLs come from it, so the app's views.open and respond() calls
 * are checked there; views and messages the emulator holds fill in the payloads.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { SlackEmulator } from "./slack-emulator.js";
import { applySubmissionAnswer, closeView, slackViewOf } from "./slack-emulator-views.js";

export interface SignedClientOptions {
  /** The app's Slack endpoint, e.g. http://127.0.0.1:PORT/slack/events */
  appUrl: string;
  signingSecret: string;
  emulator?: SlackEmulator;
  teamId?: string;
  /** Clock in ms for request timestamps. Default Date.now. */
  now?: () => number;
}

export interface SlackRequestResult {
  status: number;
  /** The app's answer: parsed JSON when it is JSON, else the text ("" for a plain ack). */
  body: unknown;
  /** The trigger id sent with the request, if any. */
  triggerId?: string;
  /** The response URL sent with the request, if any. */
  responseUrl?: string;
  /** How long the app took to answer. */
  ms: number;
}

export interface CommandOptions {
  text: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
  command?: string;
}

export interface BlockActionOptions {
  actionId: string;
  value?: string;
  userId: string;
  channelId?: string;
  blockId?: string;
  /** The message holding the button; the emulator's copy of it is sent when it has one. */
  messageTs?: string;
  /** The message holding the button is an ephemeral one (a private reply), as `container.is_ephemeral` says. */
  ephemeral?: boolean;
  /** The view holding the element: a view id the emulator knows, or a view object. */
  view?: string | Record<string, unknown>;
  /** state.values of the view, for actions inside modals. */
  values?: StateValues;
  /** Extra fields of the action, e.g. `{type: "static_select", selected_option: {...}}`. */
  action?: Record<string, unknown>;
}

/** `view.state.values`: block id → action id → value object. */
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

export interface ViewPayloadOptions {
  userId: string;
  /** A view id the emulator knows: its blocks, title and metadata are sent. */
  viewId?: string;
  callbackId?: string;
  privateMetadata?: string;
  values?: StateValues;
  hash?: string;
}

export interface MessageShortcutOptions {
  callbackId: string;
  message: { ts: string; text: string; user: string };
  channelId: string;
  userId: string;
}

export interface EventOptions {
  retryNum?: number;
  retryReason?: string;
  /** Send the same id again to imitate a retried delivery. Default: a fresh id. */
  eventId?: string;
}

export interface RawRequest {
  body: string;
  contentType: string;
  /** Seconds; default now. */
  timestamp?: number;
  /** Default: the correct signature. */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SignedClient {
  command(options: CommandOptions): Promise<SlackRequestResult>;
  interaction(payload: Record<string, unknown>): Promise<SlackRequestResult>;
  blockAction(options: BlockActionOptions): Promise<SlackRequestResult>;
  viewSubmission(options: ViewPayloadOptions): Promise<SlackRequestResult>;
  viewClosed(options: ViewPayloadOptions & { isCleared?: boolean }): Promise<SlackRequestResult>;
  messageShortcut(options: MessageShortcutOptions): Promise<SlackRequestResult>;
  event(event: Record<string, unknown>, options?: EventOptions): Promise<SlackRequestResult>;
  raw(request: RawRequest): Promise<SlackRequestResult>;
}

const FORM = "application/x-www-form-urlencoded";
const VERIFICATION_TOKEN = "emulated-verification-token";

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function slackSignature(signingSecret: string, timestamp: string | number, body: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

const parseAnswer = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export function createSignedClient(options: SignedClientOptions): SignedClient {
  const { appUrl, signingSecret, emulator } = options;
  const now = options.now ?? Date.now;
  const teamId = options.teamId ?? emulator?.teamId ?? "T_EMULATED";
  const appId = emulator?.appId ?? "A_INTPLAN";
  const newTriggerId = () => emulator?.issueTriggerId() ?? `${now()}.${randomBytes(6).toString("hex")}`;
  const newResponseUrl = (source: "command" | "interaction" = "interaction") =>
    emulator?.createResponseUrl(source) ?? `http://127.0.0.1:9/response/${randomBytes(6).toString("hex")}`;
  const actionTs = () => (now() / 1000).toFixed(6);

  async function send(request: RawRequest, sent: Pick<SlackRequestResult, "triggerId" | "responseUrl"> = {}) {
    const timestamp = String(request.timestamp ?? Math.floor(now() / 1000));
    const started = performance.now();
    const response = await fetch(appUrl, {
      method: "POST",
      headers: {
        "content-type": request.contentType,
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": request.signature ?? slackSignature(signingSecret, timestamp, request.body),
        ...request.headers,
      },
      body: request.body,
    });
    const body = parseAnswer(await response.text());
    return { status: response.status, body, ms: performance.now() - started, ...sent };
  }

  /** The fields every interaction payload carries. */
  const fromUser = (userId: string) => ({
    team: { id: teamId, domain: "emulated" },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: appId,
    token: VERIFICATION_TOKEN,
    is_enterprise_install: false,
  });

  function viewOf(
    view: string | Record<string, unknown> | undefined,
    values: StateValues = {},
  ): Record<string, unknown> {
    const stored = typeof view === "string" ? emulator?.views.get(view) : undefined;
    const base =
      stored && emulator ? slackViewOf(stored, emulator) : typeof view === "string" ? { id: view } : view;
    return {
      team_id: teamId,
      app_id: appId,
      private_metadata: "",
      callback_id: "",
      ...base,
      state: { values },
    };
  }

  /** Slack sends nothing for a modal that is no longer on screen. */
  function refuseClosed(viewId: string | undefined) {
    if (viewId && emulator?.views.get(viewId)?.closed)
      throw new Error(`View ${viewId} is closed: Slack sends nothing more for it.`);
  }

  function messageOf(channelId: string | undefined, ts: string) {
    const stored = emulator?.messages.get(channelId ?? "")?.find((message) => message.ts === ts);
    return { type: "message", user: emulator?.botUserId, text: "", ...stored, ts };
  }

  function interaction(payload: Record<string, unknown>) {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const sent = {
      triggerId: payload.trigger_id as string | undefined,
      responseUrl: payload.response_url as string | undefined,
    };
    return send({ body, contentType: FORM }, sent);
  }

  function viewPayload(options: ViewPayloadOptions) {
    const view = viewOf(options.viewId, options.values);
    return {
      ...fromUser(options.userId),
      view: {
        ...view,
        ...(options.callbackId === undefined ? {} : { callback_id: options.callbackId }),
        ...(options.privateMetadata === undefined ? {} : { private_metadata: options.privateMetadata }),
        ...(options.hash === undefined ? {} : { hash: options.hash }),
      },
    };
  }

  return {
    command({ text, userId = "U0PM", channelId = "C0PROJECT", teamId: commandTeamId, command = "/intplan" }) {
      const triggerId = newTriggerId();
      const responseUrl = newResponseUrl("command");
      const body = new URLSearchParams({
        token: VERIFICATION_TOKEN,
        team_id: commandTeamId ?? teamId,
        team_domain: "emulated",
        channel_id: channelId,
        channel_name: channelId.toLowerCase(),
        user_id: userId,
        user_name: userId.toLowerCase(),
        command,
        text,
        api_app_id: appId,
        is_enterprise_install: "false",
        response_url: responseUrl,
        trigger_id: triggerId,
      }).toString();
      return send({ body, contentType: FORM }, { triggerId, responseUrl });
    },

    interaction,

    blockAction({
      actionId,
      value,
      userId,
      channelId,
      blockId = "actions",
      messageTs,
      ephemeral = false,
      view,
      values,
      action,
    }) {
      if (typeof view === "string") refuseClosed(view);
      const inMessage = messageTs !== undefined;
      const viewOutput = view === undefined ? undefined : viewOf(view, values);
      return interaction({
        type: "block_actions",
        ...fromUser(userId),
        trigger_id: newTriggerId(),
        container: inMessage
          ? { type: "message", message_ts: messageTs, channel_id: channelId, is_ephemeral: ephemeral }
          : { type: "view", view_id: viewOutput?.id },
        ...(channelId === undefined ? {} : { channel: { id: channelId, name: channelId.toLowerCase() } }),
        ...(inMessage ? { message: messageOf(channelId, messageTs), response_url: newResponseUrl() } : {}),
        ...(viewOutput === undefined ? {} : { view: viewOutput, state: viewOutput.state }),
        actions: [
          {
            type: "button",
            action_id: actionId,
            block_id: blockId,
            action_ts: actionTs(),
            ...(value === undefined ? {} : { value }),
            ...action,
          },
        ],
      });
    },

    async viewSubmission(options) {
      refuseClosed(options.viewId);
      const res = await interaction({
        type: "view_submission",
        trigger_id: newTriggerId(),
        response_urls: [],
        ...viewPayload(options),
      });
      // Slack applies the app's answer to the modal (and gives up on it when the app does not answer 200).
      if (emulator && options.viewId && res.status === 200)
        applySubmissionAnswer(emulator, options.viewId, res.body);
      return res;
    },

    async viewClosed({ isCleared = false, ...options }) {
      refuseClosed(options.viewId);
      const res = await interaction({ type: "view_closed", is_cleared: isCleared, ...viewPayload(options) });
      if (emulator && options.viewId) closeView(emulator.views, options.viewId);
      return res;
    },

    messageShortcut({ callbackId, message, channelId, userId }) {
      return interaction({
        type: "message_action",
        callback_id: callbackId,
        trigger_id: newTriggerId(),
        response_url: newResponseUrl(),
        message_ts: message.ts,
        message: { type: "message", ...message },
        ...fromUser(userId),
        channel: { id: channelId, name: channelId.toLowerCase() },
        action_ts: actionTs(),
      });
    },

    event(
      event,
      { retryNum, retryReason, eventId = `Ev${randomBytes(5).toString("hex").toUpperCase()}` } = {},
    ) {
      const body = JSON.stringify({
        token: VERIFICATION_TOKEN,
        team_id: teamId,
        api_app_id: appId,
        type: "event_callback",
        event_id: eventId,
        event_time: Math.floor(now() / 1000),
        event: { event_ts: actionTs(), ...event },
        authorizations: [
          {
            team_id: teamId,
            user_id: emulator?.botUserId ?? "U_INTPLAN_BOT",
            is_bot: true,
            is_enterprise_install: false,
          },
        ],
        is_ext_shared_channel: false,
      });
      const headers: Record<string, string> = {};
      if (retryNum !== undefined) headers["x-slack-retry-num"] = String(retryNum);
      if (retryReason !== undefined) headers["x-slack-retry-reason"] = retryReason;
      return send({ body, contentType: "application/json", headers });
    },

    raw: (request) => send(request),
  };
}
