import { describe, expect, it } from "vitest";
import { analyse } from "../../src/domain/analysis/analyse.js";
import { parseMonthlyVolume } from "../../src/domain/analysis/monthly-volume.js";
import { collectOpenQuestions } from "../../src/domain/analysis/open-questions.js";
import { readFacts } from "../../src/domain/analysis/read-facts.js";
import { isVague } from "../../src/domain/analysis/vague.js";
import type { Answers } from "../../src/domain/questionnaire/answers.js";
import { allQuestions, QUESTIONNAIRE_V1 } from "../../src/domain/questionnaire/definition.js";

const project = {
  clientName: "Northwind Coffee Roasters",
  systemA: "WooCommerce",
  systemB: "ShipStation",
  summary: null,
  volumeEstimate: null,
  targetGoLive: null,
};

describe("monthly volume from how people describe it", () => {
  it.each([
    ["500 orders a day, 12,000 SKUs", 15_000],
    ["About 900 orders a week", 3_900],
    ["3,000 orders per month", 3_000],
    ["2.5k new customers each month", 2_500],
    ["40 orders/hour", 28_800],
    ["40 orders/hour at peak", null],
    ["120,000 orders a year", 10_000],
    ["1m events per month", 1_000_000],
    ["12,000 SKUs", null],
    ["lots", null],
    ["", null],
  ])("%j → %j records a month", (text, expected) => {
    expect(parseMonthlyVolume(text)).toBe(expected);
  });
});

describe("vague answers", () => {
  it.each(["depends", "Maybe.", "x", "later"])("%j says too little", (text) =>
    expect(isVague(text)).toBe(true),
  );
  it.each(["None", "No", "Yes", "40 requests per minute", "OAuth 2.0"])("%j is an answer", (text) => {
    expect(isVague(text)).toBe(false);
  });
  it.each(["TBD", "?", "not sure", "N/A"])("%j is not vague: it is unanswered or not applicable", (text) => {
    expect(isVague(text)).toBe(false);
  });
});

describe("reading facts from the interview", () => {
  it("reads a typed TBD, or a list item N/A, as nothing to estimate from", () => {
    const facts = readFacts(
      { ...project, summary: "Ship paid orders" },
      {
        executive_summary: "TBD",
        business_objectives: ["n/a"],
        pain_points: ["?", "Late shipping"],
        system_b_quirks: ["N/A"],
      },
      "fulfillment",
    );
    expect(facts.summary).toBe("Ship paid orders");
    expect(facts.objectives).toEqual([]);
    expect(facts.painPoints).toEqual(["Late shipping"]);
    expect(facts.systemB.quirkCount).toBe(0);
  });

  it("reads numbers, lists and the volume, preferring the interview's volume to the project's", () => {
    const answers: Answers = {
      pain_points: ["Late shipping"],
      business_objectives: ["Same-day shipping"],
      workflows: ["Paid order → ShipStation order", "Shipment → tracking"],
      hours_per_week: 15,
      hourly_cost: 28,
      error_rate: 2,
      development_hours: 100,
      maintenance_hours_per_month: 3,
      support_hours_per_month: 2,
      data_volume: "900 orders a week",
      migration_needed: "no",
    };
    const facts = readFacts({ ...project, volumeEstimate: "10 orders a day" }, answers, "fulfillment");
    expect(facts).toMatchObject({
      painPoints: ["Late shipping"],
      objectives: ["Same-day shipping"],
      workflows: ["Paid order → ShipStation order", "Shipment → tracking"],
      manualHoursPerWeek: 15,
      hourlyCost: 28,
      errorRatePercent: 2,
      developmentHours: 100,
      maintenanceHoursPerMonth: 3,
      supportHoursPerMonth: 2,
      monthlyVolume: 3_900,
      hasDataMigration: false,
    });
  });

  it("falls back on the project's volume estimate", () => {
    expect(
      readFacts({ ...project, volumeEstimate: "10 orders a day" }, {}, "fulfillment").monthlyVolume,
    ).toBe(300);
  });

  it.each([
    ["yes", true],
    ["partial", true],
    ["no", false],
    ["unknown", null],
    [undefined, null],
  ])("webhooks answered %j → %j", (answer, expected) => {
    const answers: Answers = answer ? { system_a_webhooks: answer } : {};
    expect(readFacts(project, answers, "other").systemA.webhooks).toBe(expected);
  });

  it.each([
    ["bulk export ticked", { system_b_sync_modes: ["polling", "bulk_export"] }, true],
    ["batch endpoint described", { system_b_batch_operations: "createorders, up to 100 per call" }, true],
    ["described as none", { system_b_batch_operations: "None" }, false],
    ["only polling ticked", { system_b_sync_modes: ["polling"] }, false],
    ["nothing said", {}, null],
  ] as const)("batch support with %s", (_, answers, expected) => {
    expect(readFacts(project, answers as Answers, "other").systemB.batch).toBe(expected);
  });

  it("an XML-only system counts as legacy; JSON alongside XML does not", () => {
    expect(readFacts(project, { system_b_data_formats: ["xml"] }, "other").systemB.legacyFormats).toBe(true);
    expect(
      readFacts(project, { system_b_data_formats: ["xml", "json"] }, "other").systemB.legacyFormats,
    ).toBe(false);
  });
});

describe("open questions", () => {
  const requiredCount = allQuestions(QUESTIONNAIRE_V1).filter((q) => q.required).length;

  it("an untouched interview lists every required question, with the system names filled in", () => {
    const open = collectOpenQuestions(QUESTIONNAIRE_V1, {}, project);
    expect(open).toHaveLength(requiredCount);
    expect(open.every((q) => q.source === "unanswered")).toBe(true);
    expect(open.map((q) => q.question)).toContain("Does ShipStation send webhooks?");
    expect(open.map((q) => q.question)).not.toContain("Does {systemB} send webhooks?");
  });

  it("lists raised questions first, by category, then unanswered and unsure ones", () => {
    const answers: Answers = {
      business_questions: ["Which carrier services map to shipping methods?"],
      technical_questions: ["Does ShipStation send SHIP_NOTIFY on this plan?"],
      ux_questions: ["Where do failed orders show?"],
      system_b_webhooks: "unknown",
      migration_needed: "unsure",
    };
    const open = collectOpenQuestions(QUESTIONNAIRE_V1, answers, project);
    expect(open.slice(0, 3)).toEqual([
      {
        question: "Which carrier services map to shipping methods?",
        category: "business",
        source: "raised",
        where: null,
      },
      {
        question: "Does ShipStation send SHIP_NOTIFY on this plan?",
        category: "technical",
        source: "raised",
        where: null,
      },
      { question: "Where do failed orders show?", category: "ux", source: "raised", where: null },
    ]);
    expect(open).toContainEqual({
      question: "Does ShipStation send webhooks?",
      category: "technical",
      source: "unsure",
      where: "/intplan interview 5 (Does ShipStation send webhooks?)",
    });
    expect(open).toContainEqual({
      question: "Does historical data need migrating?",
      category: "technical",
      source: "unsure",
      where: "/intplan interview 6 (Does historical data need migrating?)",
    });
    expect(open).toContainEqual({
      question: "How is this work done today?",
      category: "business",
      source: "unanswered",
      where: "/intplan interview 1 (How is this done today?)",
    });
    expect(open).toContainEqual({
      question: "What triggers the integration?",
      category: "ux",
      source: "unanswered",
      where: "/intplan interview 3 (1. What triggers the integration?)",
    });
  });

  it("asks every required question as a question", () => {
    const required = allQuestions(QUESTIONNAIRE_V1).filter((q) => q.required);
    for (const q of required) expect(q.ask, q.id).toMatch(/\?$/);
  });

  it("a typed TBD keeps a required question open, and makes an optional one open too", () => {
    const open = collectOpenQuestions(
      QUESTIONNAIRE_V1,
      { current_state: "TBD", system_b_batch_operations: "not sure", dream_state: "A real dream" },
      project,
    );
    expect(open).toHaveLength(requiredCount + 1);
    expect(open).toContainEqual(expect.objectContaining({ question: "How is this work done today?" }));
    expect(open).toContainEqual({
      question: 'What is the answer for "ShipStation batch operations"?',
      category: "technical",
      source: "placeholder",
      where: "/intplan interview 5 (ShipStation batch operations)",
    });
  });

  it("N/A closes an optional question but not a required one", () => {
    const open = collectOpenQuestions(
      QUESTIONNAIRE_V1,
      { current_state: "N/A", system_b_batch_operations: "n/a" },
      project,
    );
    expect(open).toHaveLength(requiredCount);
    expect(open.map((q) => q.question)).toContain("How is this work done today?");
  });

  it("an answered required question is no longer open", () => {
    const open = collectOpenQuestions(QUESTIONNAIRE_V1, { current_state: "Copied by hand" }, project);
    expect(open.map((q) => q.question)).not.toContain("How is this work done today?");
    expect(open).toHaveLength(requiredCount - 1);
  });
});

describe("analyse", () => {
  const input = {
    project: { ...project, integrationType: null },
    answers: {},
    questionnaire: QUESTIONNAIRE_V1,
  };

  it("auto-detects the integration type when the project has none", () => {
    expect(analyse(input).integrationType).toBe("fulfillment");
  });

  it("keeps the type a person chose", () => {
    expect(
      analyse({ ...input, project: { ...input.project, integrationType: "inventory" } }).integrationType,
    ).toBe("inventory");
  });

  it("is deterministic", () => {
    expect(analyse(input)).toEqual(analyse(input));
  });

  it("gives the type's common risks and a pessimistic timeline for an empty interview", () => {
    const analysis = analyse(input);
    expect(analysis.commonRisks.map((r) => r.risk)).toContain("Shipping carrier API downtime");
    expect(analysis.confidence.score).toBeLessThan(50);
    expect(analysis.timeline.drivers.filter((d) => d.assumed).map((d) => d.reason)).toContain(
      "no workflows listed yet: 3 assumed, 5 at worst",
    );
  });
});
