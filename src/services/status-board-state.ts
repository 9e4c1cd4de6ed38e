import { loadAnswers } from "../db/answer-store.js";
import { checklistProgress } from "../db/checklist-store.js";
import type { Db } from "../db/client.js";
import { findDocument } from "../db/document-store.js";
import { loadProjectLiveState } from "../db/live-state.js";
import { toDocumentProject } from "../db/load-document-input.js";
import { findProjectByIdAnyTeam } from "../db/project-store.js";
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
} from "../db/status-board-store.js";
import { analyse } from "../domain/analysis/analyse.js";
import { teamOf } from "../domain/phase-owners.js";
import type { Answers } from "../domain/questionnaire/answers.js";
import { getQuestionnaire } from "../domain/questionnaire/definition.js";
import type { Logger } from "../logger.js";
import { waitingOn } from "./asks-service.js";
import { boardReminders } from "./board-reminders.js";
import { projectInterviewProgress } from "./discovery-interview.js";

/**
 * The status board's life: posted and pinned once per project channel by `/intplan status`, then edited in
 * place by the `refresh-status-board` job after every change. The rules (claim before posting, trust a
 * fresh board, repost a lost one, keep a lost board's row when Slack is only briefly unwilling) are here;
 * the Slack calls sit behind `StatusBoardPort` (src/slack/status-board-poster.ts), because each step
 * depends on how the last call went and is recorded as it lands. The port also renders the board: only
 * the Slack side knows Block Kit, so the service holds the content opaquely (`C`) and compares
 * fingerprints.
 */

export interface StatusBoardDeps {
  db: Db;
  clock: () => Date;
  logger: Pick<Logger, "warn">;
}

/** Everything the board shows, read from the database now (also what `/intplan status` shows privately when Slack will not take the board). */
export function loadStatusBoardFacts(deps: Pick<StatusBoardDeps, "db" | "clock">, project: ProjectRow) {
  const interview = projectInterviewProgress(deps, project);
  const answers = loadAnswers(deps.db, project.id) as Answers;
  // The plan's own schedule, so the board calls a phase behind plan exactly when the plan does.
  const { schedule, goLive } = analyse({
    project: toDocumentProject(project),
    answers,
    questionnaire: getQuestionnaire(project.questionnaireVersion),
  });
  const now = deps.clock();
  return {
    project,
    team: teamOf(project, answers),
    schedule,
    /** The target go-live against the plan's schedule (what the plan's key facts say of it). */
    goLive,
    live: loadProjectLiveState(deps.db, project.id),
    waiting: waitingOn(deps, project),
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
    reminders: boardReminders(deps, project, now),
    now,
  };
}
export type StatusBoardFacts = ReturnType<typeof loadStatusBoardFacts>;

/** The board message in Slack. Failures other than the typed ones are thrown. */
export interface StatusBoardPort<C> {
  /** The board's content for these facts, and a fingerprint of it. */
  render(facts: StatusBoardFacts): { content: C; fingerprint: string };
  post(channelId: string, content: C): Promise<{ ts: string } | { error: string; cause?: unknown }>;
  /** "gone": Slack no longer has the message; "unreachable": the bot cannot post in the channel. */
  update(
    channelId: string,
    ts: string,
    content: C,
  ): Promise<
    | { kind: "updated" }
    | { kind: "gone" }
    | { kind: "unreachable"; error: string }
    | { kind: "error"; error: string; cause: unknown }
  >;
  /** Pinned (or already pinned), or why not. */
  pin(channelId: string, ts: string): Promise<{ pinned: true } | { pinned: false; error: string }>;
  /** A failure worth retrying later (a rate limit, a network error, Slack's 5xx). */
  isRetryable(error: unknown): boolean;
}

export type ShowBoardOutcome =
  | { kind: "posted"; ts: string }
  | { kind: "updated"; ts: string }
  | { kind: "being-posted" }
  | { kind: "failed"; error: string; cause?: unknown };

/**
 * How long a board Slack took is trusted by `/intplan status` when nothing on it changed: within this, a
 * burst of status commands makes no edit at all; after it, the next one edits again, which also finds out
 * whether the message still exists (and posts a new one if not).
 */
const STATUS_TRUSTS_BOARD_FOR_MS = 30_000;

async function pinBoard<C>(
  deps: StatusBoardDeps,
  port: StatusBoardPort<C>,
  board: { projectId: number; channelId: string; ts: string },
) {
  const pin = await port.pin(board.channelId, board.ts);
  if (pin.pinned) markBoardPinned(deps.db, board.projectId);
  else deps.logger.warn(`Could not pin the status board of project ${board.projectId} (${pin.error})`);
}

/** Posts and pins the board of a project whose board this caller has claimed. */
async function postBoard<C>(
  deps: StatusBoardDeps,
  port: StatusBoardPort<C>,
  project: ProjectRow,
): Promise<ShowBoardOutcome> {
  const { content, fingerprint } = port.render(loadStatusBoardFacts(deps, project));
  const posted = await port.post(project.channelId, content);
  if ("error" in posted) {
    forgetStatusBoard(deps.db, project.id);
    return { kind: "failed", error: posted.error, cause: posted.cause };
  }
  savePostedBoard(deps.db, {
    projectId: project.id,
    ts: posted.ts,
    at: deps.clock(),
    contentHash: fingerprint,
  });
  await pinBoard(deps, port, { projectId: project.id, channelId: project.channelId, ts: posted.ts });
  return { kind: "posted", ts: posted.ts };
}

/** The board Slack took less than `trustForMs` ago shows exactly this content. */
const stillShows = (board: StatusBoardRow, contentHash: string, at: Date, trustForMs: number) =>
  board.contentHash === contentHash && at.getTime() - board.updatedAt.getTime() < trustForMs;

/**
 * True when `/intplan status` has nothing to do: the board is posted and pinned, and shows what it would
 * show now, as Slack took it moments ago. Database reads only, so the command can answer in its ack.
 */
export function boardIsCurrent<C>(
  deps: StatusBoardDeps,
  port: StatusBoardPort<C>,
  project: ProjectRow,
): boolean {
  const board = findStatusBoard(deps.db, project.id);
  if (!isPosted(board) || !board.pinned) return false;
  const { fingerprint } = port.render(loadStatusBoardFacts(deps, project));
  return stillShows(board, fingerprint, deps.clock(), STATUS_TRUSTS_BOARD_FOR_MS);
}

type UpdateOutcome =
  | { kind: "updated" }
  | { kind: "unchanged" }
  | { kind: "gone" }
  | { kind: "unreachable"; error: string }
  | { kind: "error"; error: string; cause: unknown };

/** Edits the board in place, unless it would show exactly what Slack took less than `trustForMs` ago. */
async function updateBoard<C>(
  deps: StatusBoardDeps,
  port: StatusBoardPort<C>,
  project: ProjectRow,
  board: StatusBoardRow & { ts: string },
  trustForMs: number,
): Promise<UpdateOutcome> {
  const { content, fingerprint } = port.render(loadStatusBoardFacts(deps, project));
  const at = deps.clock();
  if (stillShows(board, fingerprint, at, trustForMs)) return { kind: "unchanged" };
  const updated = await port.update(board.channelId, board.ts, content);
  if (updated.kind === "updated") markBoardUpdated(deps.db, project.id, { at, contentHash: fingerprint });
  return updated;
}

/** Forgets a board Slack lost and posts a fresh one, unless someone else is already posting it. */
async function repostBoard<C>(
  deps: StatusBoardDeps,
  port: StatusBoardPort<C>,
  project: ProjectRow,
): Promise<ShowBoardOutcome> {
  forgetStatusBoard(deps.db, project.id);
  const claim = claimStatusBoard(deps.db, {
    projectId: project.id,
    channelId: project.channelId,
    at: deps.clock(),
  });
  return claim.claimed ? postBoard(deps, port, project) : { kind: "being-posted" };
}

/** `/intplan status`: posts and pins the board the first time, brings the same message up to date after. */
export async function showStatusBoard<C>(
  deps: StatusBoardDeps,
  port: StatusBoardPort<C>,
  project: ProjectRow,
): Promise<ShowBoardOutcome> {
  const claim = claimStatusBoard(deps.db, {
    projectId: project.id,
    channelId: project.channelId,
    at: deps.clock(),
  });
  if (claim.claimed) return postBoard(deps, port, project);
  const { board } = claim;
  if (!isPosted(board)) return { kind: "being-posted" };
  const outcome = await updateBoard(deps, port, project, board, STATUS_TRUSTS_BOARD_FOR_MS);
  if (outcome.kind === "gone") return repostBoard(deps, port, project);
  if (outcome.kind === "unreachable" || outcome.kind === "error")
    return { kind: "failed", error: outcome.error };
  if (!board.pinned) await pinBoard(deps, port, board);
  return { kind: "updated", ts: board.ts };
}

/** Puts back a board row that a failed repost forgot (unless someone has posted a new board meanwhile). */
function restoreBoard(deps: StatusBoardDeps, board: StatusBoardRow & { ts: string }) {
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

/**
 * After a change: edits the board in place; a project without a board has nothing to do. Throws what the
 * background work should retry (the outbox worker decides how often).
 */
export async function refreshStatusBoard<C>(
  deps: StatusBoardDeps,
  port: StatusBoardPort<C>,
  projectId: number,
): Promise<void> {
  const project = findProjectByIdAnyTeam(deps.db, projectId);
  const board = project ? findStatusBoard(deps.db, project.id) : undefined;
  if (!project || !isPosted(board)) return;
  // A refresh follows a change: when the board would not change, there is nothing to send.
  const updated = await updateBoard(deps, port, project, board, Number.POSITIVE_INFINITY);
  if (updated.kind === "error") throw updated.cause;
  const outcome = updated.kind === "gone" ? await repostBoard(deps, port, project) : updated;
  if (outcome.kind === "failed" && outcome.cause !== undefined && port.isRetryable(outcome.cause)) {
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
}
