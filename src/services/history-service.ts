import { listAudit } from "../db/audit-log.js";
import type { AuditRow, ProjectRow } from "../db/schema.js";
import type { StorageDeps } from "./service-deps.js";

/** A project's audit trail, a page at a time. */

export interface HistoryPageData {
  projectName: string;
  /** Newest first. */
  entries: AuditRow[];
  /** 1-based. */
  page: number;
  hasNext: boolean;
}

/** One page of the trail, newest first; `pageSize` is the view's. */
export function historyPage(
  deps: StorageDeps,
  args: { project: ProjectRow; page: number; pageSize: number },
): HistoryPageData {
  const { project, page, pageSize } = args;
  // One row more than a page tells whether an older page exists.
  const rows = listAudit(deps.db, project.id, { limit: pageSize + 1, offset: (page - 1) * pageSize });
  return {
    projectName: project.name,
    entries: rows.slice(0, pageSize),
    page,
    hasNext: rows.length > pageSize,
  };
}
