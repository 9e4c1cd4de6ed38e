import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../deps.js";
import type { OutboxRow } from "../outbox/queue.js";
import type { RecurringRun } from "../outbox/worker.js";

/**
 * The `reminders` outbox job of one project: sends the nudges that are due (blockers, phases past their end,
 * unanswered asks), the go-live notices and the weekly digest, each once, and says when it is next due.
 */
export function remindersJob(client: WebClient, deps: AppDeps) {
  return async (row: OutboxRow): Promise<RecurringRun> => {
    // Stub (issue 16): plans nothing yet; looks again in a day.
    void client;
    return { nextRunAt: new Date(deps.clock().getTime() + 24 * 60 * 60_000 + row.id * 0) };
  };
}
