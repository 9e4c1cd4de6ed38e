import { describe, expect, it } from "vitest";
import { COMMON_RISKS } from "../../src/domain/analysis/common-risks.js";
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
  const timeline = estimateTimeline(facts());
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
        "The estimated timeline is 6.5 weeks likely (6.5 to 8): 4.5 to go-live (4.5 to 6), then 2 of post-launch support, at 82% confidence. " +
        "The target go-live is 2025-11-03.",
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
