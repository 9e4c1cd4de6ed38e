import { and, eq } from "drizzle-orm";
import type { AnswerValue } from "../domain/questionnaire/answers.js";
import { type CarryOver, carryOverAnswers } from "../domain/questionnaire/carry-over.js";
import { getQuestionnaire, type Question, type Questionnaire } from "../domain/questionnaire/definition.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db } from "./client.js";
import { touchProject } from "./project-store.js";
import { answers, interviewDrafts, projects } from "./schema.js";

export interface MoveQuestionnaireCommand {
  projectId: number;
  to: number;
  actorId: string;
  at: Date;
  refresh: Pick<ChangeStamp, "timing">;
}

export type MoveQuestionnaireResult =
  | { moved: true; from: number; to: number; carryOver: CarryOver; draftsDropped: number }
  | { moved: false; reason: "no-project" | "already-there" | "not-newer"; version: number };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A typed draft input that the new version's question can still show (a checkbox it still offers). */
function draftInputFor(question: Question, raw: unknown): unknown {
  if (!Array.isArray(raw) || !("options" in question)) return raw;
  const offered = new Set(question.options.map((o) => o.value));
  return raw.filter((v) => typeof v === "string" && offered.has(v));
}

/**
 * The interview drafts, keyed by section id, re-keyed for the new version: an input stays in its section only
 * when the new version asks that question in a section of the same id; any other is dropped (and audited).
 */
function moveDrafts(rows: readonly { sectionId: string; raw: Record<string, unknown> }[], to: Questionnaire) {
  const kept: { sectionId: string; raw: Record<string, unknown> }[] = [];
  const dropped: { section: string; question: string; raw: unknown }[] = [];
  for (const row of rows) {
    const section = to.sections.find((s) => s.id === row.sectionId);
    const raw: Record<string, unknown> = {};
    for (const [questionId, input] of Object.entries(row.raw)) {
      const question = section?.questions.find((q) => q.id === questionId);
      if (question) raw[questionId] = draftInputFor(question, input);
      else dropped.push({ section: row.sectionId, question: questionId, raw: input });
    }
    if (Object.keys(raw).length > 0) kept.push({ sectionId: row.sectionId, raw });
  }
  return { kept, dropped };
}

/**
 * Moves a project to a newer questionnaire version in one transaction: the version, the answers rewritten as
 * `carryOverAnswers` carries them (an unchanged answer keeps its row, who gave it and where it came from),
 * the drafts re-keyed, one audit row listing what was reshaped and what was not carried over with its
 * values, and the refreshes of everything the answers show in.
 */
export function moveQuestionnaire(db: Db, cmd: MoveQuestionnaireCommand): MoveQuestionnaireResult {
  return db.transaction((tx) => {
    const project = tx.select().from(projects).where(eq(projects.id, cmd.projectId)).get();
    if (!project) return { moved: false, reason: "no-project", version: cmd.to };
    const fromVersion = project.questionnaireVersion;
    if (fromVersion === cmd.to) return { moved: false, reason: "already-there", version: fromVersion };
    if (fromVersion > cmd.to) return { moved: false, reason: "not-newer", version: fromVersion };
    const from = getQuestionnaire(fromVersion);
    const to = getQuestionnaire(cmd.to);

    const rows = tx.select().from(answers).where(eq(answers.projectId, cmd.projectId)).all();
    const previous = new Map<string, AnswerValue>(rows.map((r) => [r.questionId, r.value]));
    const carryOver = carryOverAnswers(Object.fromEntries(previous), from, to);
    const oneAnswer = (questionId: string) =>
      and(eq(answers.projectId, cmd.projectId), eq(answers.questionId, questionId));
    for (const row of rows) {
      if (!(row.questionId in carryOver.answers)) tx.delete(answers).where(oneAnswer(row.questionId)).run();
    }
    const reshaped: { question: string; previous: AnswerValue | null; value: AnswerValue }[] = [];
    for (const [questionId, value] of Object.entries(carryOver.answers)) {
      const before = previous.get(questionId);
      if (before !== undefined && same(before, value)) continue;
      reshaped.push({ question: questionId, previous: before ?? null, value });
      tx.insert(answers)
        .values({ projectId: cmd.projectId, questionId, value, answeredBy: cmd.actorId, answeredAt: cmd.at })
        .onConflictDoUpdate({
          target: [answers.projectId, answers.questionId],
          set: { value, answeredBy: cmd.actorId, answeredAt: cmd.at },
        })
        .run();
    }

    const draftRows = tx
      .select()
      .from(interviewDrafts)
      .where(eq(interviewDrafts.projectId, cmd.projectId))
      .all();
    const drafts = moveDrafts(draftRows, to);
    for (const row of draftRows) {
      const kept = drafts.kept.find((d) => d.sectionId === row.sectionId);
      const where = and(
        eq(interviewDrafts.projectId, cmd.projectId),
        eq(interviewDrafts.sectionId, row.sectionId),
      );
      if (!kept) tx.delete(interviewDrafts).where(where).run();
      else if (!same(kept.raw, row.raw)) tx.update(interviewDrafts).set({ raw: kept.raw }).where(where).run();
    }

    tx.update(projects).set({ questionnaireVersion: cmd.to }).where(eq(projects.id, cmd.projectId)).run();
    touchProject(tx, cmd.projectId, cmd.at);
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "questionnaire.moved",
      details: {
        from: fromVersion,
        to: cmd.to,
        kept: carryOver.kept.length,
        reshaped,
        notCarried: carryOver.notCarried.map((n) => ({
          question: n.questionId,
          label: n.label,
          value: n.value,
          reason: n.reason,
        })),
        draftsDropped: drafts.dropped,
      },
      at: cmd.at,
    });
    const { projectId, actorId, at } = cmd;
    recordChange(tx, "answers", { projectId, actorId, at, timing: cmd.refresh.timing });
    return { moved: true, from: fromVersion, to: cmd.to, carryOver, draftsDropped: drafts.dropped.length };
  });
}
