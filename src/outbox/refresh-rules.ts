import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { perDatabase } from "../db/prepared.js";
import { documents } from "../db/schema.js";
import { type Timing, timingOf } from "../deps.js";
import {
  COMPANION_KINDS,
  type CompanionKind,
  DOCUMENT_KINDS,
  type DocumentKind,
  isCompanionKind,
} from "../domain/document-kinds.js";
import { refreshJobOf } from "./job-kinds.js";
import { enqueueJob, type OutboxJob } from "./queue.js";

/** The kinds of change a project's storage records, each with a row in `REFRESH_RULES`. */
export type ProjectChange =
  | "project-basics"
  | "answers"
  | "phase"
  | "checklist"
  | "blocker"
  | "ask"
  | "document-published"
  | "companion-published"
  | "reminder-settings"
  | "nudge"
  | `${DocumentKind}-section-edit`;

export interface RefreshRule {
  /** The background jobs that bring what shows this change up to date. */
  refreshes: readonly OutboxJob[];
  /**
   * `debounced`: the jobs run `refreshDelayMs` after the change, so a burst of changes makes one refresh
   * each (the first change's job keeps its time, later ones only mark it as having new work);
   * `at-once`: they are due as soon as the change commits.
   */
  when: "debounced" | "at-once";
  /**
   * Also refreshes each companion document (SOW, specifications…) that has a canvas. Those become canvases
   * only when a team publishes them, so most projects owe them nothing: no job is queued for a document
   * nobody published.
   */
  companions?: boolean;
}

/** What a change to the project's facts shows in: both main documents, the board, and the published companions. */
const EVERYWHERE = {
  refreshes: ["refresh-plan", "refresh-discovery", "refresh-status-board", "reminders"],
  when: "debounced",
  companions: true,
} as const satisfies RefreshRule;
/** The live state (phases, tasks, blockers): the plan, the board, and the published companions. */
const LIVE_STATE = {
  refreshes: ["refresh-plan", "refresh-status-board", "reminders"],
  when: "debounced",
  companions: true,
} as const satisfies RefreshRule;

/** A PM's wording of a section (`/intplan edit`, saved or reverted) shows in that document only. */
const SECTION_EDITS = Object.fromEntries(
  DOCUMENT_KINDS.map((kind) => [
    `${kind}-section-edit`,
    { refreshes: [refreshJobOf(kind)], when: "debounced" } satisfies RefreshRule,
  ]),
) as unknown as Record<`${DocumentKind}-section-edit`, RefreshRule>;

/**
 * The one answer to "what does this change refresh, and when". The jobs are the documents' canvases
 * (`refresh-plan`, `refresh-discovery`, and for a companion document with a canvas `refresh-sow`…: every
 * document of the suite may show the project's basics, answers and live state) and the pinned status board
 * (`refresh-status-board`); a canvas is only refreshed once it has been published. What can change a nudge or
 * the digest (blockers, phases, asks, answers, the basics' go-live) also asks for `reminders`, the project's
 * recurring job, to be planned again (brought forward, never put off). App Home is in no row: it
 * is rendered from storage whenever someone opens it, so nothing is owed to it.
 */
export const REFRESH_RULES: Readonly<Record<ProjectChange, RefreshRule>> = {
  // The project's basics (`/intplan edit project`) head every document and the board.
  "project-basics": EVERYWHERE,
  // Answers feed every document, and the board shows the interview's progress.
  answers: EVERYWHERE,
  // Phases, tasks and exit criteria, and blockers show in the plan, the companions (the SOW's milestones,
  // the runbook's checklist) and on the board.
  phase: LIVE_STATE,
  checklist: LIVE_STATE,
  blocker: LIVE_STATE,
  // Who still owes answers (`/intplan ask`) shows on the board only; no document lists asks.
  ask: { refreshes: ["refresh-status-board", "reminders"], when: "debounced" },
  // Reminder settings saved (`/intplan settings`): the reminders are planned again at once, and the board
  // says when reminders are off. A nudge snoozed or dismissed: the board shows it, the plan is made again.
  "reminder-settings": { refreshes: ["refresh-status-board", "reminders"], when: "at-once" },
  nudge: { refreshes: ["refresh-status-board", "reminders"], when: "at-once" },
  ...SECTION_EDITS,
  // The board links the published document and shows its version, and the plan's section 11 links every
  // companion document published or frozen: one publish, one refresh each, no waiting.
  "document-published": { refreshes: ["refresh-status-board"], when: "at-once" },
  "companion-published": { refreshes: ["refresh-plan", "refresh-status-board"], when: "at-once" },
};

/**
 * What a publish (or a frozen version) of a document changes: the board always; a companion document's also
 * the plan, whose section 11 links it.
 */
export const publishedChange = (kind: DocumentKind): ProjectChange =>
  isCompanionKind(kind) ? "companion-published" : "document-published";

/** Who changed which project when: what a storage write hands `recordChange`. */
export interface ChangeStamp {
  projectId: number;
  actorId: string;
  at: Date;
  /**
   * The app's timing settings as given (`AppDeps.timing`; absent means the defaults). Callers pass the
   * settings, not a time: whether a change waits at all, and how long, is this module's decision (the table's
   * `when` and `refreshDelayMs` after `at`), so no call site can schedule a refresh of its own. Required
   * (undefined for the defaults), so a write cannot forget to pass the app's settings on.
   */
  timing: Partial<Timing> | undefined;
}

/**
 * When `job`, asked for by `rule` for a change made at `stamp.at`, runs. Debounced, the reminders wait
 * `remindersDelayMs` (a minute by default), the refreshes `refreshDelayMs`.
 */
function runAfterFor(rule: RefreshRule, job: OutboxJob, stamp: ChangeStamp): Date {
  if (rule.when === "at-once") return stamp.at;
  const timing = timingOf(stamp);
  const delay = job === "reminders" ? timing.remindersDelayMs : timing.refreshDelayMs;
  return new Date(stamp.at.getTime() + delay);
}

/**
 * Inside the transaction of a change: asks for what shows it to be refreshed, as `REFRESH_RULES` says. A job
 * already waiting for the project keeps its time and is marked as having new work (see `enqueueJob`).
 */
export function recordChange(tx: DbOrTx, kind: ProjectChange, stamp: ChangeStamp): void {
  const rule = REFRESH_RULES[kind];
  const companions = rule.companions ? companionsWithCanvas(tx, stamp.projectId).map(refreshJobOf) : [];
  for (const job of [...rule.refreshes, ...companions]) {
    const runAfter = runAfterFor(rule, job, stamp);
    enqueueJob(tx, { projectId: stamp.projectId, job, actorId: stamp.actorId, runAfter, now: stamp.at });
  }
}

/**
 * The companion documents of a project that have a canvas to keep up to date. Asked inside every change's
 * transaction, so it is prepared once per database, as the outbox's own statements are.
 */
const companionsWithCanvasQuery = perDatabase((db) =>
  db
    .select({ kind: documents.kind })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, sql.placeholder("projectId")),
        isNotNull(documents.canvasId),
        inArray(documents.kind, [...COMPANION_KINDS]),
      ),
    )
    .prepare(),
);

function companionsWithCanvas(tx: DbOrTx, projectId: number): CompanionKind[] {
  return companionsWithCanvasQuery(tx)
    .all({ projectId })
    .map((row) => row.kind as CompanionKind);
}
