import type { WebClient } from "@slack/web-api";
import type { Logger } from "../logger.js";
import type { ChannelAccess, ChannelVisibility } from "../services/channel-access.js";
import { type Budget, createRateGate, rateLimitDelayMs, SlackDeferredError } from "./clients.js";
import { slackErrorCode } from "./slack-error-code.js";

/**
 * Who may see which project channel, as Slack says (the port is src/services/channel-access.ts).
 *
 * What Slack documents, and what this relies on:
 * - `users.conversations` (https://docs.slack.dev/reference/methods/users.conversations; Tier 3, 50+ a minute)
 *   "returns a list of all channel-like conversations accessible to the user or app tied to the presented
 *   token". With a bot token it lists "the channels and conversations your bot is party to"; with `user`
 *   set it "filters to conversations your bot shares with that user": "Browse the public channel membership
 *   of other users with the user parameter. Private channel membership is only listed when the calling
 *   user, bot user, or app shares membership". So a private channel shows up in a person's list only when
 *   the bot is in it too; intplan's bot is in every project channel it posts to, and a person's membership
 *   of a private channel the bot has left cannot be proven, so that project is shown to no one.
 * - Scopes: "channels: scope is required when working with public channels, groups: for private channels"
 *   (channels:read and groups:read, both in manifest.yml); we ask only for `types=public_channel,
 *   private_channel` (the default is `public_channel` alone), never im/mpim, which would need im:read and
 *   mpim:read and never hold a project.
 * - The answer holds "limited channel-like conversation objects" ("We omit the is_member and num_members
 *   fields"), with `is_private`, `is_shared`, `is_ext_shared`, `is_org_shared`, `is_pending_ext_shared`, so
 *   one listing says both which channels someone is in and which of them are public.
 * - Pagination: `limit` "with a max of 999. We recommend no more than 200 results at a time"; the next page
 *   is asked for with `cursor` = `response_metadata.next_cursor`, and "An empty, null, or non-existent
 *   next_cursor in the response indicates no further results"; a page may hold fewer than `limit` before
 *   the end, so only the cursor ends the loop (https://docs.slack.dev/apis/web-api/pagination).
 * - `exclude_archived` defaults to false and is left so: an archived project channel stays known (public
 *   or not) and its members still see its project on Home.
 * - `conversations.info` (Tier 3) answers a channel's `is_private`/`is_shared`/`is_ext_shared`; for a
 *   private channel the bot is not in it answers `channel_not_found` (a bot token sees only the private
 *   channels it is in). The conversation type docs: "is_ext_shared represents this conversation as being
 *   part of a Shared Channel with a remote organization … is_shared will also be true".
 *
 * The fewest calls that are correct: one listing of the bot's own channels per workspace (which project
 * channels are public), one listing per person (which channels they are in), both cached for a minute on the
 * app's clock, whatever the number of projects; `conversations.info` only for a project channel the bot's
 * listing does not hold (the bot left it, or the listing failed), a few a Home page and cached as well. A
 * channel made private later is seen as such once the bot's listing is a minute old.
 *
 * When Slack does not answer (a rate limit, an error, our own budget), the last answer, if it is at most five
 * minutes old, stands in for it and the visibility says it is incomplete; with none, nothing is proven, so
 * only what the other answers prove is shown (public projects, from the listing or conversations.info).
 */

type Openness = "public" | "members-only";

/** The fields of a conversation object this reads (users.conversations and conversations.info). */
interface ConversationFlags {
  id?: string;
  is_private?: boolean;
  is_shared?: boolean;
  is_ext_shared?: boolean;
  is_org_shared?: boolean;
  is_pending_ext_shared?: boolean;
}

/** Private, or shared with another workspace or organisation (Slack Connect included): for members only. */
const opennessOf = (c: ConversationFlags): Openness =>
  c.is_private || c.is_shared || c.is_ext_shared || c.is_org_shared || c.is_pending_ext_shared
    ? "members-only"
    : "public";

export interface ChannelAccessOptions {
  client: WebClient;
  clock: () => Date;
  logger: Logger;
  /** How long an answer is used without asking again. */
  freshMs?: number;
  /** How long an older answer stands in when Slack does not answer. */
  staleLimitMs?: number;
}

const FRESH_MS = 60_000;
const STALE_LIMIT_MS = 5 * 60_000;
const PAGE_LIMIT = 200;
/** 10,000 channels for one person or the bot; past that the rest is not proven (and the page says so). */
const MAX_PAGES = 50;
/** conversations.info calls one Home page may make for channels the bot's listing does not hold. */
const MAX_INFO_LOOKUPS = 20;
/** People whose channels are remembered at once; the oldest is forgotten first. */
const MAX_PEOPLE = 10_000;

/** Below Slack's Tier 3 (50+ a minute), leaving room for a retry. */
const ACCESS_BUDGETS: Readonly<Record<string, Budget>> = {
  "users.conversations": { limit: 40, windowMs: 60_000 },
  "conversations.info": { limit: 40, windowMs: 60_000 },
};

interface Cached<T> {
  at: number;
  value: T;
}

/** An answer per key: reused while fresh, asked for once at a time, and stood in for (while not too old) on failure. */
function createAnswerCache<T>(options: {
  clock: () => Date;
  freshMs: number;
  staleLimitMs: number;
  max: number;
}) {
  const entries = new Map<string, Cached<T>>();
  const pending = new Map<string, Promise<T>>();
  const now = () => options.clock().getTime();
  /** The answer for `key` while it is fresh, without asking. */
  const fresh = (key: string): T | undefined => {
    const cached = entries.get(key);
    return cached && now() - cached.at < options.freshMs ? cached.value : undefined;
  };
  async function get(key: string, load: () => Promise<T>): Promise<{ value: T; fresh: boolean } | undefined> {
    const known = fresh(key);
    if (known !== undefined) return { value: known, fresh: true };
    try {
      let loading = pending.get(key);
      if (!loading) {
        loading = load().finally(() => pending.delete(key));
        pending.set(key, loading);
      }
      const value = await loading;
      entries.delete(key);
      entries.set(key, { at: now(), value });
      if (entries.size > options.max) entries.delete(entries.keys().next().value as string);
      return { value, fresh: true };
    } catch {
      const last = entries.get(key);
      return last && now() - last.at < options.staleLimitMs ? { value: last.value, fresh: false } : undefined;
    }
  }
  return { get, fresh };
}

export function createSlackChannelAccess(options: ChannelAccessOptions): ChannelAccess {
  const { client, logger } = options;
  const cacheOptions = {
    clock: options.clock,
    freshMs: options.freshMs ?? FRESH_MS,
    staleLimitMs: options.staleLimitMs ?? STALE_LIMIT_MS,
  };
  const people = createAnswerCache<Map<string, Openness>>({ ...cacheOptions, max: MAX_PEOPLE });
  const workspaces = createAnswerCache<Map<string, Openness>>({ ...cacheOptions, max: 100 });
  const channels = createAnswerCache<Openness>({ ...cacheOptions, max: MAX_PEOPLE });
  // Our own budget, and Slack's Retry-After per method: a rate-limited method is not called again until then.
  const gate = createRateGate(options.clock, ACCESS_BUDGETS);

  async function call<T>(method: string, send: () => Promise<T>): Promise<T> {
    gate.admit(method);
    try {
      return await send();
    } catch (error) {
      const wait = error instanceof SlackDeferredError ? undefined : rateLimitDelayMs(error);
      if (wait !== undefined) gate.pause(method, wait);
      throw error;
    }
  }

  const failed = (what: string) => (error: unknown) => {
    logger.warn(
      `Slack did not say ${what} (${slackErrorCode(error) ?? (error as Error).message}); App Home shows only what is proven`,
    );
    throw error;
  };

  /** The channels `user` is in (with the bot), or the bot's own channels; each with its openness. */
  async function listChannels(user: string | undefined): Promise<Map<string, Openness>> {
    const found = new Map<string, Openness>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await call("users.conversations", () =>
        client.users.conversations({
          ...(user ? { user } : {}),
          types: "public_channel,private_channel",
          exclude_archived: false,
          limit: PAGE_LIMIT,
          ...(cursor ? { cursor } : {}),
        }),
      );
      for (const channel of answer.channels ?? []) {
        if (channel.id) found.set(channel.id, opennessOf(channel));
      }
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) return found;
    }
    throw new Error(`more than ${MAX_PAGES * PAGE_LIMIT} channels`);
  }

  async function channelInfo(channel: string): Promise<Openness> {
    try {
      const answer = await call("conversations.info", () => client.conversations.info({ channel }));
      return opennessOf(answer.channel ?? {});
    } catch (error) {
      // A private channel the bot is not in (or a deleted one): nothing proves anyone may see its project.
      if (slackErrorCode(error) === "channel_not_found") return "members-only";
      throw error;
    }
  }

  return {
    async visibleTo({ teamId, userId, channelIds }): Promise<ChannelVisibility> {
      const [mine, workspace] = await Promise.all([
        people.get(`${teamId}:${userId}`, () =>
          listChannels(userId).catch(failed(`which channels ${userId} is in`)),
        ),
        workspaces.get(teamId, () => listChannels(undefined).catch(failed("which channels are public"))),
      ]);
      let complete = Boolean(mine?.fresh && workspace?.fresh);
      const visible = new Set<string>();
      const unknown: string[] = [];
      for (const id of channelIds) {
        // A member may see their channel's project, public or not.
        if (mine?.value.has(id)) visible.add(id);
        else if (workspace?.value.get(id) === "public") visible.add(id);
        else if (!workspace?.value.has(id)) unknown.push(id);
      }
      // Those already looked up are answered from the cache; a few more are looked up each time.
      const toAsk: string[] = [];
      for (const id of unknown) {
        const known = channels.fresh(id);
        if (known === undefined) toAsk.push(id);
        else if (known === "public") visible.add(id);
      }
      if (toAsk.length > MAX_INFO_LOOKUPS) complete = false;
      const looked = await Promise.all(
        toAsk.slice(0, MAX_INFO_LOOKUPS).map(async (id) => ({
          id,
          answer: await channels.get(id, () => channelInfo(id).catch(failed(`whether ${id} is public`))),
        })),
      );
      for (const { id, answer } of looked) {
        if (answer?.value === "public") visible.add(id);
        if (!answer?.fresh) complete = false;
      }
      return { visible, complete };
    },
  };
}
