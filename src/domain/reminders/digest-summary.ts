/**
 * The weekly digest's reasoning, pure: what the audit log says changed in the week, which open blockers are
 * stale, and what the next milestone is. The service (services/digest.ts) reads the facts; the view
 * (slack/views/digest-view.ts) words them.
 */
import type { DocumentKind } from "../document-kinds.js";
import type { PlannedEnds } from "../project-status.js";
import type { ReminderSettings } from "./settings.js";
import { addWorkingDays } from "./working-time.js";

/** The week a digest looks back over. */
export const DIGEST_WINDOW_DAYS = 7;

/** The audit actions the digest names one by one (the rest it only counts). */
export const NOTABLE_ACTIONS = [
  "phase.changed",
  "blocker.added",
  "blocker.resolved",
  "document.frozen",
] as const;

/** A row of the audit log as the digest reads it (tolerant: the log outlives the code that wrote it). */
export interface AuditFact {
  action: string;
  actorId: string;
  at: Date;
  details: Record<string, unknown>;
}

export type NotableChange =
  | { kind: "phase"; at: Date; actorId: string; phase: number; from: string; to: string }
  | { kind: "blocker-added" | "blocker-resolved"; at: Date; actorId: string; number: number; text: string }
  | { kind: "document-frozen"; at: Date; actorId: string; document: string; number: number };

export interface WeekChanges {
  /** Every change the log recorded in the week. */
  total: number;
  phaseChanges: number;
  blockersAdded: number;
  blockersResolved: number;
  /** Answers saved one by one, plus those imported from files. */
  answersSaved: number;
  documentsFrozen: number;
  /** Each document published in the week, with the revision it shows now (refreshes are not counted apart). */
  published: { document: DocumentKind; revision: number }[];
  /** Oldest first. */
  notable: NotableChange[];
}

const num = (value: unknown): number => (typeof value === "number" ? value : Number(value) || 0);
const str = (value: unknown): string => (typeof value === "string" ? value : String(value ?? ""));

function notableOf(row: AuditFact): NotableChange[] {
  const d = row.details;
  const base = { at: row.at, actorId: row.actorId };
  switch (row.action) {
    case "phase.changed":
      // A note updated without a move is not a phase change.
      return d.from === d.to
        ? []
        : [{ kind: "phase", ...base, phase: num(d.phase), from: str(d.from), to: str(d.to) }];
    case "blocker.added":
    case "blocker.resolved":
      return [
        {
          kind: row.action === "blocker.added" ? "blocker-added" : "blocker-resolved",
          ...base,
          number: num(d.number),
          text: str(d.text),
        },
      ];
    case "document.frozen":
      return [{ kind: "document-frozen", ...base, document: str(d.document), number: num(d.number) }];
    default:
      return [];
  }
}

/**
 * What changed in the week: `counts` are the log's rows per action in the week (all of them), `notable` its
 * rows of NOTABLE_ACTIONS, `imports` its `answers.imported` rows and `publications` its `document.published`
 * rows (each possibly only the newest ones).
 */
export function summariseWeek(args: {
  counts: readonly { action: string; count: number }[];
  notable: readonly AuditFact[];
  imports: readonly AuditFact[];
  publications: readonly AuditFact[];
}): WeekChanges {
  const count = (action: string) => num(args.counts.find((c) => c.action === action)?.count);
  const notable = args.notable.flatMap(notableOf);
  const revisions = new Map<DocumentKind, number>();
  for (const row of args.publications) {
    const document = str(row.details.document) as DocumentKind;
    const revision = Math.max(num(row.details.revision), num(row.details.version) > 0 ? 1 : 0);
    revisions.set(document, Math.max(revisions.get(document) ?? 0, revision));
  }
  return {
    total: args.counts.reduce((n, c) => n + num(c.count), 0),
    phaseChanges: notable.filter((n) => n.kind === "phase").length,
    blockersAdded: count("blocker.added"),
    blockersResolved: count("blocker.resolved"),
    answersSaved: count("answer.saved") + args.imports.reduce((n, row) => n + num(row.details.imported), 0),
    documentsFrozen: count("document.frozen"),
    published: [...revisions].map(([document, revision]) => ({ document, revision })),
    notable,
  };
}

/**
 * When an open blocker turns stale: the channel's blocker threshold in working days after it was logged, in
 * the project's time zone (the same moment a blocker nudge becomes due).
 */
export function staleFrom(
  createdAt: Date,
  settings: Pick<ReminderSettings, "blocker" | "workingDays">,
  timeZone: string,
): Date {
  return addWorkingDays(createdAt, settings.blocker.afterWorkingDays, settings, timeZone);
}

export type NextMilestone =
  | { kind: "finished" }
  /** The first phase not done, and its planned end from the plan's schedule (null when the plan has no dates). */
  | { kind: "phase-end"; phase: number; plannedEnd: string | null; started: boolean };

/** The next milestone: the end of the first phase not done yet, as the plan's schedule plans it. */
export function nextMilestone(
  phases: readonly { number: number; status: string }[],
  schedule: PlannedEnds | null | undefined,
): NextMilestone {
  const next = [...phases].sort((a, b) => a.number - b.number).find((p) => p.status !== "done");
  if (!next) return { kind: "finished" };
  const end = schedule?.phases.find((p) => p.number === next.number)?.end ?? null;
  return { kind: "phase-end", phase: next.number, plannedEnd: end, started: next.status !== "not-started" };
}
