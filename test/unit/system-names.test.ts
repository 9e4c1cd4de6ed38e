import { describe, expect, it } from "vitest";
import { planningAnswers } from "../../src/documents/planning-answers.js";
import { checklistFor } from "../../src/domain/phases.js";
import { QUESTIONNAIRE_V1 } from "../../src/domain/questionnaire/definition.js";
import { withSystemNames } from "../../src/domain/text.js";

const systems = { systemA: "Shopify", systemB: "QuickBooks" };

describe("one filling of {systemA} and {systemB}, everywhere", () => {
  it("fills every occurrence, not just the first", () => {
    expect(withSystemNames("{systemA}, {systemB}, {systemA} and {systemB} again", systems)).toBe(
      "Shopify, QuickBooks, Shopify and QuickBooks again",
    );
  });

  it("leaves no placeholder in any questionnaire text once filled", () => {
    const texts = QUESTIONNAIRE_V1.sections.flatMap((s) => [
      s.title,
      s.intro ?? "",
      ...s.questions.flatMap((q) => [q.label, q.hint ?? "", q.placeholder ?? ""]),
    ]);
    expect(texts.some((t) => t.includes("{system"))).toBe(true);
    expect(texts.map((t) => withSystemNames(t, systems)).filter((t) => t.includes("{system"))).toEqual([]);
  });

  it("is the filling the checklist and the documents use", () => {
    const labels = checklistFor(["accounting"], systems).map((i) => i.label);
    expect(labels).toContain("Obtain API credentials for Shopify");
    expect(labels).toContain("Implement QuickBooks API client");
    const groups = planningAnswers(QUESTIONNAIRE_V1, {}, systems);
    const shown = groups.flatMap((g) => [g.title, ...g.answers.map((a) => a.label)]);
    expect(shown.some((t) => t.includes("{system"))).toBe(false);
  });
});
