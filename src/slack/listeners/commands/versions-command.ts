import { projectVersions } from "../../../services/document-versions.js";
import { buildVersionsList } from "../../views/version-messages.js";
import { defineSubcommand } from "./define-subcommand.js";

/** `/intplan versions`: the project's frozen versions, just for the person asking. */
export const versionsCommand = defineSubcommand({
  name: "versions",
  needsProject: true,
  async handle({ project, ack, deps }) {
    await ack(buildVersionsList(projectVersions(deps, project)));
  },
});
