import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { auditLog } from "./schema.js";

export interface AuditEntry {
  projectId: number;
  actorId: string;
  action: string;
  details?: Record<string, unknown>;
  at: Date;
}

const insertAudit = perDatabase((db) =>
  db
    .insert(auditLog)
    .values({
      projectId: sql.placeholder("projectId"),
      actorId: sql.placeholder("actorId"),
      action: sql.placeholder("action"),
      details: sql.placeholder("details"),
      at: sql.placeholder("at"),
    })
    .prepare(),
);

/** Call inside the transaction that makes the change it records. */
export function recordAudit(tx: DbOrTx, entry: AuditEntry): void {
  insertAudit(tx).run({ ...entry, details: entry.details ?? {} });
}

export function listAudit(db: DbOrTx, projectId: number, options: { limit: number; offset: number }) {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.projectId, projectId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit)
    .offset(options.offset)
    .all();
}
