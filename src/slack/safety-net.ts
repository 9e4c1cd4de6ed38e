import type { AnyMiddlewareArgs, App, Context } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { storageProblemOf } from "../db/client.js";
import type { AppDeps } from "../deps.js";
import type { Logger } from "../logger.js";
import { wasAcknowledged } from "./acknowledgements.js";
import { releaseClaims } from "./dedupe.js";
import { NOT_DONE_TEXT, notSavedText } from "./errors.js";
import { buildNotSavedModal } from "./views/not-saved-message.js";

type Ack = (response?: unknown) => Promise<void>;

interface RequestBody {
  type?: string;
  command?: string;
  trigger_id?: string;
  response_url?: string;
  view?: { type?: string; blocks?: { type?: string; block_id?: string }[] };
}

/**
 * The safety net, first of the middleware: while the database cannot take a change, requests are refused
 * with a clear "not saved" answer instead of being acknowledged into nowhere; and any error before the ack
 * (a failed claim, a listener that throws) is answered within Slack's 3 seconds saying nothing was saved,
 * in the form each kind of request allows, so Bolt never answers 404.
 */
export function registerSafetyNet(app: App, deps: AppDeps): void {
  app.use(async (args) => {
    const { context, next, logger, client } = args;
    const ack = (args as { ack?: Ack }).ack;
    const unacknowledged = () => ack !== undefined && !wasAcknowledged(context);

    if (unacknowledged()) {
      const health = deps.database.check();
      if (!health.writable) {
        logger.warn(
          `Refused a request: the database is not accepting changes (${health.problem}: ${health.detail}).`,
        );
        await answerNotSaved(args, client, logger, notSavedText(health.problem));
        return;
      }
    }
    try {
      await next();
    } catch (error) {
      const storage = deps.database.observe(error);
      if (!unacknowledged()) throw error;
      logger.error("A request failed before it was acknowledged; nothing was saved:", error);
      releaseClaims(deps.db, context, logger);
      await answerNotSaved(
        args,
        client,
        logger,
        storage ? notSavedText(storageProblemOf(error)) : NOT_DONE_TEXT,
      );
    }
  });
}

/** Acknowledges a request that changed nothing, telling the person so in the way its kind allows. */
async function answerNotSaved(
  args: AnyMiddlewareArgs & { context: Context },
  client: WebClient,
  logger: Logger,
  text: string,
): Promise<void> {
  const ack = (args as unknown as { ack: Ack }).ack;
  const body = args.body as RequestBody;
  try {
    if (body.command) {
      await ack({ response_type: "ephemeral", text });
      return;
    }
    if (body.type === "view_submission") {
      // `errors` keeps the form as it is, typed text included; without an input to attach it to, a small
      // modal pushed on top does the same (its Back returns to the form).
      const input = body.view?.blocks?.find((b) => b.type === "input" && b.block_id);
      await ack(
        input?.block_id
          ? { response_action: "errors", errors: { [input.block_id]: text } }
          : { response_action: "push", view: buildNotSavedModal(text) },
      );
      return;
    }
    if (body.type === "block_suggestion") {
      await ack({ options: [] });
      return;
    }
    await ack();
    if (body.type === "view_closed") return; // the modal is gone: nothing left to show it in
    if (body.response_url) {
      await fetch(body.response_url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
      });
      return;
    }
    if (body.trigger_id) {
      const view = buildNotSavedModal(text);
      // On top of the modal the button is in (closing it returns there), else (App Home, a shortcut) alone.
      if (body.view?.type === "modal") await client.views.push({ trigger_id: body.trigger_id, view });
      else await client.views.open({ trigger_id: body.trigger_id, view });
    }
  } catch (error) {
    logger.warn("Could not tell the person their change was not saved:", error);
  }
}
