import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { whereOf } from "../../src/documents/answer-fields.js";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { buildPlanContext } from "../../src/documents/plan-context.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { analyse } from "../../src/domain/analysis/analyse.js";
import { parseMonthlyVolume } from "../../src/domain/analysis/monthly-volume.js";
import { QUESTIONNAIRE_V1 } from "../../src/domain/questionnaire/definition.js";

const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));
const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));
const NOW = new Date("2025-10-01T12:00:00.000Z");
const base = parseAnswersFile(
  JSON.parse(readFileSync(join(EXAMPLES_DIR, "shopify-quickbooks-accounting.json"), "utf8")),
);
const renderer = createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now: () => NOW });

function withVolumes(estimate: string | null, answer: string | null): DocumentInput {
  const { data_volume: _dropped, ...answers } = base.answers;
  return {
    ...base,
    project: { ...base.project, volumeEstimate: estimate },
    answers: answer === null ? answers : { ...answers, data_volume: answer },
  };
}

function printedAndEstimated(input: DocumentInput) {
  const analysis = analyse({
    project: input.project,
    answers: input.answers,
    questionnaire: QUESTIONNAIRE_V1,
  });
  const context = buildPlanContext(input, QUESTIONNAIRE_V1, analysis, NOW);
  // Without any volume the plan sends the reader to where it is answered.
  const printed =
    typeof context.volume === "string" ? context.volume : `unanswered: ${whereOf(context.volume)}`;
  return { printed, estimatedFrom: analysis.facts.monthlyVolume };
}

describe("the plan prints the volume it estimates from", () => {
  it.each([
    [
      "both describe a rate: the interview's answer",
      "10 orders a day",
      "900 orders a week",
      "900 orders a week",
      3_900,
    ],
    ["only the estimate gives a rate", "10 orders a day", "a lot at peak", "10 orders a day", 300],
    ["only the answer", null, "500 orders a day", "500 orders a day", 15_000],
    ["only the estimate", "2k orders a month", null, "2k orders a month", 2_000],
    ["neither gives a rate: the interview's words", "big", "a lot at peak", "a lot at peak", null],
    [
      "nothing captured",
      null,
      null,
      "unanswered: /intplan edit project or /intplan interview 9 (Expected data volume)",
      null,
    ],
    [
      "a peak alone is not the month's throughput",
      null,
      "Peak 3k orders/hour on Black Friday",
      "Peak 3k orders/hour on Black Friday",
      null,
    ],
  ] as const)("%s", (_case, estimate, answer, printed, perMonth) => {
    const seen = printedAndEstimated(withVolumes(estimate, answer));
    expect(seen).toEqual({ printed, estimatedFrom: perMonth });
    if (perMonth !== null) expect(parseMonthlyVolume(seen.printed)).toBe(seen.estimatedFrom);
  });

  it("shows that volume in the rendered plan, and how it was read", () => {
    const plan = renderer.renderPlan(withVolumes("10 orders a day", "900 orders a week"));
    expect(plan).toContain(
      "- **Data Volume**: 900 orders a week — read as about 3,900 records a month (900 a week)",
    );
    expect(plan).not.toContain("10 orders a day");
  });

  it("a peak rate is shown as a peak, and the unknown monthly volume is assumed high", () => {
    const plan = renderer.renderPlan(withVolumes(null, "Peak 3k orders/hour on Black Friday"));
    expect(plan).toContain("no usual rate given, only a peak of 3,000 an hour");
    expect(plan).not.toContain("2,160,000");
    expect(plan).toContain("+1 week assumed: volume not known yet");
  });
});
