import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "./client.js";
import { auditLog } from "./schema.js";

export interface AuditEntry {
  projectId: number;
  actorId: string;
  action: string;
  details?: Record<string, unknown>;
  at: Date;
}

/** Call inside the transaction that makes the change it records. */
export function recordAudit(tx: DbOrTx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({ ...entry, details: entry.details ?? {} })
    .run();
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
