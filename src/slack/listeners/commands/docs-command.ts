import { documentSuite } from "../../../services/document-suite.js";
import { buildDocumentSuiteMessage } from "../../views/document-suite-view.js";
import { defineSubcommand } from "./define-subcommand.js";

/**
 * `/intplan docs`: the seven documents, each with its state and buttons, just for the person asking. Acked
 * empty first: telling whether a document is up to date renders it (people's names come from Slack), which
 * must not hold the 3-second ack; the list is then the one reply.
 */
export const docsCommand = defineSubcommand({
  name: "docs",
  needsProject: true,
  async handle({ project, ack, respond, deps }) {
    await ack();
    const suite = await documentSuite(deps, project);
    await respond({ response_type: "ephemeral", ...buildDocumentSuiteMessage(suite) });
  },
});
