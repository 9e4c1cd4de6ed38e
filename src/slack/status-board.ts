import type { WebClient } from "@slack/web-api";
import { checklistProgress } from "../db/checklist.js";
import { findDocument } from "../db/documents.js";
import { loadProjectLiveState } from "../db/live-state.js";
import { findProjectByIdAnyTeam } from "../db/projects.js";
import type { ProjectRow } from "../db/schema.js";
import {
  claimStatusBoard,
  findStatusBoard,
  forgetStatusBoard,
  isPosted,
  markBoardPinned,
  markBoardUpdated,
  type StatusBoardRow,
  savePostedBoard,
} from "../db/status-board.js";
import type { AppDeps } from "../deps.js";
import { rateLimitDelayMs } from "./clients.js";
import { projectInterviewProgress } from "./interview/session.js";
import { type JobHandler, PERMANENT_SLACK_ERRORS } from "./outbox-worker.js";
import { slackErrorCode } from "./slack-error-code.js";
import { boardFingerprint, buildStatusBoard, type StatusBoardInput } from "./views/status-board.js";

/**
 * The status board's life in Slack: posted and pinned once per project channel by `/intplan status`, then
 * edited in place (chat.update) by the `refresh-status-board` job after every change.
 */

function loadStatusBoardInput(deps: AppDeps, project: ProjectRow): StatusBoardInput {
  const interview = projectInterviewProgress(deps, project);
  return {
    project,
    live: loadProjectLiveState(deps.db, project.id),
    progress: checklistProgress(deps.db, project.id),
    interview: {
      sectionsComplete: interview.sectionsComplete,
      sectionsTotal: interview.sectionsTotal,
      requiredMissing: interview.requiredMissing.length,
    },
    documents: {
      plan: findDocument(deps.db, project.id, "plan"),
      discovery: findDocument(deps.db, project.id, "discovery"),
    },
    now: deps.clock(),
  };
}

export type ShowBoardOutcome =
  | { kind: "posted"; ts: string }
  | { kind: "updated"; ts: string }
  | { kind: "being-posted" }
  | { kind: "failed"; error: string; cause?: unknown };

/** Slack answers meaning the board message is gone: post a new one. */
const MESSAGE_GONE = new Set(["message_not_found", "cant_update_message"]);
/** Slack answers meaning the bot cannot reach the channel: nothing to retry until someone acts. */
const CHANNEL_UNREACHABLE = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

const boardContent = (deps: AppDeps, project: ProjectRow) =>
  buildStatusBoard(loadStatusBoardInput(deps, project));

/**
 * How long a board Slack took is trusted by `/intplan status` when nothing on it changed: within this, a
 * burst of status commands makes no edit at all; after it, the next one edits again, which also finds out
 * whether the message still exists (and posts a new one if not).
 */
const STATUS_TRUSTS_BOARD_FOR_MS = 30_000;

async function pinBoard(
  client: WebClient,
  deps: AppDeps,
  board: { projectId: number; channelId: string; ts: string },
) {
  try {
    await client.pins.add({ channel: board.channelId, timestamp: board.ts });
    markBoardPinned(deps.db, board.projectId);
  } catch (error) {
    if (slackErrorCode(error) === "already_pinned") markBoardPinned(deps.db, board.projectId);
    else
      deps.logger.warn(
        `Could not pin the status board of project ${board.projectId} (${slackErrorCode(error) ?? "network"})`,
      );
  }
}

/** Posts and pins the board of a project whose board this caller has claimed. */
async function postBoard(client: WebClient, deps: AppDeps, project: ProjectRow): Promise<ShowBoardOutcome> {
  let ts: string | undefined;
  const content = boardContent(deps, project);
  try {
    ts = (await client.chat.postMessage({ channel: project.channelId, ...content })).ts;
  } catch (error) {
    forgetStatusBoard(deps.db, project.id);
    return { kind: "failed", error: slackErrorCode(error) ?? "network", cause: error };
  }
  if (!ts) {
    forgetStatusBoard(deps.db, project.id);
    return { kind: "failed", error: "no_ts" };
  }
  savePostedBoard(deps.db, {
    projectId: project.id,
    ts,
    at: deps.clock(),
    contentHash: boardFingerprint(content),
  });
  await pinBoard(client, deps, { projectId: project.id, channelId: project.channelId, ts });
  return { kind: "posted", ts };
}

/** The board Slack took less than `trustForMs` ago shows exactly this content. */
const stillShows = (board: StatusBoardRow, contentHash: string, at: Date, trustForMs: number) =>
  board.contentHash === contentHash && at.getTime() - board.updatedAt.getTime() < trustForMs;

/**
 * True when `/intplan status` has nothing to do: the board is posted and pinned, and shows what it would
 * show now, as Slack took it moments ago. Database reads only, so the command can answer in its ack.
 */
export function boardIsCurrent(deps: AppDeps, project: ProjectRow): boolean {
  const board = findStatusBoard(deps.db, project.id);
  if (!isPosted(board) || !board.pinned) return false;
  const contentHash = boardFingerprint(boardContent(deps, project));
  return stillShows(board, contentHash, deps.clock(), STATUS_TRUSTS_BOARD_FOR_MS);
}

type UpdateOutcome =
  | { kind: "updated" }
  | { kind: "unchanged" }
  | { kind: "gone" }
  | { kind: "unreachable"; error: string };

/**
 * Edits the board in place, unless it would show exactly what Slack took less than `trustForMs` ago;
 * "gone" when Slack no longer has it, "unreachable" when the bot cannot post there.
 */
async function updateBoard(
  client: WebClient,
  deps: AppDeps,
  project: ProjectRow,
  board: StatusBoardRow,
  trustForMs: number,
): Promise<UpdateOutcome> {
  const content = boardContent(deps, project);
  const contentHash = boardFingerprint(content);
  const at = deps.clock();
  if (stillShows(board, contentHash, at, trustForMs)) return { kind: "unchanged" };
  try {
    await client.chat.update({ channel: board.channelId, ts: board.ts, ...content });
    markBoardUpdated(deps.db, project.id, { at, contentHash });
    return { kind: "updated" };
  } catch (error) {
    const code = slackErrorCode(error) ?? "";
    if (MESSAGE_GONE.has(code)) return { kind: "gone" };
    if (CHANNEL_UNREACHABLE.has(code)) return { kind: "unreachable", error: code };
    throw error;
  }
}

/** Forgets a board Slack lost and posts a fresh one, unless someone else is already posting it. */
async function repostBoard(client: WebClient, deps: AppDeps, project: ProjectRow): Promise<ShowBoardOutcome> {
  forgetStatusBoard(deps.db, project.id);
  const claim = claimStatusBoard(deps.db, {
    projectId: project.id,
    channelId: project.channelId,
    at: deps.clock(),
  });
  return claim.claimed ? postBoard(client, deps, project) : { kind: "being-posted" };
}

/** `/intplan status`: posts and pins the board the first time, brings the same message up to date after. */
export async function showStatusBoard(
  client: WebClient,
  deps: AppDeps,
  project: ProjectRow,
): Promise<ShowBoardOutcome> {
  const claim = claimStatusBoard(deps.db, {
    projectId: project.id,
    channelId: project.channelId,
    at: deps.clock(),
  });
  if (claim.claimed) return postBoard(client, deps, project);
  const { board } = claim;
  if (!isPosted(board)) return { kind: "being-posted" };
  let outcome: UpdateOutcome;
  try {
    outcome = await updateBoard(client, deps, project, board, STATUS_TRUSTS_BOARD_FOR_MS);
  } catch (error) {
    return { kind: "failed", error: slackErrorCode(error) ?? "network" };
  }
  if (outcome.kind === "gone") return repostBoard(client, deps, project);
  if (outcome.kind === "unreachable") return { kind: "failed", error: outcome.error };
  if (!board.pinned) await pinBoard(client, deps, board);
  return { kind: "updated", ts: board.ts };
}

/** A failure the outbox retries (or puts off): a rate limit, a network error, Slack's 5xx. */
const isRetryable = (error: unknown) =>
  rateLimitDelayMs(error) !== undefined || !PERMANENT_SLACK_ERRORS.has(slackErrorCode(error) ?? "");

/** Puts back a board row that a failed repost forgot (unless someone has posted a new board meanwhile). */
function restoreBoard(deps: AppDeps, board: StatusBoardRow & { ts: string }) {
  const claim = claimStatusBoard(deps.db, {
    projectId: board.projectId,
    channelId: board.channelId,
    at: deps.clock(),
  });
  if (!claim.claimed) return;
  savePostedBoard(deps.db, {
    projectId: board.projectId,
    ts: board.ts,
    at: board.updatedAt,
    contentHash: board.contentHash ?? "",
  });
  if (board.pinned) markBoardPinned(deps.db, board.projectId);
}

/** The `refresh-status-board` outbox job: edits the board in place; a project without a board has nothing to do. */
export function refreshStatusBoardJob(client: WebClient, deps: AppDeps): JobHandler {
  return async (row) => {
    const project = findProjectByIdAnyTeam(deps.db, row.projectId);
    const board = project ? findStatusBoard(deps.db, project.id) : undefined;
    if (!project || !isPosted(board)) return;
    // A refresh follows a change: when the board would not change, there is nothing to send.
    const updated = await updateBoard(client, deps, project, board, Number.POSITIVE_INFINITY);
    const outcome = updated.kind === "gone" ? await repostBoard(client, deps, project) : updated;
    if (outcome.kind === "failed" && outcome.cause !== undefined && isRetryable(outcome.cause)) {
      // Slack lost the board and would not take a new one just now (rate limit, outage): remember the old one
      // again, so the job's retry finds it gone and posts anew, instead of the project losing its board.
      restoreBoard(deps, board);
      throw outcome.cause;
    }
    if (outcome.kind === "unreachable" || outcome.kind === "failed") {
      deps.logger.warn(
        `The status board of project ${project.id} was not updated (${outcome.error}); skipping.`,
      );
    }
  };
}
