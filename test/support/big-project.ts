import { saveAnswers } from "../../src/db/answer-store.js";
import type { Db } from "../../src/db/client.js";
import { blockers } from "../../src/db/schema.js";
import { type AnswerValue, maxLengthFor } from "../../src/domain/questionnaire/answers.js";
import { allQuestions, QUESTIONNAIRE_V3, type Question } from "../../src/domain/questionnaire/definition.js";

/**
 * A project far bigger than any team makes, stored straight into a real database: every answer as long as
 * the interview accepts, lists and tables longer than it accepts (as if stored by an older version), and
 * thousands of open blockers. Text is in characters that take three UTF-8 bytes for each UTF-16 unit, the
 * most bytes a length limit lets through.
 */

export const wide = (length: number, seed = "") => `${seed}${"界".repeat(Math.max(0, length - seed.length))}`;

export interface BigProjectSize {
  listItems: number;
  tableRows: number;
  risks: number;
  /** Characters of a table cell; 500 (a line's limit) when not given. */
  cellLength?: number;
}

function maximalAnswer(question: Question, size: BigProjectSize): AnswerValue | undefined {
  switch (question.kind) {
    case "short_text":
    case "long_text":
      return wide(maxLengthFor(question));
    case "url":
      return `https://example.com/${"a".repeat(2900)}`;
    case "email":
      return `${"a".repeat(60)}@example.com`;
    case "date":
      return "2027-02-01";
    case "user":
      return "U0PM";
    case "number":
      return question.max ?? 1_000_000_000;
    case "single_select":
      return question.options[0]?.value;
    case "multi_select":
    case "checkboxes":
      return question.options.map((o) => o.value);
    case "list":
      return Array.from({ length: size.listItems }, (_, i) => wide(500, `item ${i + 1} `));
    case "table": {
      const rows = question.id === "risks" ? size.risks : size.tableRows;
      return Array.from({ length: rows }, (_, i) =>
        Object.fromEntries(
          question.columns.map((c) => [
            c.id,
            c.options ? (c.options[i % c.options.length] ?? "") : wide(size.cellLength ?? 500),
          ]),
        ),
      );
    }
  }
}

export function saveMaximalAnswers(db: Db, projectId: number, size: BigProjectSize, at: Date): void {
  const values = Object.fromEntries(
    allQuestions(QUESTIONNAIRE_V3).map((q) => [q.id, maximalAnswer(q, size)]),
  );
  saveAnswers(db, { projectId, sectionId: "all", values, actorId: "U0PM", at });
}

/** `count` open blockers numbered from 1, a minute apart from `at`, each 500 characters. */
export function seedOpenBlockers(db: Db, projectId: number, count: number, at: Date): void {
  db.transaction((tx) => {
    for (let start = 0; start < count; start += 500) {
      tx.insert(blockers)
        .values(
          Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
            projectId,
            number: start + i + 1,
            text: wide(500, `blocker ${start + i + 1} `),
            ownerId: "U0LEAD",
            waitingOnClient: i % 2 === 0,
            createdBy: "U0PM",
            createdAt: new Date(at.getTime() + (start + i) * 60_000),
          })),
        )
        .run();
    }
  });
}
