import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger.js";
import type { ModalView } from "../views/block-kit.js";

/**
 * Opens a modal for a trigger. Slack refuses when the trigger expired (it lives 3 seconds) or is busy: the
 * operator gets a warning, and the person who asked is told to try again, when there is a way to tell them.
 * Returns whether the modal opened.
 */
export async function openModal(
  client: WebClient,
  logger: Logger,
  args: {
    triggerId: string;
    view: ModalView;
    /** What opens, as the person knows it: "the new-project form". */
    what: string;
    /** How to try again: "Please run `/intplan new` again." */
    retry: string;
    respond?: RespondFn;
  },
): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: args.triggerId, view: args.view });
    return true;
  } catch (error) {
    logger.warn(`views.open failed for ${args.what}:`, error);
    await args.respond?.({
      response_type: "ephemeral",
      text: `Slack did not open ${args.what} in time. ${args.retry}`,
    });
    return false;
  }
}
