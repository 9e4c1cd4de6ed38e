import { exportForPerson } from "../document-delivery.js";
import { defineSubcommand } from "./define-subcommand.js";

/**
 * `/intplan export [<document>|answers]`: always a file in the channel (answers as JSON). The file, with its
 * comment saying who exported it, is the answer: the ack is empty and nothing more comes privately unless the
 * upload fails (then that, once).
 */
export const exportCommand = defineSubcommand({
  name: "export",
  needsProject: true,
  async handle({ project, command, ack, respond, client, body, deps }) {
    await ack();
    await exportForPerson(client, deps, { project, kind: command.doc, userId: body.user_id, respond });
  },
});
