import type { DiscoveryFacts, SystemFacts } from "./facts.js";

export const PHASE_NAMES = [
  "Discovery & Design",
  "Development",
  "Testing & Validation",
  "Deployment",
  "Post-Launch Support",
] as const;

export interface PhaseEstimate {
  number: 1 | 2 | 3 | 4 | 5;
  name: (typeof PHASE_NAMES)[number];
  weeks: number;
}

export interface Timeline {
  phases: PhaseEstimate[];
  totalWeeks: number;
  /** Phases 1 to 4: the time until the integration is live. */
  weeksToGoLive: number;
  /** "8.5 weeks (6.5 to go-live, then 2 of post-launch support)", for the document. */
  label: string;
  /** Why the estimate is longer than the base plan, one line per reason. */
  drivers: string[];
}

type PhaseWeeks = [number, number, number, number, number];

/** A straightforward two-system sync with one workflow, webhooks and batch APIs, known well. */
const BASE_WEEKS: PhaseWeeks = [1, 2, 1, 0.5, 2];

const HIGH_VOLUME = 10_000;
const VERY_HIGH_VOLUME = 100_000;
const MANY_QUIRKS = 3;

interface Driver {
  applies: (facts: DiscoveryFacts) => boolean;
  reason: (facts: DiscoveryFacts) => string;
  extra: (facts: DiscoveryFacts) => PhaseWeeks;
}

const extraWorkflows = (facts: DiscoveryFacts) => Math.max(0, facts.workflows.length - 1);
const volume = (facts: DiscoveryFacts) => facts.monthlyVolume ?? 0;
const bothSystems = (facts: DiscoveryFacts) => [facts.systemA, facts.systemB];
const legacySystems = (facts: DiscoveryFacts) => bothSystems(facts).filter((s) => s.legacyFormats);
const quirkySystems = (facts: DiscoveryFacts) =>
  bothSystems(facts).filter((s) => s.quirkCount >= MANY_QUIRKS);
const lacksBatch = (facts: DiscoveryFacts) => bothSystems(facts).some((s) => s.batch === false);
const names = (systems: SystemFacts[]) => systems.map((s) => s.name).join(" and ");

const DRIVERS: Driver[] = [
  {
    applies: (f) => extraWorkflows(f) > 0,
    reason: (f) => `${f.workflows.length} workflows to build and test`,
    extra: (f) => [0, 0.5 * extraWorkflows(f), 0.25 * extraWorkflows(f), 0, 0],
  },
  {
    applies: (f) => legacySystems(f).length > 0,
    reason: (f) => `only XML or file-based data from ${names(legacySystems(f))}`,
    extra: (f) => [0, 0.5 * legacySystems(f).length, 0.25 * legacySystems(f).length, 0, 0],
  },
  {
    applies: (f) => quirkySystems(f).length > 0,
    reason: (f) => `${MANY_QUIRKS} or more known API quirks in ${names(quirkySystems(f))}`,
    extra: (f) => [0, 0.5 * quirkySystems(f).length, 0, 0, 0],
  },
  {
    applies: (f) => f.systemA.webhooks === false,
    reason: (f) => `${f.systemA.name} sends no webhooks, so changes must be polled`,
    extra: () => [0, 0.5, 0, 0, 0],
  },
  {
    applies: (f) => lacksBatch(f) && volume(f) >= HIGH_VOLUME,
    reason: () => "no batch API on one side at high volume, so records go one call at a time",
    extra: () => [0, 0.5, 0.5, 0, 0],
  },
  {
    applies: (f) => f.hasDataMigration === true,
    reason: () => "historical data migration",
    extra: () => [0, 1, 0.5, 0.5, 0],
  },
  {
    applies: (f) => volume(f) >= HIGH_VOLUME,
    reason: (f) =>
      `high volume (${volume(f).toLocaleString("en-US")} records a month) needs performance testing`,
    extra: (f) => [0, 0, volume(f) >= VERY_HIGH_VOLUME ? 1 : 0.5, 0, 0],
  },
];

/** Below 75 % confidence the unknowns cost time: more discovery, and a contingency on development. */
function confidencePadding(score: number): { discovery: number; developmentFactor: number; reason?: string } {
  if (score < 50) return { discovery: 1, developmentFactor: 1.25, reason: `low confidence (${score}%)` };
  if (score < 75)
    return { discovery: 0.5, developmentFactor: 1.1, reason: `moderate confidence (${score}%)` };
  return { discovery: 0, developmentFactor: 1 };
}

const roundUpToHalf = (weeks: number) => Math.ceil(weeks * 2) / 2;

export function formatWeeks(weeks: number): string {
  return weeks === 1 ? "1 week" : `${weeks} weeks`;
}

/** Weeks per phase from the base plan, the complexity drivers that apply and the confidence score. */
export function estimateTimeline(facts: DiscoveryFacts, confidenceScore: number): Timeline {
  const applicable = DRIVERS.filter((d) => d.applies(facts));
  const weeks = applicable.reduce<PhaseWeeks>(
    (sum, d) => sum.map((w, i) => w + (d.extra(facts)[i] ?? 0)) as PhaseWeeks,
    [...BASE_WEEKS],
  );
  const padding = confidencePadding(confidenceScore);
  weeks[0] += padding.discovery;
  weeks[1] *= padding.developmentFactor;

  const phases = PHASE_NAMES.map((name, i) => ({
    number: (i + 1) as PhaseEstimate["number"],
    name,
    weeks: roundUpToHalf(weeks[i] ?? 0),
  }));
  const totalWeeks = phases.reduce((sum, p) => sum + p.weeks, 0);
  const supportWeeks = phases[4]?.weeks ?? 0;
  const weeksToGoLive = totalWeeks - supportWeeks;
  const drivers = applicable.map((d) => d.reason(facts));
  if (padding.reason) drivers.push(padding.reason);
  const label = `${formatWeeks(totalWeeks)} (${weeksToGoLive} to go-live, then ${supportWeeks} of post-launch support)`;
  return { phases, totalWeeks, weeksToGoLive, label, drivers };
}
