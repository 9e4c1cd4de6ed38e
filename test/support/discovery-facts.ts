import type { DiscoveryFacts, SystemFacts } from "../../src/domain/analysis/facts.js";

/** One side of an integration known well: webhooks and batch support, a JSON API, no quirks. */
export const systemFacts = (name: string, overrides: Partial<SystemFacts> = {}): SystemFacts => ({
  name,
  webhooks: true,
  batch: true,
  legacyFormats: false,
  quirkCount: 0,
  ...overrides,
});

/**
 * Acme's Shopify → QuickBooks Online order-to-invoice project, known well and before anyone has given a number:
 * one workflow, webhooks and batch on both sides, no migration, 3,000 orders a month.
 */
export function discoveryFacts(overrides: Partial<DiscoveryFacts> = {}): DiscoveryFacts {
  return {
    clientName: "Acme Outdoor Co.",
    integrationType: "accounting",
    systemA: systemFacts("Shopify"),
    systemB: systemFacts("QuickBooks Online"),
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
    maintenanceHoursPerMonth: null,
    supportHoursPerMonth: null,
    revenueImpactPerMonth: null,
    revenueMarginPercent: null,
    buildCostBasis: null,
    buildCostAmount: null,
    automatedSharePercent: null,
    errorsPreventedPercent: null,
    targetGoLive: null,
    plannedStart: null,
    ...overrides,
  };
}
