import type { App, Context } from "@slack/bolt";
import { type DatabaseProblem, storageProblemOf } from "../db/client.js";
import type { Logger } from "../logger.js";

const PROBLEM_WORDS: Record<DatabaseProblem, string> = {
  full: "its disk is full",
  locked: "it is locked by another program",
  "read-only": "it is read-only",
  missing: "its file was removed",
  replaced: "its file was replaced",
  unavailable: "it could not be opened",
  failing: "it reports a storage error",
};

/**
 * Said before the ack when the database cannot take the change: nothing was saved, and what to do.
 * `problem` names the cause when it is known.
 */
export function notSavedText(problem?: DatabaseProblem): string {
  const why = problem ? ` (${PROBLEM_WORDS[problem]})` : "";
  return `:warning: I could not save this: intplan's database is not accepting changes right now${why}. Nothing was changed; please try again in a minute, and tell your intplan admin if it keeps happening.`;
}

/** Said before the ack when something else failed: nothing was saved either, since changes commit whole. */
export const NOT_DONE_TEXT =
  ":warning: Something went wrong on intplan's side and this was not saved. Nothing was changed; please try again, and tell your intplan admin if it keeps happening.";

/**
 * Said when an error comes after the request was acknowledged: the change itself may have been committed
 * (changes are saved before Slack is told), but what followed did not finish, so the person should look.
 */
export function afterAckText(error: unknown): string {
  const problem = storageProblemOf(error);
  const cause = problem
    ? `intplan's database stopped accepting changes (${PROBLEM_WORDS[problem]})`
    : "something went wrong on intplan's side";
  return `:warning: Your request was received, but ${cause} before it was finished, so part of it may not have been saved. Check the channel (or \`/intplan status\`) before trying again, and tell your intplan admin if it keeps happening.`;
}

interface ErrorBody {
  response_url?: string;
  user?: { id?: string };
  user_id?: string;
  channel?: { id?: string };
  channel_id?: string;
}

/**
 * The one place unexpected listener errors end up once the request was acknowledged (the safety net in
 * `safety-net.ts` answers errors before the ack itself): logged for the operator, and the person who asked is
 * told, honestly, that part of it may not have been saved (through response_url when Slack gave one, else an
 * ephemeral message).
 */
export function registerErrorHandler(app: App, logger: Logger): void {
  // With extendedErrorHandler on, Bolt passes the request's body and context along with the error.
  const handle = async ({ error, body, context }: { error: Error; body: unknown; context: Context }) => {
    logger.error("Unhandled error in a listener:", error);
    const b = (body ?? {}) as ErrorBody;
    const text = afterAckText(error);
    try {
      if (b.response_url) {
        await fetch(b.response_url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
        });
        return;
      }
      const user = b.user?.id ?? b.user_id;
      const channel = b.channel?.id ?? b.channel_id;
      if (user && channel && context.botToken) {
        await app.client.chat.postEphemeral({ token: context.botToken, channel, user, text });
      }
    } catch (notifyError) {
      logger.warn("Could not tell the user about the error:", notifyError);
    }
  };
  app.error(handle as unknown as Parameters<App["error"]>[0]);
}
