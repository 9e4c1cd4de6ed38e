import type { types } from "@slack/bolt";
import { BLOCKER_LIMITS } from "../../domain/blockers.js";
import { CALLBACK } from "../ids.js";
import { writePrivateMetadata } from "../private-metadata.js";
import { context, input, LIMITS, type ModalView, option, plainText } from "./block-kit.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** "Log as blocker": the message's text, ready to edit, with an owner and whether the client holds it. */

/** Block ids, also the action id of each block's element (action ids must be unique in a view). */
export const BLOCKER_FIELD = { text: "text", owner: "owner", client: "client" } as const;
export const CLIENT_OPTION = "waiting_on_client";

export interface BlockerModalMetadata {
  projectId: number;
  channelId: string;
  messageTs: string;
}

export function buildBlockerModal(
  args: BlockerModalMetadata & { text: string; projectName: string },
): ModalView {
  const textInput: types.PlainTextInput = {
    type: "plain_text_input",
    action_id: BLOCKER_FIELD.text,
    multiline: true,
    max_length: BLOCKER_LIMITS.text,
    ...(args.text ? { initial_value: args.text } : {}),
  };
  const owner: types.UsersSelect = {
    type: "users_select",
    action_id: BLOCKER_FIELD.owner,
    placeholder: plainText("Who is on it?", LIMITS.placeholder),
  };
  const client: types.Checkboxes = {
    type: "checkboxes",
    action_id: BLOCKER_FIELD.client,
    options: [option("Waiting on the client", CLIENT_OPTION)],
  };
  const metadata: BlockerModalMetadata = {
    projectId: args.projectId,
    channelId: args.channelId,
    messageTs: args.messageTs,
  };
  return {
    type: "modal",
    callback_id: CALLBACK.logBlocker,
    private_metadata: writePrivateMetadata(metadata),
    title: plainText("Log as blocker", LIMITS.modalTitle),
    submit: plainText("Log blocker", LIMITS.modalTitle),
    close: plainText("Cancel", LIMITS.modalTitle),
    blocks: [
      context(`For *${escapeMrkdwn(args.projectName)}*. The blocker links back to the message.`),
      input(BLOCKER_FIELD.text, "Blocker", textInput),
      input(BLOCKER_FIELD.owner, "Owner", owner, { optional: true }),
      input(BLOCKER_FIELD.client, "Client", client, { optional: true }),
    ],
  };
}
