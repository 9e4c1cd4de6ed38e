import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { classifyAnswers } from "../domain/classify.js";
import { isIntegrationType } from "../domain/integration-type.js";
import type { AnswerSource } from "../domain/questionnaire/answer-source.js";
import type { Answers, AnswerValue } from "../domain/questionnaire/answers.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import { syncTypeTasks } from "./checklist-store.js";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { touchProject } from "./project-store.js";
import { answers, interviewDrafts, projects } from "./schema.js";

export type StoredAnswers = Answers;

const answerRows = perDatabase((db) =>
  db
    .select()
    .from(answers)
    .where(eq(answers.projectId, sql.placeholder("projectId")))
    .prepare(),
);

export function loadAnswers(db: DbOrTx, projectId: number): StoredAnswers {
  const rows = answerRows(db).all({ projectId });
  return Object.fromEntries(rows.map((r) => [r.questionId, r.value]));
}

/** Where the answers that no person typed came from (answers.source), by question id. */
export function loadAnswerSources(db: DbOrTx, projectId: number): Record<string, AnswerSource> {
  const rows = answerRows(db).all({ projectId });
  return Object.fromEntries(rows.flatMap((r) => (r.source ? [[r.questionId, r.source]] : [])));
}

/**
 * The answers to some questions (a section's) with who gave each and when: a section holds a handful of a
 * project's hundred-odd answers, and a submission needs only those.
 */
export function loadAnswerRowsFor(db: DbOrTx, projectId: number, questionIds: readonly string[]) {
  if (questionIds.length === 0) return [];
  return db
    .select()
    .from(answers)
    .where(and(eq(answers.projectId, projectId), inArray(answers.questionId, [...questionIds])))
    .all();
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface SaveAnswersCommand {
  projectId: number;
  sectionId: string;
  /** Question id → new value; null clears the answer. Questions not listed are left alone. */
  values: Readonly<Record<string, AnswerValue | null | undefined>>;
  /** Question id → where a saved value came from; a value saved without one is typed (source null). */
  sources?: Readonly<Record<string, AnswerSource>>;
  actorId: string;
  at: Date;
  /**
   * Ask for the background refreshes answers call for (outbox/refresh-rules.ts) when something changed,
   * with the app's timing; without it (seeding a project) nothing is refreshed.
   */
  refresh?: Pick<ChangeStamp, "timing">;
}

const answerWrites = perDatabase((db) => {
  const oneAnswer = and(
    eq(answers.projectId, sql.placeholder("projectId")),
    eq(answers.questionId, sql.placeholder("questionId")),
  );
  return {
    upsert: db
      .insert(answers)
      .values({
        projectId: sql.placeholder("projectId"),
        questionId: sql.placeholder("questionId"),
        value: sql.placeholder("value"),
        answeredBy: sql.placeholder("answeredBy"),
        answeredAt: sql.placeholder("answeredAt"),
        source: sql.placeholder("source"),
      })
      .onConflictDoUpdate({
        target: [answers.projectId, answers.questionId],
        set: {
          value: sql`excluded.value`,
          answeredBy: sql`excluded.answered_by`,
          answeredAt: sql`excluded.answered_at`,
          source: sql`excluded.source`,
        },
      })
      .prepare(),
    current: db.select({ value: answers.value }).from(answers).where(oneAnswer).prepare(),
    clear: db.delete(answers).where(oneAnswer).prepare(),
  };
});

/**
 * Saves a section's answers: one row per question, the last edit wins, and every change is audited with
 * its previous value, all in one transaction. Returns the ids of the questions that changed.
 */
export function saveAnswers(db: Db, cmd: SaveAnswersCommand): string[] {
  return db.transaction((tx) => {
    const changed: string[] = [];
    const { current, upsert, clear } = answerWrites(tx);
    for (const [questionId, value] of Object.entries(cmd.values)) {
      // Only the section's own answers are read (a project has over a hundred; a section a handful).
      const previous = current.get({ projectId: cmd.projectId, questionId })?.value;
      const cleared = value === null || value === undefined;
      if (cleared ? previous === undefined : same(previous, value)) continue;
      if (cleared) {
        clear.run({ projectId: cmd.projectId, questionId });
      } else {
        upsert.run({
          projectId: cmd.projectId,
          questionId,
          value,
          answeredBy: cmd.actorId,
          answeredAt: cmd.at,
          source: cmd.sources?.[questionId] ?? null,
        });
      }
      recordAudit(tx, {
        projectId: cmd.projectId,
        actorId: cmd.actorId,
        action: cleared ? "answer.cleared" : "answer.saved",
        details: {
          section: cmd.sectionId,
          question: questionId,
          previous: previous ?? null,
          value: cleared ? null : value,
        },
        at: cmd.at,
      });
      changed.push(questionId);
    }
    if (changed.length > 0) {
      touchProject(tx, cmd.projectId, cmd.at);
      followDetectedTypes(tx, cmd.projectId, cmd.actorId, cmd.at);
      if (cmd.refresh) {
        const { projectId, actorId, at } = cmd;
        recordChange(tx, "answers", { projectId, actorId, at, timing: cmd.refresh.timing });
      }
    }
    return changed;
  });
}

/**
 * A project left to auto-detect its type follows what its answers now say (NetSuite → Shopify becomes
 * inventory once the workflows say stock levels), and its checklist's suggestions follow the types.
 * A type a person chose stays as chosen.
 */
export function followDetectedTypes(tx: DbOrTx, projectId: number, actorId: string, at: Date): void {
  const project = tx.select().from(projects).where(eq(projects.id, projectId)).get();
  if (project?.integrationTypeSource !== "auto") return;
  const found = classifyAnswers(project, loadAnswers(tx, projectId));
  const previous = project.integrationTypes.filter(isIntegrationType);
  if (found.types.join() === previous.join()) return;
  tx.update(projects)
    .set({ integrationType: found.types[0] ?? "other", integrationTypes: found.types })
    .where(eq(projects.id, projectId))
    .run();
  recordAudit(tx, {
    projectId,
    actorId,
    action: "project.types-detected",
    details: { previous, types: found.types, reason: found.reason },
    at,
  });
  syncTypeTasks(tx, projectId, found.types, actorId, at);
}

/** What someone typed in a section that could not be saved as answers yet (kept as typed). */
export function saveDraft(
  db: DbOrTx,
  args: { projectId: number; sectionId: string; raw: Record<string, unknown>; actorId: string; at: Date },
): void {
  db.insert(interviewDrafts)
    .values({
      projectId: args.projectId,
      sectionId: args.sectionId,
      raw: args.raw,
      savedBy: args.actorId,
      savedAt: args.at,
    })
    .onConflictDoUpdate({
      target: [interviewDrafts.projectId, interviewDrafts.sectionId],
      set: { raw: args.raw, savedBy: args.actorId, savedAt: args.at },
    })
    .run();
}

const draftQuery = perDatabase((db) =>
  db
    .select()
    .from(interviewDrafts)
    .where(
      and(
        eq(interviewDrafts.projectId, sql.placeholder("projectId")),
        eq(interviewDrafts.sectionId, sql.placeholder("sectionId")),
      ),
    )
    .prepare(),
);

/** The section's draft with who saved it last and when. */
export function loadDraftRow(db: DbOrTx, projectId: number, sectionId: string) {
  return draftQuery(db).get({ projectId, sectionId });
}

export function clearDraft(db: DbOrTx, projectId: number, sectionId: string): void {
  db.delete(interviewDrafts)
    .where(and(eq(interviewDrafts.projectId, projectId), eq(interviewDrafts.sectionId, sectionId)))
    .run();
}

/** The section someone was last working in without finishing it (to reopen at the same place). */
export function latestDraftSection(db: DbOrTx, projectId: number): string | undefined {
  return db
    .select({ sectionId: interviewDrafts.sectionId })
    .from(interviewDrafts)
    .where(eq(interviewDrafts.projectId, projectId))
    .orderBy(desc(interviewDrafts.savedAt))
    .limit(1)
    .get()?.sectionId;
}
