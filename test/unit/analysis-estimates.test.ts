import { describe, expect, it } from "vitest";
import { COMMON_RISKS } from "../../src/domain/analysis/common-risks.js";
import { writeExecutiveSummary } from "../../src/domain/analysis/executive-summary.js";
import type { DiscoveryFacts } from "../../src/domain/analysis/facts.js";
import { estimateTimeline } from "../../src/domain/analysis/timeline.js";
import { INTEGRATION_TYPES } from "../../src/domain/integration-type.js";
import { discoveryFacts as facts } from "../support/discovery-facts.js";

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
  const noMoney = {
    buildCost: { value: null, label: null, needs: null },
    payback: { monthsAfterGoLive: null, label: null, needs: null },
  };
  const summary = (f: DiscoveryFacts, hoursPerWeek: number | null = null) =>
    writeExecutiveSummary({
      facts: f,
      timeline,
      timeSavings: { hoursPerWeek, hoursPerMonth: null, label: null, needs: null },
      roi: noMoney,
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
        "We expect it to save about 16 hours a week once live. " +
        "The estimated timeline is 6.5 weeks likely (6.5 to 8): 4.5 to go-live (4.5 to 6), then 2 of post-launch support, at 82% confidence. " +
        "The target go-live is 2025-11-03.",
    );
  });

  it("starts with the PM's own summary when there is one, pain points or not", () => {
    const text = summary(facts({ integrationType: "other", summary: "Keep stock levels in sync" }));
    expect(text).toMatch(/^Keep stock levels in sync\. We are building an integration from Shopify/);

    const withPains = summary(
      facts({
        summary: "Orders reach the books the same day, with no typing.",
        painPoints: ["orders are keyed in by hand"],
        objectives: ["Every order in QuickBooks within 15 minutes"],
      }),
    );
    expect(withPains).toMatch(
      /^Orders reach the books the same day, with no typing\. We are building an accounting integration/,
    );
    expect(withPains).toContain("Why it matters: Orders are keyed in by hand.");
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
