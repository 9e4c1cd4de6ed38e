import { describe, expect, it } from "vitest";
import { COMMON_RISKS } from "../../src/domain/analysis/common-risks.js";
import { scoreConfidence } from "../../src/domain/analysis/confidence.js";
import { writeExecutiveSummary } from "../../src/domain/analysis/executive-summary.js";
import type { DiscoveryFacts, SystemFacts } from "../../src/domain/analysis/facts.js";
import { estimateSavings } from "../../src/domain/analysis/savings.js";
import { estimateTimeline } from "../../src/domain/analysis/timeline.js";
import { INTEGRATION_TYPES } from "../../src/domain/integration-type.js";

const system = (name: string, overrides: Partial<SystemFacts> = {}): SystemFacts => ({
  name,
  webhooks: true,
  batch: true,
  legacyFormats: false,
  quirkCount: 0,
  ...overrides,
});

/** A simple, well-understood project: one workflow, webhooks and batch on both sides, nothing quantified. */
function facts(overrides: Partial<DiscoveryFacts> = {}): DiscoveryFacts {
  return {
    clientName: "Acme Outdoor Co.",
    integrationType: "accounting",
    systemA: system("Shopify"),
    systemB: system("QuickBooks Online"),
    summary: null,
    painPoints: [],
    objectives: [],
    workflows: ["Paid order → sales receipt"],
    hasDataMigration: false,
    volumeText: "3,000 orders a month",
    monthlyVolume: 3_000,
    manualHoursPerWeek: null,
    hourlyCost: null,
    errorRatePercent: null,
    developmentHours: null,
    runningHoursPerMonth: null,
    revenueImpactPerMonth: null,
    targetGoLive: null,
    plannedStart: null,
    ...overrides,
  };
}

const weeksPerPhase = (f: DiscoveryFacts, confidence = 90) =>
  estimateTimeline(f, confidence).phases.map((p) => p.weeks);

describe("timeline per phase", () => {
  it("a simple, well-understood sync takes the base plan: 6.5 weeks, 4.5 of them to go-live", () => {
    const timeline = estimateTimeline(facts(), 90);
    expect(timeline.phases.map((p) => [p.number, p.name, p.weeks])).toEqual([
      [1, "Discovery & Design", 1],
      [2, "Development", 2],
      [3, "Testing & Validation", 1],
      [4, "Deployment", 0.5],
      [5, "Post-Launch Support", 2],
    ]);
    expect(timeline.totalWeeks).toBe(6.5);
    expect(timeline.weeksToGoLive).toBe(4.5);
    expect(timeline.label).toBe("6.5 weeks (4.5 to go-live, then 2 of post-launch support)");
    expect(timeline.drivers).toEqual([]);
  });

  it.each([
    ["three workflows", { workflows: ["a", "b", "c"] }, [1, 3, 1.5, 0.5, 2], "3 workflows to build and test"],
    [
      "a source without webhooks",
      { systemA: system("Legacy ERP", { webhooks: false }) },
      [1, 2.5, 1, 0.5, 2],
      "Legacy ERP sends no webhooks, so changes must be polled",
    ],
    ["data migration", { hasDataMigration: true }, [1, 3, 1.5, 1, 2], "historical data migration"],
    [
      "high volume",
      { monthlyVolume: 20_000 },
      [1, 2, 1.5, 0.5, 2],
      "high volume (20,000 records a month) needs performance testing",
    ],
    [
      "very high volume",
      { monthlyVolume: 150_000 },
      [1, 2, 2, 0.5, 2],
      "high volume (150,000 records a month) needs performance testing",
    ],
    [
      "no batch API at high volume",
      { monthlyVolume: 20_000, systemB: system("Acme WMS", { batch: false }) },
      [1, 2.5, 2, 0.5, 2],
      "no batch API on one side at high volume, so records go one call at a time",
    ],
    [
      "an XML-only target",
      { systemB: system("Acme WMS", { legacyFormats: true }) },
      [1, 2.5, 1.5, 0.5, 2],
      "only XML or file-based data from Acme WMS",
    ],
    [
      "a target with many quirks",
      { systemB: system("QuickBooks Online", { quirkCount: 3 }) },
      [1, 2.5, 1, 0.5, 2],
      "3 or more known API quirks in QuickBooks Online",
    ],
  ] as const)("%s lengthens the plan", (_, overrides, weeks, driver) => {
    const f = facts(overrides as Partial<DiscoveryFacts>);
    expect(weeksPerPhase(f)).toEqual(weeks);
    expect(estimateTimeline(f, 90).drivers).toContain(driver);
  });

  it("no batch API matters only at high volume", () => {
    expect(weeksPerPhase(facts({ systemB: system("Acme WMS", { batch: false }) }))).toEqual([
      1, 2, 1, 0.5, 2,
    ]);
  });

  it.each([
    [90, [1, 2, 1, 0.5, 2]],
    [75, [1, 2, 1, 0.5, 2]],
    [74, [1.5, 2.5, 1, 0.5, 2]],
    [50, [1.5, 2.5, 1, 0.5, 2]],
    [49, [2, 2.5, 1, 0.5, 2]],
  ])("at %i%% confidence the phases take %j weeks", (confidence, weeks) => {
    expect(weeksPerPhase(facts(), confidence)).toEqual(weeks);
  });

  it("every phase is a whole or half number of weeks", () => {
    const f = facts({ workflows: ["a", "b", "c", "d"], hasDataMigration: true, monthlyVolume: 50_000 });
    for (const phase of estimateTimeline(f, 60).phases)
      expect(phase.weeks * 2).toBe(Math.round(phase.weeks * 2));
  });
});

describe("confidence score", () => {
  const questions = [
    { id: "current_state", required: true },
    { id: "pain_points", required: true },
    { id: "dream_state" },
    { id: "review_notes" },
  ];
  const quantified = {
    monthlyVolume: 3_000,
    manualHoursPerWeek: 20,
    hourlyCost: 40,
    errorRatePercent: 2,
  };

  it("a complete, specific interview scores 100 and says why", () => {
    const answers = {
      current_state: "Orders are keyed in by hand",
      pain_points: ["Invoices are a day late"],
      dream_state: "Orders post themselves",
      review_notes: "Reviewed with finance",
    };
    const confidence = scoreConfidence({ questions, answers, facts: facts(quantified) });
    expect(confidence.score).toBe(100);
    expect(confidence.reasons).toEqual([
      "2 of 2 required questions answered (+40)",
      "2 of 2 optional questions answered (+20)",
      "Volume, effort, cost and error rate all quantified (+20)",
      "Webhook and batch support known for both systems (+10)",
      "No vague answers (+10)",
    ]);
  });

  it("an empty interview about unknown systems scores 0", () => {
    const unknown = { webhooks: null, batch: null };
    const confidence = scoreConfidence({
      questions,
      answers: {},
      facts: facts({ monthlyVolume: null, systemA: system("A", unknown), systemB: system("B", unknown) }),
    });
    expect(confidence.score).toBe(0);
    expect(confidence.reasons).toContain("0 of 2 required questions answered (+0)");
    expect(confidence.reasons).toContain("No written answers yet (+0)");
    expect(confidence.reasons).toContain(
      "Not known yet: A webhooks, A batch support, B webhooks, B batch support (+0)",
    );
    expect(confidence.reasons).toContain(
      "Not quantified yet: monthly volume, manual hours per week, hourly cost, current error rate (+0)",
    );
  });

  it("vague answers cost points even when every question is answered", () => {
    const answers = {
      current_state: "depends",
      pain_points: ["maybe", "Invoices are late"],
      dream_state: "x",
      review_notes: "ok then",
    };
    const confidence = scoreConfidence({ questions, answers, facts: facts(quantified) });
    expect(confidence.score).toBe(94);
    expect(confidence.reasons).toContain('3 answer(s) still vague (e.g. "depends") (+4)');
  });

  it("a typed TBD, unknown or ? counts as unanswered, not as a vague answer", () => {
    const answers = {
      current_state: "TBD",
      pain_points: ["not sure"],
      dream_state: "?",
      review_notes: "Reviewed with the client",
    };
    const confidence = scoreConfidence({ questions, answers, facts: facts(quantified) });
    expect(confidence.reasons).toContain("0 of 2 required questions answered (+0)");
    expect(confidence.reasons).toContain("1 of 2 optional questions answered (+10)");
    expect(confidence.reasons).toContain("No vague answers (+10)");
  });

  it("N/A answers an optional question without lowering confidence", () => {
    const answers = {
      current_state: "Copied by hand",
      pain_points: ["Invoices are late"],
      dream_state: "N/A",
      review_notes: "not applicable",
    };
    const confidence = scoreConfidence({ questions, answers, facts: facts(quantified) });
    expect(confidence.reasons).toContain("2 of 2 optional questions answered (+20)");
    expect(confidence.reasons).toContain("No vague answers (+10)");
    expect(confidence.score).toBe(100);
  });

  it("missing required answers weigh twice as much as missing optional ones", () => {
    const base = {
      current_state: "Keyed by hand",
      pain_points: ["Late"],
      dream_state: "Automatic",
      review_notes: "Fine",
    };
    const { current_state: _required, ...withoutRequired } = base;
    const { dream_state: _optional, ...withoutOptional } = base;
    const score = (answers: Record<string, string | string[]>) =>
      scoreConfidence({ questions, answers, facts: facts(quantified) }).score;
    expect(score(base) - score(withoutRequired)).toBe(20);
    expect(score(base) - score(withoutOptional)).toBe(10);
  });
});

describe("time savings, error reduction and ROI", () => {
  it("nothing is claimed without the client's numbers", () => {
    expect(estimateSavings(facts())).toEqual({
      timeSavings: { hoursPerWeek: null, hoursPerMonth: null, label: null },
      errorReduction: { fromPercent: null, toPercent: null, fewerErrorsPerMonth: null, label: null },
      roi: {
        monthlyCostReduction: null,
        monthlyBenefit: null,
        annualBenefit: null,
        implementationCost: null,
        firstYearPercent: null,
        paybackMonths: null,
        label: null,
      },
    });
  });

  it("20 manual hours a week become 16 saved hours, 69 a month", () => {
    const { timeSavings } = estimateSavings(facts({ manualHoursPerWeek: 20 }));
    expect(timeSavings).toEqual({
      hoursPerWeek: 16,
      hoursPerMonth: 69,
      label:
        "about 16 hours a week (69 a month), assuming 80% of today's 20 manual hours a week are automated",
    });
  });

  it("a 3% error rate on 3,000 records a month drops to 0.3%, about 81 fewer errors", () => {
    expect(estimateSavings(facts({ errorRatePercent: 3 })).errorReduction).toEqual({
      fromPercent: 3,
      toPercent: 0.3,
      fewerErrorsPerMonth: 81,
      label: "from 3% to about 0.3% of records, about 81 fewer errors a month",
    });
  });

  it("1.5% becomes 0.2%, not a rounding accident", () => {
    expect(estimateSavings(facts({ errorRatePercent: 1.5 })).errorReduction.toPercent).toBe(0.2);
  });

  it("with hours, rate, development and running hours it gives money, payback and first-year ROI", () => {
    const { roi } = estimateSavings(
      facts({
        manualHoursPerWeek: 20,
        hourlyCost: 50,
        developmentHours: 120,
        runningHoursPerMonth: 9,
        revenueImpactPerMonth: 500,
      }),
    );
    // 69 saved hours − 9 running hours = 60 net hours × $50 = $3,000, plus $500 revenue.
    expect(roi).toEqual({
      monthlyCostReduction: 3_000,
      monthlyBenefit: 3_500,
      annualBenefit: 42_000,
      implementationCost: 6_000,
      firstYearPercent: 600,
      paybackMonths: 1.7,
      label:
        "about $3,500 a month ($42,000 a year); pays back in 1.7 months on $6,000 of development (first-year ROI 600%), valuing every hour at $50",
    });
  });

  it("without development hours it gives the monthly value and says what payback needs", () => {
    const { roi } = estimateSavings(facts({ manualHoursPerWeek: 20, hourlyCost: 50 }));
    expect(roi.paybackMonths).toBeNull();
    expect(roi.label).toBe(
      "about $3,450 a month ($41,400 a year), valuing every hour at $50; payback needs the development hours",
    );
  });

  it("without an hourly cost the payback is told in hours", () => {
    const { roi } = estimateSavings(facts({ manualHoursPerWeek: 20, developmentHours: 138 }));
    expect(roi.paybackMonths).toBe(2);
    expect(roi.label).toBe(
      "2 months of saved hours repay the 138 development hours; a money figure needs the hourly cost",
    );
  });

  it("when upkeep costs more than it saves, it never pays back", () => {
    const { roi } = estimateSavings(
      facts({ manualHoursPerWeek: 2, hourlyCost: 50, developmentHours: 100, runningHoursPerMonth: 20 }),
    );
    expect(roi.paybackMonths).toBeNull();
    expect(roi.label).toContain("the running costs exceed the savings, so it never pays back");
  });
});

describe("common risks", () => {
  it("accounting, marketing and fulfillment carry the Implementation Plan template's own risks", () => {
    expect(COMMON_RISKS.accounting.map((r) => r.risk)).toEqual([
      "Tax calculation discrepancies",
      "Payment reconciliation failures",
    ]);
    expect(COMMON_RISKS.marketing.map((r) => r.risk)).toEqual([
      "Privacy compliance violations",
      "Email deliverability issues",
    ]);
    expect(COMMON_RISKS.fulfillment.map((r) => r.risk)).toEqual([
      "Shipping carrier API downtime",
      "Tracking number sync delays",
    ]);
  });

  it.each(INTEGRATION_TYPES)("%s integrations have risks with mitigations", (type) => {
    expect(COMMON_RISKS[type].length).toBeGreaterThan(0);
    for (const r of COMMON_RISKS[type]) expect(r.mitigation).not.toBe("");
  });
});

describe("executive summary", () => {
  const timeline = estimateTimeline(facts(), 90);
  const summary = (f: DiscoveryFacts, hoursPerWeek: number | null = null) =>
    writeExecutiveSummary({
      facts: f,
      timeline,
      timeSavings: { hoursPerWeek, hoursPerMonth: null, label: null },
      confidenceScore: 82,
    });

  it("says what we build, why it matters, the goals, the impact and the timeline", () => {
    const text = summary(
      facts({
        painPoints: ["orders are keyed in by hand", "Invoices are a day late."],
        objectives: ["Every order in QuickBooks within 15 minutes"],
        targetGoLive: "2025-11-03",
      }),
      16,
    );
    expect(text).toBe(
      "We are building an accounting integration from Shopify to QuickBooks Online for Acme Outdoor Co. " +
        "Why it matters: Orders are keyed in by hand. Invoices are a day late. " +
        "Goals: Every order in QuickBooks within 15 minutes. " +
        "We expect it to save about 16 hours a week. " +
        "The estimated timeline is 6.5 weeks (4.5 to go-live, then 2 of post-launch support) at 82% confidence, against a target go-live of 2025-11-03.",
    );
  });

  it("falls back on the project summary when there are no pain points or objectives", () => {
    const text = summary(facts({ integrationType: "other", summary: "Keep stock levels in sync" }));
    expect(text).toContain("We are building an integration from Shopify to QuickBooks Online");
    expect(text).toContain("Keep stock levels in sync.");
  });

  it("uses the right article for the type", () => {
    expect(summary(facts({ integrationType: "marketing" }))).toContain(
      "We are building a marketing integration",
    );
    expect(summary(facts({ integrationType: "inventory" }))).toContain(
      "We are building an inventory integration",
    );
  });
});
