import { listAudit } from "../../db/audit.js";
import type { Db } from "../../db/client.js";
import type { ProjectRow } from "../../db/schema.js";
import type { Subcommand, WithProject } from "../context.js";
import { buildHistoryPage, HISTORY_PAGE_SIZE } from "../views/history.js";

/** One page of a project's audit trail, newest first (1-based page). */
export function loadHistoryPage(db: Db, project: ProjectRow, page: number) {
  // One row more than a page tells whether an older page exists.
  const rows = listAudit(db, project.id, {
    limit: HISTORY_PAGE_SIZE + 1,
    offset: (page - 1) * HISTORY_PAGE_SIZE,
  });
  return buildHistoryPage({
    projectName: project.name,
    entries: rows.slice(0, HISTORY_PAGE_SIZE),
    page,
    hasNext: rows.length > HISTORY_PAGE_SIZE,
  });
}

/** `/intplan history [page]`: who changed what, newest first, just for the person asking. */
export const historyCommand: Subcommand<"history"> = {
  name: "history",
  needsProject: true,
  async handle(ctx) {
    const { project, command, ack, deps } = ctx as WithProject<typeof ctx.command>;
    await ack(loadHistoryPage(deps.db, project, command.page));
  },
};
