import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../deps.js";
import { DOCUMENT_KINDS, DOCUMENT_TITLES, type DocumentKind } from "../domain/document-kinds.js";
import type { RefreshDocumentJob } from "../outbox/job-kinds.js";
import type { OutboxJob, OutboxRow } from "../outbox/queue.js";
import type { GiveUp, JobHandler } from "../outbox/worker.js";
import { findProjectForJob } from "../services/projects-service.js";
import { publishProjectDocument } from "./canvas-publisher.js";
import { postSoon } from "./post.js";
import { remindersJob } from "./reminders-job.js";
import { refreshStatusBoardJob } from "./status-board-poster.js";

/**
 * The outbox's name for refreshing a document's canvas, as outbox/job-kinds.ts spells it (typed by its
 * `RefreshDocumentJob`, so the two cannot drift); the Slack edge imports no values from the outbox.
 */
const refreshJobOf = (kind: DocumentKind): RefreshDocumentJob => `refresh-${kind}`;

/** The one place background Slack jobs are wired to their handlers; `client` is the background client. */
export function createJobHandlers(client: WebClient, deps: AppDeps): Partial<Record<OutboxJob, JobHandler>> {
  const refreshCanvas =
    (kind: DocumentKind): JobHandler =>
    async (row) => {
      // Only documents already published as canvases stay live; nothing is created behind anyone's back.
      await publishProjectDocument(client, deps, {
        projectId: row.projectId,
        kind,
        actorId: row.actorId,
        onlyIfCanvasExists: true,
      });
    };
  return {
    "refresh-status-board": refreshStatusBoardJob(client, deps),
    reminders: remindersJob(client, deps),
    ...Object.fromEntries(DOCUMENT_KINDS.map((kind) => [refreshJobOf(kind), refreshCanvas(kind)])),
  };
}

/** What a job brings up to date, as the channel is told: "the Statement of Work canvas". */
function jobLabel(job: OutboxJob): string {
  const kind = DOCUMENT_KINDS.find((k) => refreshJobOf(k) === job);
  if (kind) return `the ${DOCUMENT_TITLES[kind]} canvas`;
  return job === "reminders" ? "this channel's reminders" : "the status board";
}

/** What a permanent refusal means, in plain words, where Slack's code alone says little. */
const PERMANENT_CAUSES: Record<string, string> = {
  free_teams_cannot_edit_standalone_canvases: "this workspace's plan does not allow editing this canvas",
  canvas_disabled_user_team: "canvases are turned off in this workspace",
  restricted_action: "the workspace does not allow the app to do this",
  missing_scope: "the app is missing a permission: reinstall it",
  not_allowed_token_type: "the app's token cannot do this: reinstall it",
  invalid_arguments: "Slack refused the content (a canvas can hold at most 1 MiB)",
  invalid_auth: "Slack no longer accepts the app's token: reinstall it",
  token_revoked: "Slack no longer accepts the app's token: reinstall it",
  account_inactive: "Slack no longer accepts the app's token: reinstall it",
};

/**
 * When a job is given up on, the channel hears about it: the data is safe, only Slack is behind. The worker
 * asks once per document and cause, so a burst of changes that fail the same way makes one note.
 */
export function reportGiveUp(client: WebClient, deps: AppDeps) {
  return async (row: OutboxRow, reason: GiveUp) => {
    const project = findProjectForJob(deps, row.projectId);
    if (!project) return;
    const what = jobLabel(row.job);
    const explained = PERMANENT_CAUSES[reason.cause];
    const text = reason.permanent
      ? `:warning: I cannot update ${what}: Slack refuses (\`${reason.cause}\`${explained ? `: ${explained}` : ""}). Every change is saved; I will try again after the next change and only tell you again if the reason changes.`
      : row.job === "reminders"
        ? `:warning: I could not send ${what} after several tries (${reason.cause}). I will try again within the hour.`
        : `:warning: I could not update ${what} after several tries (${reason.cause}). Every change is saved; the next change or \`/intplan status\` will try again.`;
    await postSoon(client, { channel: project.channelId, text });
  };
}
