import { openBlockers } from "../../../services/blockers-service.js";
import { buildBlockerList } from "../../views/blocker-messages.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan blockers`: the open blockers with id, age and owner, just for the person asking. */
export const blockersCommand = defineSubcommand({
  name: "blockers",
  needsProject: true,
  async handle({ project, ack, deps }) {
    await ack(buildBlockerList(openBlockers(deps, project), deps.clock()));
  },
});
