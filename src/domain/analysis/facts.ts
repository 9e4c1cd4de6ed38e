import type { IntegrationType } from "../integration-type.js";

/** How the agency prices the build: a rate per hour, a rate per day, or a fixed fee for the whole build. */
export type BuildCostBasis = "hourly" | "daily" | "fixed";

/** What the analysis knows about one side of the integration. `null` means "not captured yet". */
/** A period the client does not want a go-live in or just before: a blackout answer or a known peak. */
export interface Blackout {
  /** YYYY-MM-DD */
  starts: string;
  /** YYYY-MM-DD; the same as `starts` for a single day. */
  ends: string;
  reason: string | null;
}

/** Trading peaks people named in the answers; their dates are computed for the go-live's year. */
export type PeakSeason = "black-friday" | "christmas";

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
  /** Records (orders, contacts, ...) synced per month, from the usual rate (never from a peak). */
  monthlyVolume: number | null;
  /** How the volume was read, for the plan: "read as about 13,500 records a month (450 a day), peak 1,800 a day". */
  volumeReading?: string | null;
  /** What the migration answer says is to be moved ("All paid orders since 1 July 2025"). */
  migrationScope?: string | null;
  /** The blackout and peak dates answered, in YYYY-MM-DD. */
  blackouts?: Blackout[];
  /** Known peaks named anywhere in the answers or the volume text. */
  peakSeasons?: PeakSeason[];
  manualHoursPerWeek: number | null;
  /** The client's loaded cost of an hour of the MANUAL work: values the hours saved, never the build. */
  hourlyCost: number | null;
  /** Share of records that go wrong today, in percent (2.5 means 2.5 %). */
  errorRatePercent: number | null;
  developmentHours: number | null;
  /** Maintenance hours a month after launch; kept apart from support so a missing one is never read as 0. */
  maintenanceHoursPerMonth: number | null;
  /** Support hours a month after launch. */
  supportHoursPerMonth: number | null;
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
  /** YYYY-MM-DD: the project's target go-live, else the MVP target date answered; the one go-live both documents use. */
  targetGoLive: string | null;
  /** YYYY-MM-DD: the planned start answer, else the project's creation date; null when neither is known. */
  plannedStart: string | null;
}
