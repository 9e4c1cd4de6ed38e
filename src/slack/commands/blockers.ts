import { listOpenBlockers } from "../../db/blockers.js";
import { toLiveBlocker } from "../../db/live-state.js";
import type { Subcommand, WithProject } from "../context.js";
import { buildBlockerList } from "../views/blocker-messages.js";

/** `/intplan blockers`: the open blockers with id, age and owner, just for the person asking. */
export const blockersCommand: Subcommand<"blockers"> = {
  name: "blockers",
  needsProject: true,
  async handle(ctx) {
    const { project, ack, deps } = ctx as WithProject<typeof ctx.command>;
    await ack(buildBlockerList(listOpenBlockers(deps.db, project.id).map(toLiveBlocker), deps.clock()));
  },
};
