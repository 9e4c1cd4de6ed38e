import { and, eq, inArray } from "drizzle-orm";
import type { AnswerSource } from "../domain/questionnaire/answer-source.js";
import type { AnswerValue } from "../domain/questionnaire/answers.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { followDetectedTypes } from "./answer-store.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { touchProject } from "./project-store.js";
import { answers, type PendingImportRow, pendingImports } from "./schema.js";

/** A read file waiting for its review (`/intplan import`); the proposal is the import service's JSON. */
export function createPendingImport(
  db: DbOrTx,
  row: {
    projectId: number;
    personId: string;
    fileId: string;
    fileName: string;
    proposal: Record<string, unknown>;
    at: Date;
  },
): number {
  const { at, ...rest } = row;
  return db
    .insert(pendingImports)
    .values({ ...rest, createdAt: at })
    .returning({ id: pendingImports.id })
    .get().id;
}

export function loadPendingImport(db: DbOrTx, id: number): PendingImportRow | undefined {
  return db.select().from(pendingImports).where(eq(pendingImports.id, id)).get();
}

export function deletePendingImport(db: DbOrTx, id: number): void {
  db.delete(pendingImports).where(eq(pendingImports.id, id)).run();
}

/** When each of some questions' answers was last saved (ms), to tell a newer answer at confirm time. */
export function answerStamps(db: DbOrTx, projectId: number, questionIds: readonly string[]) {
  if (questionIds.length === 0) return new Map<string, { at: number; by: string }>();
  const rows = db
    .select({ questionId: answers.questionId, at: answers.answeredAt, by: answers.answeredBy })
    .from(answers)
    .where(and(eq(answers.projectId, projectId), inArray(answers.questionId, [...questionIds])))
    .all();
  return new Map(rows.map((r) => [r.questionId, { at: r.at.getTime(), by: r.by }]));
}

export interface SaveImportCommand {
  projectId: number;
  pendingId: number;
  values: Readonly<Record<string, AnswerValue>>;
  source: AnswerSource;
  actorId: string;
  at: Date;
  audit: { fileName: string; kept: number; unplaced: number };
  refresh: Pick<ChangeStamp, "timing">;
  /**
   * Runs inside the transaction before any answer is written: the questions whose answers changed since the
   * review was shown (then no answer is written, and the review is gone).
   */
  recheck(tx: DbOrTx): string[];
}

export type SaveImportOutcome =
  | { kind: "saved"; questions: string[] }
  | { kind: "gone" }
  | { kind: "changed"; questions: string[] };

/**
 * Saves an import in one transaction: the pending review is taken (a second confirmation finds it gone and
 * writes nothing), the answers with their source, one audit row, and the refresh answers call for.
 */
export function saveImportedAnswers(db: Db, cmd: SaveImportCommand): SaveImportOutcome {
  return db.transaction((tx): SaveImportOutcome => {
    const taken = tx.delete(pendingImports).where(eq(pendingImports.id, cmd.pendingId)).run();
    if (taken.changes === 0) return { kind: "gone" };
    // The review is used up either way: one that went stale is read again from the file, not saved.
    const changed = cmd.recheck(tx);
    if (changed.length > 0) return { kind: "changed", questions: changed };
    const questions = Object.keys(cmd.values);
    for (const [questionId, value] of Object.entries(cmd.values)) {
      tx.insert(answers)
        .values({
          projectId: cmd.projectId,
          questionId,
          value,
          answeredBy: cmd.actorId,
          answeredAt: cmd.at,
          source: cmd.source,
        })
        .onConflictDoUpdate({
          target: [answers.projectId, answers.questionId],
          set: { value, answeredBy: cmd.actorId, answeredAt: cmd.at, source: cmd.source },
        })
        .run();
    }
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "answers.imported",
      details: { ...cmd.audit, questions, imported: questions.length },
      at: cmd.at,
    });
    if (questions.length > 0) {
      touchProject(tx, cmd.projectId, cmd.at);
      followDetectedTypes(tx, cmd.projectId, cmd.actorId, cmd.at);
      recordChange(tx, "answers", {
        projectId: cmd.projectId,
        actorId: cmd.actorId,
        at: cmd.at,
        timing: cmd.refresh.timing,
      });
    }
    return { kind: "saved", questions };
  });
}
