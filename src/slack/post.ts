import { setTimeout as sleep } from "node:timers/promises";
import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../logger.js";
import { rateLimitDelayMs, SlackDeferredError } from "./clients.js";
import { slackErrorCode } from "./slack-error-code.js";
import { type MessageContent, section } from "./views/block-kit.js";

/** A rate-limited announcement waits for Slack's Retry-After at most this long, this many times in all. */
const RATE_LIMIT_PATIENCE_MS = 10_000;
const RATE_LIMIT_ATTEMPTS = 3;

const NOT_REACHABLE = new Set(["not_in_channel", "channel_not_found", "is_archived"]);

export interface PostOutcome {
  ts: string | undefined;
  /**
   * Where the message went: the channel; the person who asked, as an ephemeral reply (slash commands and
   * buttons) or a DM (modals, which have no reply URL); or nowhere.
   */
  postedTo: "channel" | "ephemeral" | "user" | "nowhere";
}

/**
 * Posts in a channel, waiting out a short deferral (chat.postMessage allows about one message a second per
 * channel) once. For notes the channel gets from background work, where there is nobody to reply to; resolves
 * with the message's ts.
 */
export async function postSoon(
  client: WebClient,
  args: { channel: string; text: string; blocks?: MessageContent["blocks"] },
): Promise<string | undefined> {
  try {
    return (await client.chat.postMessage(args)).ts;
  } catch (error) {
    const wait = error instanceof SlackDeferredError ? error.retryAfterMs : undefined;
    if (wait === undefined || wait > 2000) throw error;
    await sleep(wait);
    return (await client.chat.postMessage(args)).ts;
  }
}

/** Why the channel did not get the message, in plain words for the person who asked. */
export function whyNotPosted(code: string | undefined): string {
  if (code === "ratelimited")
    return "Slack is limiting how fast I can post in this channel just now. The change is saved; `/intplan status` shows it.";
  if (code === "is_archived")
    return "This channel is archived, so I could not post in it. The change is saved.";
  if (NOT_REACHABLE.has(code ?? "")) {
    return "I could not post in this channel. Invite me with `/invite @intplan`; the change is saved.";
  }
  return "Slack did not accept my message to the channel just now. The change is saved; `/intplan status` shows it.";
}

/**
 * Posts in a channel. When Slack refuses, the person who asked is told instead, with the message and what
 * to do: as an ephemeral reply through `respond` when the request has a response URL, else in a DM.
 * Database changes have been committed before this is called, so a failure here loses nothing.
 */
export async function postToChannel(
  client: WebClient,
  logger: Logger,
  args: { channelId: string; userId: string; content: MessageContent; respond?: RespondFn },
): Promise<PostOutcome> {
  let why: string | undefined;
  for (let attempt = 1; why === undefined; attempt++) {
    try {
      const res = await client.chat.postMessage({ channel: args.channelId, ...args.content });
      return { ts: res.ts, postedTo: "channel" };
    } catch (error) {
      // Slack's limit for posting is about one message a second per channel: a short wait (this runs after
      // the ack, and waiting here pauses no other call) usually lets the announcement through.
      const waitMs = rateLimitDelayMs(error);
      if (waitMs !== undefined && waitMs <= RATE_LIMIT_PATIENCE_MS && attempt < RATE_LIMIT_ATTEMPTS) {
        await sleep(waitMs);
        continue;
      }
      const code = waitMs === undefined ? slackErrorCode(error) : "ratelimited";
      logger.warn(`chat.postMessage to ${args.channelId} failed (${code ?? "network"})`);
      why = whyNotPosted(code);
    }
  }
  const fallback = {
    text: `${why}\n${args.content.text}`,
    blocks: [section(`:warning: ${why}`), ...args.content.blocks].slice(0, 50),
  };
  if (args.respond) {
    try {
      await args.respond({ response_type: "ephemeral", replace_original: false, ...fallback });
      return { ts: undefined, postedTo: "ephemeral" };
    } catch (error) {
      logger.warn(`The ephemeral reply failed too (${slackErrorCode(error) ?? "network"})`);
    }
  }
  try {
    const res = await client.chat.postMessage({ channel: args.userId, ...fallback });
    return { ts: res.ts, postedTo: "user" };
  } catch (dmError) {
    logger.warn(`Could not reach ${args.userId} either (${slackErrorCode(dmError) ?? "network"})`);
    return { ts: undefined, postedTo: "nowhere" };
  }
}
