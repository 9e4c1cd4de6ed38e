/**
 * The kinds of background job the outbox runs. A leaf, so the schema can type its `job` columns with it
 * without importing the queue (which imports the schema).
 */
export const OUTBOX_JOBS = ["refresh-plan", "refresh-discovery", "refresh-status-board"] as const;
export type OutboxJob = (typeof OUTBOX_JOBS)[number];
