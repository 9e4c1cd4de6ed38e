import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../deps.js";
import type { JobHandler } from "../outbox/worker.js";
import { refreshStatusBoard, type StatusBoardPort } from "../services/status-board-state.js";
import { classifySlackFailure } from "./background-failures.js";
import { slackErrorCode } from "./slack-error-code.js";
import type { MessageContent } from "./views/block-kit.js";
import { boardFingerprint, buildStatusBoard } from "./views/status-board-view.js";

/** Slack answers meaning the board message is gone: post a new one. */
const MESSAGE_GONE = new Set(["message_not_found", "cant_update_message"]);
/** Slack answers meaning the bot cannot reach the channel: nothing to retry until someone acts. */
const CHANNEL_UNREACHABLE = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

/** The status board service's Slack calls (post, edit, pin the board message), Slack's codes turned into its answers. */
export function slackStatusBoardPort(client: WebClient): StatusBoardPort<MessageContent> {
  return {
    render(facts) {
      const content = buildStatusBoard(facts);
      return { content, fingerprint: boardFingerprint(content) };
    },
    async post(channelId, content) {
      try {
        const { ts } = await client.chat.postMessage({ channel: channelId, ...content });
        return ts ? { ts } : { error: "no_ts" };
      } catch (error) {
        return { error: slackErrorCode(error) ?? "network", cause: error };
      }
    },
    async update(channelId, ts, content) {
      try {
        await client.chat.update({ channel: channelId, ts, ...content });
        return { kind: "updated" };
      } catch (error) {
        const code = slackErrorCode(error) ?? "";
        if (MESSAGE_GONE.has(code)) return { kind: "gone" };
        if (CHANNEL_UNREACHABLE.has(code)) return { kind: "unreachable", error: code };
        return { kind: "error", error: code || "network", cause: error };
      }
    },
    async pin(channelId, ts) {
      try {
        await client.pins.add({ channel: channelId, timestamp: ts });
        return { pinned: true };
      } catch (error) {
        const code = slackErrorCode(error);
        return code === "already_pinned" ? { pinned: true } : { pinned: false, error: code ?? "network" };
      }
    },
    // What the outbox retries (or puts off): a rate limit, a network error, Slack's 5xx.
    // The background jobs' own rule: anything but a permanent refusal is worth another try.
    isRetryable: (error) => classifySlackFailure(error).kind !== "permanent",
  };
}

/** The `refresh-status-board` outbox job: edits the board in place; a project without a board has nothing to do. */
export function refreshStatusBoardJob(client: WebClient, deps: AppDeps): JobHandler {
  const port = slackStatusBoardPort(client);
  return (row) => refreshStatusBoard(deps, port, row.projectId);
}
