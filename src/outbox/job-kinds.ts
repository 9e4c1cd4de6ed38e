/**
 * The kinds of background job the outbox runs. A leaf, so the schema can type its `job` columns with it
 * without importing the queue (which imports the schema).
 */
import type { DocumentKind } from "../domain/document-kinds.js";

/** Refreshing a document's canvas, one job per document of the suite: `refresh-plan`, `refresh-sow`… */
export type RefreshDocumentJob = `refresh-${DocumentKind}`;
export const refreshJobOf = (kind: DocumentKind): RefreshDocumentJob => `refresh-${kind}`;

export const OUTBOX_JOBS = [
  "refresh-plan",
  "refresh-discovery",
  "refresh-sow",
  "refresh-specs",
  "refresh-tests",
  "refresh-runbook",
  "refresh-playbook",
  "refresh-status-board",
  "reminders",
] as const satisfies ReadonlyArray<RefreshDocumentJob | "refresh-status-board" | "reminders">;

/**
 * Jobs that never finish: a run says when it is next due (`{ nextRunAt }`) and the row stays. `reminders` is
 * one per project: its nudges, go-live notices and weekly digest, due at the earliest of them.
 */
export const RECURRING_JOBS: ReadonlySet<OutboxJob> = new Set(["reminders"]);
export type OutboxJob = (typeof OUTBOX_JOBS)[number];
