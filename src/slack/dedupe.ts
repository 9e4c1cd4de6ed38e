import type { AnyMiddlewareArgs, App, Context } from "@slack/bolt";
import type { Db } from "../db/client.js";
import { claimRequest, forgetProcessedBefore, forgetRequests } from "../db/processed-requests.js";
import type { AppDeps } from "../deps.js";
import { fingerprintOf } from "../fingerprint.js";
import type { Logger } from "../logger.js";
import { answeredWithErrors } from "./acknowledgements.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many claims between clean-ups of old keys. */
const PURGE_EVERY = 500;

interface KeyedBody {
  type?: string;
  event_id?: string;
  user?: { id?: string };
  actions?: { action_id?: string; action_ts?: string }[];
  view?: { id?: string; hash?: string; state?: { values?: unknown } };
}

/** Where the keys this request claimed are kept, so a request that saved nothing can give them back. */
const CLAIMED = "intplanClaimedKeys";

/**
 * A view submission's key: the view, its hash and what it holds. Slack keeps a view's hash when the app
 * answers `response_action: "errors"` (it changes only when the view is updated:
 * https://docs.slack.dev/surfaces/modals#handling_race_conditions), so the hash alone would make a
 * corrected form look like a double submission. The same state submitted twice is still one.
 */
function viewKey(view: NonNullable<KeyedBody["view"]>): string {
  const state = fingerprintOf(view.state?.values ?? {}).slice(0, 24);
  return `view:${view.id}:${view.hash}:${state}`;
}

/**
 * What identifies a request as already handled: its signature (the same signed bytes sent again is a replay),
 * an event's id (Slack retries events), a view's id, hash and state (a double submission), an action's
 * timestamp.
 */
export function requestKeys(body: unknown, context: Context): string[] {
  const b = (body ?? {}) as KeyedBody;
  const keys: string[] = [];
  if (typeof context.requestSignature === "string" && context.requestSignature)
    keys.push(`sig:${context.requestSignature}`);
  if (b.event_id) keys.push(`event:${b.event_id}`);
  if (b.type === "view_submission" && b.view?.id && b.view.hash) keys.push(viewKey(b.view));
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
    // A form answered with inline errors was not handled: the person fixes it (or presses the button again
    // unchanged) and that submission must be processed. Its signature stays claimed, so the same signed
    // request sent again is still a replay. (A failure before the ack gives back every key: `releaseClaims`.)
    const view = keys.find((key) => key.startsWith("view:"));
    if (view && answeredWithErrors(context)) forgetRequests(deps.db, [view]);
  });
}

/**
 * Gives back the keys a request claimed when it failed before its ack (nothing was saved), so the person
 * can send the same thing again (the same form, unchanged) once the database takes changes. Best effort.
 */
export function releaseClaims(db: Db, context: Context, logger: Logger): void {
  const keys = context[CLAIMED] as string[] | undefined;
  if (!keys || keys.length === 0) return;
  try {
    forgetRequests(db, keys);
  } catch (error) {
    logger.warn(`Could not release the claim of a request that was not saved (${keys.join(", ")}):`, error);
  }
}
