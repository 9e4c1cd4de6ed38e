import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../app.js";
import type { OutboxJob, OutboxRow } from "../db/outbox.js";
import { findProjectByIdAnyTeam } from "../db/projects.js";
import { publishProjectDocument } from "./documents/publish-project.js";
import type { JobHandler } from "./outbox-worker.js";
import { refreshStatusBoardJob } from "./status-board.js";

/** The one place background Slack jobs are wired to their handlers. */
export function createJobHandlers(client: WebClient, deps: AppDeps): Partial<Record<OutboxJob, JobHandler>> {
  const refreshCanvas =
    (kind: "plan" | "discovery"): JobHandler =>
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
    "refresh-plan": refreshCanvas("plan"),
    "refresh-discovery": refreshCanvas("discovery"),
  };
}

const JOB_LABELS: Record<OutboxJob, string> = {
  "refresh-plan": "the Implementation Plan canvas",
  "refresh-discovery": "the Discovery Document canvas",
  "refresh-status-board": "the status board",
};

/** When a job gives up, the channel hears about it: the data is safe, only Slack is behind. */
export function reportGiveUp(client: WebClient, deps: AppDeps) {
  return async (row: OutboxRow, error: unknown) => {
    const project = findProjectByIdAnyTeam(deps.db, row.projectId);
    if (!project) return;
    const reason =
      (error as { data?: { error?: string } }).data?.error ??
      (error instanceof Error ? error.message : "unknown error");
    await client.chat.postMessage({
      channel: project.channelId,
      text: `:warning: I could not update ${JOB_LABELS[row.job as OutboxJob] ?? row.job} after several tries (${reason}). Every change is saved; the next change or \`/intplan status\` will try again.`,
    });
  };
}
