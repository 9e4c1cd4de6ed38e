import type { App, Context, Logger } from "@slack/bolt";

const SORRY =
  ":warning: Something went wrong on intplan's side and this request was not completed. Nothing you typed is lost; please try again, and tell your intplan admin if it keeps happening.";

interface ErrorBody {
  response_url?: string;
  user?: { id?: string };
  user_id?: string;
  channel?: { id?: string };
  channel_id?: string;
}

/**
 * The one place unexpected listener errors end up: logged for the operator, and the person who asked is
 * told something went wrong (through response_url when Slack gave one, else an ephemeral message).
 */
export function registerErrorHandler(app: App, logger: Logger): void {
  // With extendedErrorHandler on, Bolt passes the request's body and context along with the error.
  const handle = async ({ error, body, context }: { error: Error; body: unknown; context: Context }) => {
    logger.error("Unhandled error in a listener:", error);
    const b = (body ?? {}) as ErrorBody;
    try {
      if (b.response_url) {
        await fetch(b.response_url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text: SORRY }),
        });
        return;
      }
      const user = b.user?.id ?? b.user_id;
      const channel = b.channel?.id ?? b.channel_id;
      if (user && channel && context.botToken) {
        await app.client.chat.postEphemeral({ token: context.botToken, channel, user, text: SORRY });
      }
    } catch (notifyError) {
      logger.warn("Could not tell the user about the error:", notifyError);
    }
  };
  app.error(handle as unknown as Parameters<App["error"]>[0]);
}
