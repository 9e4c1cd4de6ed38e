import type { AnyMiddlewareArgs, App, Context, Logger } from "@slack/bolt";
import { inArray } from "drizzle-orm";
import type { AppDeps } from "../app.js";
import type { Db } from "../db/client.js";
import { claimRequest, forgetProcessedBefore } from "../db/processed-requests.js";
import { processedRequests } from "../db/schema.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many claims between clean-ups of old keys. */
const PURGE_EVERY = 500;

interface KeyedBody {
  type?: string;
  event_id?: string;
  user?: { id?: string };
  actions?: { action_id?: string; action_ts?: string }[];
  view?: { id?: string; hash?: string };
}

/**
 * What identifies a request as already handled: its signature (the same signed bytes sent again is a replay),
 * an event's id (Slack retries events), a view's id and hash (a double submission), an action's timestamp.
 */
export function requestKeys(body: unknown, context: Context): string[] {
  const b = (body ?? {}) as KeyedBody;
  const keys: string[] = [];
  if (typeof context.requestSignature === "string" && context.requestSignature)
    keys.push(`sig:${context.requestSignature}`);
  if (b.event_id) keys.push(`event:${b.event_id}`);
  if (b.type === "view_submission" && b.view?.id && b.view.hash)
    keys.push(`view:${b.view.id}:${b.view.hash}`);
  const action = b.type === "block_actions" ? b.actions?.[0] : undefined;
  if (action?.action_ts) keys.push(`action:${b.user?.id}:${action.action_id}:${action.action_ts}`);
  return keys;
}

/** Hands every request to its listener once; a repeat is acknowledged and otherwise ignored. */
export function registerDeduplication(app: App, deps: AppDeps): void {
  let claims = 0;
  app.use(async (args) => {
    const { body, context, next, logger } = args;
    const keys = requestKeys(body, context);
    if (keys.length > 0) {
      const now = deps.clock();
      if (++claims % PURGE_EVERY === 0) forgetProcessedBefore(deps.db, new Date(now.getTime() - DAY_MS));
      if (!claimRequest(deps.db, keys, now)) {
        logger.info(`Ignoring a repeated request (${keys.join(", ")}).`);
        const ack = (args as AnyMiddlewareArgs & { ack?: () => Promise<void> }).ack;
        if (ack) await ack();
        return;
      }
      context[CLAIMED] = keys;
    }
    await next();
  });
}

/** Where the keys this request claimed are kept, so a request that saved nothing can give them back. */
const CLAIMED = "intplanClaimedKeys";

/**
 * Gives back the keys a request claimed when it failed before its ack (nothing was saved), so the person
 * can send the same thing again (the same form, unchanged) once the database takes changes. Best effort.
 */
export function releaseClaims(db: Db, context: Context, logger: Logger): void {
  const keys = context[CLAIMED] as string[] | undefined;
  if (!keys || keys.length === 0) return;
  try {
    db.delete(processedRequests).where(inArray(processedRequests.key, keys)).run();
  } catch (error) {
    logger.warn(`Could not release the claim of a request that was not saved (${keys.join(", ")}):`, error);
  }
}
