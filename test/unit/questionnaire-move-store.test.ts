import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAnswers, saveAnswers } from "../../src/db/answer-store.js";
import { listAudit } from "../../src/db/audit-log.js";
import { moveQuestionnaire } from "../../src/db/questionnaire-store.js";
import { answers, projects } from "../../src/db/schema.js";
import { pendingJobs } from "../../src/outbox/queue.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

describe("moving a project's questionnaire in storage", () => {
  let p: ProjectDb;
  const move = (to = 3) =>
    moveQuestionnaire(p.db, {
      projectId: p.project.id,
      to,
      actorId: "U0PM",
      at: T0,
      refresh: { timing: undefined },
    });

  beforeEach(() => {
    p = openProjectDb();
    p.db.update(projects).set({ questionnaireVersion: 2 }).where(eq(projects.id, p.project.id)).run();
    saveAnswers(p.db, {
      projectId: p.project.id,
      sectionId: "all",
      values: {
        current_state: "By hand",
        compliance_checks: ["gdpr", "data_residency"],
        internal_dependencies: ["frontend_framework"],
      },
      actorId: "U0DANA",
      at: new Date("2026-11-01T09:00:00Z"),
    });
  });
  afterEach(() => p.close());

  it("rewrites only what changes, keeps who gave an unchanged answer, and asks for the refreshes", () => {
    const result = move();
    expect(result.moved).toBe(true);
    expect(loadAnswers(p.db, p.project.id)).toEqual({
      current_state: "By hand",
      compliance_checks: ["gdpr"],
      data_residency: "Data residency requirements apply.",
    });
    const kept = p.db
      .select()
      .from(answers)
      .all()
      .find((r) => r.questionId === "current_state");
    expect(kept?.answeredBy).toBe("U0DANA");
    expect(pendingJobs(p.db, p.project.id).map((j) => j.job)).toEqual(
      expect.arrayContaining(["refresh-plan", "refresh-discovery", "refresh-status-board"]),
    );
  });

  it("audits the move once, with the previous values of what changed and every value not carried over", () => {
    move();
    const rows = listAudit(p.db, p.project.id, { limit: 10, offset: 0 }).filter(
      (r) => r.action === "questionnaire.moved",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toMatchObject({
      from: 2,
      to: 3,
      reshaped: expect.arrayContaining([
        { question: "compliance_checks", previous: ["gdpr", "data_residency"], value: ["gdpr"] },
      ]),
      notCarried: [
        expect.objectContaining({ question: "internal_dependencies", value: ["frontend_framework"] }),
      ],
    });
  });

  it("never moves a project back, nor twice", () => {
    move();
    expect(move()).toMatchObject({ moved: false, reason: "already-there" });
    expect(move(2)).toMatchObject({ moved: false, reason: "not-newer" });
  });
});
