import { describe, expect, it } from "vitest";
import type { Answers } from "../../src/domain/questionnaire/answers.js";
import { QUESTIONNAIRE_V1 } from "../../src/domain/questionnaire/definition.js";
import { findSection } from "../../src/domain/questionnaire/find-section.js";
import { firstUnfinishedSection, interviewProgress } from "../../src/domain/questionnaire/progress.js";

const sectionIds = QUESTIONNAIRE_V1.sections.map((s) => s.id);
const total = sectionIds.length;

/** Every required question of the first `count` sections answered. */
function requiredAnswersOfFirst(count: number): Record<string, string> {
  return Object.fromEntries(
    QUESTIONNAIRE_V1.sections
      .slice(0, count)
      .flatMap((s) =>
        s.questions.some((q) => q.required) ? s.questions.filter((q) => q.required) : s.questions.slice(0, 1),
      )
      .map((q) => [q.id, "answered"]),
  );
}

describe("interview progress", () => {
  it("a new interview has nothing complete, every required answer missing, and starts at section 1", () => {
    const progress = interviewProgress(QUESTIONNAIRE_V1, {});
    expect(progress.sectionsComplete).toBe(0);
    expect(progress.sectionsTotal).toBe(total);
    expect(progress.perSection.every((s) => s.status === "not_started")).toBe(true);
    expect(progress.requiredMissing).toContainEqual({
      sectionId: "current_state",
      questionId: "pain_points",
      label: "What are the problems?",
    });
    expect(firstUnfinishedSection(QUESTIONNAIRE_V1, {})).toBe(0);
  });

  it("a section with a required answer still missing is incomplete and listed in the summary", () => {
    const answers: Answers = { current_state: "Two people re-key orders", hours_per_week: 12 };
    const progress = interviewProgress(QUESTIONNAIRE_V1, answers);
    expect(progress.perSection[0]).toEqual({
      sectionId: "current_state",
      index: 0,
      title: "Current state and pain points",
      answered: 2,
      total: 7,
      requiredMissing: [
        { sectionId: "current_state", questionId: "pain_points", label: "What are the problems?" },
      ],
      status: "incomplete",
    });
    expect(progress.sectionsComplete).toBe(0);
    expect(firstUnfinishedSection(QUESTIONNAIRE_V1, answers)).toBe(0);
  });

  it("empty answers do not count as answered", () => {
    const answers: Answers = { current_state: "", pain_points: [] };
    expect(interviewProgress(QUESTIONNAIRE_V1, answers).perSection[0]?.status).toBe("not_started");
  });

  it("a typed TBD or ? does not count as answered; N/A to an optional question does", () => {
    const answers: Answers = { current_state: "TBD", pain_points: ["?"], hours_per_week: 12 };
    const first = interviewProgress(QUESTIONNAIRE_V1, answers).perSection[0];
    expect(first?.answered).toBe(1);
    expect(first?.requiredMissing.map((m) => m.questionId)).toEqual(["current_state", "pain_points"]);
    const vision = QUESTIONNAIRE_V1.sections.findIndex((s) => s.id === "vision");
    const optionalNa = interviewProgress(QUESTIONNAIRE_V1, { dream_state: "N/A" }).perSection[vision];
    expect(optionalNa?.answered).toBe(1);
  });

  it("a required question answered N/A is still missing", () => {
    const progress = interviewProgress(QUESTIONNAIRE_V1, { current_state: "n/a", pain_points: ["Slow"] });
    expect(progress.perSection[0]?.requiredMissing.map((m) => m.questionId)).toEqual(["current_state"]);
  });

  it("a PM who answered the required questions of four sections resumes at section 5", () => {
    const answers = requiredAnswersOfFirst(4);
    const progress = interviewProgress(QUESTIONNAIRE_V1, answers);
    expect(progress.sectionsComplete).toBe(4);
    expect(progress.perSection.slice(0, 4).map((s) => s.status)).toEqual(Array(4).fill("complete"));
    expect(firstUnfinishedSection(QUESTIONNAIRE_V1, answers)).toBe(4);
  });

  it("a finished interview has no unfinished section and nothing missing", () => {
    const answers = requiredAnswersOfFirst(total);
    const progress = interviewProgress(QUESTIONNAIRE_V1, answers);
    expect(progress.sectionsComplete).toBe(total);
    expect(progress.requiredMissing).toEqual([]);
    expect(firstUnfinishedSection(QUESTIONNAIRE_V1, answers)).toBeUndefined();
  });
});

describe("findSection", () => {
  const systems = { systemA: "Shopify", systemB: "QuickBooks Online" };

  it.each([
    ["1", "current_state"],
    ["4", "system_a_api"],
    ["section 5", "system_b_api"],
    [String(total), sectionIds[total - 1]],
    ["target api", "system_b_api"],
    ["Shopify", "system_a_api"],
    ["quickbooks", "system_b_api"],
    ["risks", "risks_costs"],
    ["Risk", "risks_costs"],
    ["cost", "risks_costs"],
    ["migration", "data_mapping"],
    ["data", "data_mapping"],
    ["current", "current_state"],
    ["pain", "current_state"],
    ["vision", "vision"],
    ["user journey", "user_journey"],
    ["security", "security"],
    ["GDPR", "security"],
    ["perf", "performance"],
    ["team", "phases"],
    ["alerts", "monitoring"],
    ["deploy", "testing_deployment"],
    ["UAT", "testing_deployment"],
    ["sign-off", "open_questions"],
    ["open questions", "open_questions"],
    ["error handling", "architecture"],
  ])("%j opens %s", (query, expected) => {
    const match = findSection(QUESTIONNAIRE_V1, query, systems);
    expect(match.kind === "found" && match.section.id).toBe(expected);
  });

  it.each(["", "0", "99", "!!!", "zebra crossing"])("%j finds nothing", (query) => {
    expect(findSection(QUESTIONNAIRE_V1, query, systems)).toEqual({ kind: "none" });
  });

  it.each(["api", "API capabilities", "API-Capabilities!", "system"])(
    "%j names both systems' API sections: it picks neither",
    (query) => {
      const match = findSection(QUESTIONNAIRE_V1, query, systems);
      expect(match.kind === "ambiguous" && match.candidates.map((c) => c.section.id)).toEqual([
        "system_a_api",
        "system_b_api",
      ]);
    },
  );

  it("lets an exact name win over a name that only starts with it", () => {
    const [first, second] = QUESTIONNAIRE_V1.sections;
    if (!first || !second) throw new Error("the questionnaire has sections");
    const questionnaire = {
      ...QUESTIONNAIRE_V1,
      sections: [
        { ...first, id: "testing", title: "Testing", aliases: [] },
        { ...second, id: "testing_and_deployment", title: "Testing and deployment", aliases: [] },
      ],
    };
    expect(findSection(questionnaire, "testing")).toMatchObject({ kind: "found", index: 0 });
    expect(findSection(questionnaire, "test")).toMatchObject({ kind: "ambiguous" });
  });

  it("returns the section's position", () => {
    expect(findSection(QUESTIONNAIRE_V1, "target api")).toMatchObject({ kind: "found", index: 4 });
  });
});
