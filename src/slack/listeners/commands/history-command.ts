import { historyMessage } from "../history-message.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan history [page]`: who changed what, newest first, just for the person asking. */
export const historyCommand = defineSubcommand({
  name: "history",
  needsProject: true,
  async handle({ project, command, ack, deps }) {
    await ack(historyMessage(deps, project, command.page));
  },
});
