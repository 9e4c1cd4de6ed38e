import type { ProjectRow } from "../../db/schema.js";
import type { DeletionSummary } from "../../domain/project-state.js";
import { ACTION } from "../ids.js";
import { actions, button, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

/** The ephemeral "are you sure?" for `/intplan delete`. */
export function buildDeleteConfirmation(project: ProjectRow): MessageContent {
  const name = `*${escapeMrkdwn(project.name)}* (${project.code})`;
  const text =
    `:warning: Delete ${name} and everything intplan stores about it: the discovery answers, phases, tasks, ` +
    "blockers, the status board, document records, frozen versions and the whole history? This cannot be undone.";
  const confirm = {
    title: { type: "plain_text" as const, text: "Delete this project?" },
    text: { type: "plain_text" as const, text: `${project.code} and all its data will be removed for good.` },
    confirm: { type: "plain_text" as const, text: "Delete" },
    deny: { type: "plain_text" as const, text: "Keep it" },
    style: "danger" as const,
  };
  return {
    text,
    blocks: [
      section(text),
      actions("delete_project", [
        {
          ...button("Delete project", ACTION.deleteProject, { value: String(project.id), style: "danger" }),
          confirm,
        },
        button("Cancel", ACTION.cancelDelete, { value: String(project.id) }),
      ]),
    ],
  };
}

export function buildNotAllowedToDelete(project: ProjectRow): string {
  return `Only the project's lead engineer (${mention(project.leadEngineerId)}) or project manager (${mention(project.projectManagerId)}) can delete ${escapeMrkdwn(project.name)}.`;
}

/** Told to the person who deleted: what was removed, and what stays in Slack. */
export function describeDeletion(
  project: ProjectRow,
  removed: DeletionSummary,
  canvasesLeft: number,
): string {
  const lines = [
    `Deleted *${escapeMrkdwn(project.name)}* (${project.code}). Removed from intplan's database:`,
    "• the project, its 5 phases and the status board record",
    `• ${removed.answers} discovery answers and any unsaved drafts`,
    `• ${removed.checklistItems} tasks and exit criteria`,
    `• ${removed.blockers} blockers`,
    `• ${removed.historyEntries} history entries`,
    `• ${removed.publications} document publication records`,
    `• ${removed.frozenVersions} frozen versions`,
    `• ${removed.canvasIds.length - canvasesLeft} canvases in Slack`,
  ];
  if (canvasesLeft > 0)
    lines.push(`${canvasesLeft} canvas(es) could not be deleted in Slack: remove them by hand.`);
  lines.push("Messages and files already posted in the channel stay in Slack; delete them there if needed.");
  return lines.join("\n");
}
