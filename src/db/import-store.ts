import { and, eq, inArray, lt } from "drizzle-orm";
import type { AnswerSource } from "../domain/questionnaire/answer-source.js";
import type { AnswerValue } from "../domain/questionnaire/answers.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { followDetectedTypes } from "./answer-store.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { touchProject } from "./project-store.js";
import { answers, interviewDrafts, type PendingImportRow, pendingImports } from "./schema.js";

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
    /** Reviews created before this are past their life: forgotten now (one left open and never closed). */
    forgetBefore: Date;
  },
): number {
  const { at, forgetBefore, ...rest } = row;
  db.delete(pendingImports).where(lt(pendingImports.createdAt, forgetBefore)).run();
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
    // What the import replaces stays in its audit row, as every other change's previous value does.
    const previous =
      questions.length === 0
        ? []
        : tx
            .select({ questionId: answers.questionId, value: answers.value })
            .from(answers)
            .where(and(eq(answers.projectId, cmd.projectId), inArray(answers.questionId, questions)))
            .all();
    const draftsSetAside = setAsideDrafts(tx, cmd.projectId, questions, cmd.at);
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
      details: {
        ...cmd.audit,
        questions,
        imported: questions.length,
        ...(previous.length > 0
          ? { replaced: previous.map((p) => ({ question: p.questionId, previous: p.value })) }
          : {}),
        ...(draftsSetAside.length > 0 ? { draftsSetAside } : {}),
      },
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

/**
 * Unsaved interview input for the questions an import fills would be shown over the imported answers (a draft
 * wins in the modal): it is taken out of the drafts and kept in the import's audit row instead, so nothing
 * typed is lost and the modal shows what was imported.
 */
function setAsideDrafts(
  tx: DbOrTx,
  projectId: number,
  questions: readonly string[],
  at: Date,
): Array<{ section: string; question: string; typed: unknown }> {
  if (questions.length === 0) return [];
  const imported = new Set(questions);
  const setAside: Array<{ section: string; question: string; typed: unknown }> = [];
  const drafts = tx.select().from(interviewDrafts).where(eq(interviewDrafts.projectId, projectId)).all();
  for (const draft of drafts) {
    const raw = draft.raw as Record<string, unknown>;
    const taken = Object.keys(raw).filter((id) => imported.has(id));
    if (taken.length === 0) continue;
    for (const id of taken) setAside.push({ section: draft.sectionId, question: id, typed: raw[id] });
    const rest = Object.fromEntries(Object.entries(raw).filter(([id]) => !imported.has(id)));
    const where = and(
      eq(interviewDrafts.projectId, projectId),
      eq(interviewDrafts.sectionId, draft.sectionId),
    );
    if (Object.keys(rest).length === 0) tx.delete(interviewDrafts).where(where).run();
    else tx.update(interviewDrafts).set({ raw: rest, savedAt: at }).where(where).run();
  }
  return setAside;
}
