import type { IntegrationType } from "../integration-type.js";

/** How the agency prices the build: a rate per hour, a rate per day, or a fixed fee for the whole build. */
export type BuildCostBasis = "hourly" | "daily" | "fixed";

/** What the analysis knows about one side of the integration. `null` means "not captured yet". */
export interface SystemFacts {
  name: string;
  webhooks: boolean | null;
  batch: boolean | null;
  /** Only XML/SOAP or flat files: slower to build against than a JSON or GraphQL API. */
  legacyFormats: boolean;
  quirkCount: number;
}

/**
 * What the analysis needs to know about a project, read from the project record and the interview.
 * `null` always means "not captured yet": the analysis says so instead of guessing.
 */
export interface DiscoveryFacts {
  clientName: string;
  integrationType: IntegrationType;
  systemA: SystemFacts;
  systemB: SystemFacts;
  /** The project summary typed at creation, if any. */
  summary: string | null;
  painPoints: string[];
  objectives: string[];
  workflows: string[];
  hasDataMigration: boolean | null;
  /**
   * The data volume as people described it: the text `monthlyVolume` was read from when one gave a
   * number, else the interview's answer, else the project's estimate. The plan prints this one.
   */
  volumeText: string | null;
  /** Records (orders, contacts, ...) synced per month. */
  monthlyVolume: number | null;
  manualHoursPerWeek: number | null;
  /** The client's loaded cost of an hour of the MANUAL work: values the hours saved, never the build. */
  hourlyCost: number | null;
  /** Share of records that go wrong today, in percent (2.5 means 2.5 %). */
  errorRatePercent: number | null;
  developmentHours: number | null;
  /** Maintenance and support hours a month after launch. */
  runningHoursPerMonth: number | null;
  revenueImpactPerMonth: number | null;
  /** Margin on the revenue impact, in percent; without it the revenue is shown but not counted. */
  revenueMarginPercent: number | null;
  /** The agency's pricing of the build; the amount is per hour, per day or the whole fee, as the basis says. */
  buildCostBasis: BuildCostBasis | null;
  buildCostAmount: number | null;
  /** This project's share of the manual work automated, in percent; null means "use the default". */
  automatedSharePercent: number | null;
  /** This project's share of today's errors prevented, in percent; null means "use the default". */
  errorsPreventedPercent: number | null;
  /** YYYY-MM-DD */
  targetGoLive: string | null;
  /** YYYY-MM-DD: the planned start answer, else the project's creation date; null when neither is known. */
  plannedStart: string | null;
}
