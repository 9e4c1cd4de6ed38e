import {
  boardIsCurrent,
  loadStatusBoardFacts,
  showStatusBoard,
} from "../../../services/status-board-state.js";
import { slackStatusBoardPort } from "../../status-board-poster.js";
import { section } from "../../views/block-kit.js";
import { buildPrivateStatusBoard } from "../../views/status-board-view.js";
import { defineSubcommand } from "./define-subcommand.js";

const UP_TO_DATE =
  "The status board is up to date: it is the pinned message in this channel, and it updates itself.";

/**
 * `/intplan status`: posts and pins the channel's status board the first time and brings that same message
 * up to date after; when Slack will not take it, the same board answers privately instead.
 */
export const statusCommand = defineSubcommand({
  name: "status",
  needsProject: true,
  async handle({ project, ack, respond, client, deps }) {
    const board = slackStatusBoardPort(client);
    if (boardIsCurrent(deps, board, project)) {
      await ack(UP_TO_DATE);
      return;
    }
    await ack();
    const outcome = await showStatusBoard(deps, board, project);
    if (outcome.kind === "posted") return;
    if (outcome.kind === "failed") {
      const card = buildPrivateStatusBoard(loadStatusBoardFacts(deps, project));
      const why = `I could not post the status board here (Slack said \`${outcome.error}\`). If I am not in this channel, \`/invite @intplan\` and run \`/intplan status\` again.`;
      await respond({
        response_type: "ephemeral",
        text: `${why}\n${card.text}`,
        blocks: [section(why), ...card.blocks],
      });
      return;
    }
    await respond({
      response_type: "ephemeral",
      text:
        outcome.kind === "being-posted"
          ? "The status board is being posted right now; it will appear in a moment."
          : UP_TO_DATE,
    });
  },
});
