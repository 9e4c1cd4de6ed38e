import type { Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type MessageContent, section } from "./views/block-kit.js";

/** Slack's error code from a failed Web API call, when it has one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

const NOT_REACHABLE = new Set(["not_in_channel", "channel_not_found", "is_archived"]);

export interface PostOutcome {
  ts: string | undefined;
  /** Where the message went: the channel, or the user's DM when the bot cannot post in the channel. */
  postedTo: "channel" | "user" | "nowhere";
}

/**
 * Posts in a channel; when the bot is not in it, tells the person who asked in a DM instead, with what
 * to do. Database changes have been committed before this is called, so a failure here loses nothing.
 */
export async function postToChannel(
  client: WebClient,
  logger: Logger,
  args: { channelId: string; userId: string; content: MessageContent },
): Promise<PostOutcome> {
  try {
    const res = await client.chat.postMessage({ channel: args.channelId, ...args.content });
    return { ts: res.ts, postedTo: "channel" };
  } catch (error) {
    const code = slackErrorCode(error);
    logger.warn(`chat.postMessage to ${args.channelId} failed (${code ?? "network"})`);
    try {
      const why = NOT_REACHABLE.has(code ?? "")
        ? "I could not post in that channel. Invite me with `/invite @intplan` and run the command again."
        : "Slack did not accept my message to the channel; it is saved and `/intplan status` shows it.";
      const res = await client.chat.postMessage({
        channel: args.userId,
        text: `${why}\n${args.content.text}`,
        blocks: [section(why), ...args.content.blocks].slice(0, 50),
      });
      return { ts: res.ts, postedTo: "user" };
    } catch (dmError) {
      logger.warn(`Could not reach ${args.userId} either (${slackErrorCode(dmError) ?? "network"})`);
      return { ts: undefined, postedTo: "nowhere" };
    }
  }
}
