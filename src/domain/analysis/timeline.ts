import { addDays } from "../dates.js";
import type { DiscoveryFacts, SystemFacts } from "./facts.js";

export const PHASE_NAMES = [
  "Discovery & Design",
  "Development",
  "Testing & Validation",
  "Deployment",
  "Post-Launch Support",
] as const;

/** Weeks at best (every unknown turns out simple), likely (unknowns at their conservative value) and worst. */
export interface WeekRange {
  best: number;
  likely: number;
  worst: number;
}

export interface PhaseEstimate {
  number: 1 | 2 | 3 | 4 | 5;
  name: (typeof PHASE_NAMES)[number];
  /** The likely weeks: what the schedule, the money and the board count with. */
  weeks: number;
  range: WeekRange;
}

/** One reason the plan is longer than the base plan, with the weeks it adds over all phases. */
export interface TimelineDriver {
  reason: string;
  weeks: WeekRange;
  /** Its input is not known yet: the conservative value is assumed in likely and worst, none of it in best. */
  assumed: boolean;
  /** Where the missing input is answered (`/intplan interview 3 (Workflows)`), for an assumed driver. */
  answerAt: string | null;
  /** As the plan lists it: "+1.5 weeks: 3 workflows to build and test". */
  line: string;
}

export interface Timeline {
  phases: PhaseEstimate[];
  /** Likely weeks in total. */
  totalWeeks: number;
  /** Phases 1 to 4, likely: the time until the integration is live. */
  weeksToGoLive: number;
  total: WeekRange;
  toGoLive: WeekRange;
  /** "11 weeks likely (11 to 13.5): 9 to go-live (9 to 11.5), then 2 of post-launch support". */
  label: string;
  drivers: TimelineDriver[];
}

type PhaseWeeks = [number, number, number, number, number];
const NONE: PhaseWeeks = [0, 0, 0, 0, 0];

/** A straightforward two-system sync with one workflow, webhooks and batch APIs, known well. */
const BASE_WEEKS: PhaseWeeks = [1, 2, 1, 0.5, 2];

const HIGH_VOLUME = 10_000;
const VERY_HIGH_VOLUME = 100_000;
const MANY_QUIRKS = 3;
/** Workflows assumed while none is listed: likely, and at worst. */
const ASSUMED_WORKFLOWS = { likely: 3, worst: 5 };
/** Worst case: this share of the time to go-live more, for what discovery has not found yet. */
const WORST_CONTINGENCY = 0.25;

/**
 * A driver is known (its answer says it applies), unknown (its input is missing: the conservative value is
 * assumed) or does not apply. An unknown's likely weeks are at least what any ordinary answer would add,
 * so removing an answer never shortens the likely or worst end.
 */
interface Driver {
  state: (facts: DiscoveryFacts) => "known" | "unknown" | null;
  reason: (facts: DiscoveryFacts, assumed: boolean) => string;
  likely: (facts: DiscoveryFacts, assumed: boolean) => PhaseWeeks;
  /** The upper end of an assumption; a known driver adds its likely weeks at worst too. */
  worst?: (facts: DiscoveryFacts) => PhaseWeeks;
  /** The question whose answer settles an unknown. */
  question: (facts: DiscoveryFacts) => string;
}

const volume = (facts: DiscoveryFacts) => facts.monthlyVolume;
const bothSystems = (facts: DiscoveryFacts) => [facts.systemA, facts.systemB];
const legacySystems = (facts: DiscoveryFacts) => bothSystems(facts).filter((s) => s.legacyFormats);
const quirkySystems = (facts: DiscoveryFacts) =>
  bothSystems(facts).filter((s) => s.quirkCount >= MANY_QUIRKS);
const names = (systems: SystemFacts[]) => systems.map((s) => s.name).join(" and ");
const workflowWeeks = (extra: number): PhaseWeeks => [0, 0.5 * extra, 0.25 * extra, 0, 0];
const highVolume = (facts: DiscoveryFacts) => (volume(facts) ?? 0) >= HIGH_VOLUME;

const DRIVERS: Driver[] = [
  {
    state: (f) => (f.workflows.length === 0 ? "unknown" : f.workflows.length > 1 ? "known" : null),
    reason: (f, assumed) =>
      assumed
        ? `no workflows listed yet: ${ASSUMED_WORKFLOWS.likely} assumed, ${ASSUMED_WORKFLOWS.worst} at worst`
        : `${f.workflows.length} workflows to build and test`,
    likely: (f, assumed) => workflowWeeks((assumed ? ASSUMED_WORKFLOWS.likely : f.workflows.length) - 1),
    worst: () => workflowWeeks(ASSUMED_WORKFLOWS.worst - 1),
    question: () => "workflows",
  },
  {
    state: (f) => (legacySystems(f).length > 0 ? "known" : null),
    reason: (f) => `only XML or file-based data from ${names(legacySystems(f))}`,
    likely: (f) => [0, 0.5 * legacySystems(f).length, 0.25 * legacySystems(f).length, 0, 0],
    question: () => "system_a_data_formats",
  },
  {
    state: (f) => (quirkySystems(f).length > 0 ? "known" : null),
    reason: (f) => `${MANY_QUIRKS} or more known API quirks in ${names(quirkySystems(f))}`,
    likely: (f) => [0, 0.5 * quirkySystems(f).length, 0, 0, 0],
    question: () => "system_a_quirks",
  },
  {
    state: (f) => (f.systemA.webhooks === false ? "known" : f.systemA.webhooks === null ? "unknown" : null),
    reason: (f, assumed) =>
      assumed
        ? `not known yet whether ${f.systemA.name} sends webhooks, so polling is assumed`
        : `${f.systemA.name} sends no webhooks, so changes must be polled`,
    likely: () => [0, 0.5, 0, 0, 0],
    question: () => "system_a_webhooks",
  },
  {
    state: (f) => {
      const noBatch = bothSystems(f).some((s) => s.batch === false);
      const batchUnknown = bothSystems(f).some((s) => s.batch === null);
      if (noBatch && highVolume(f)) return "known";
      if ((noBatch || batchUnknown) && (highVolume(f) || volume(f) === null)) return "unknown";
      return null;
    },
    reason: (_, assumed) =>
      assumed
        ? "batch support or volume not known yet, so records are assumed to go one call at a time"
        : "no batch API on one side at high volume, so records go one call at a time",
    likely: () => [0, 0.5, 0.5, 0, 0],
    question: (f) =>
      f.systemA.batch === null
        ? "system_a_batch_operations"
        : f.systemB.batch === null
          ? "system_b_batch_operations"
          : "data_volume",
  },
  {
    state: (f) => (f.hasDataMigration === true ? "known" : f.hasDataMigration === null ? "unknown" : null),
    reason: (f, assumed) =>
      assumed
        ? "not known yet whether historical data must be migrated, so a migration is assumed"
        : f.migrationScope
          ? `historical data to migrate (${f.migrationScope})`
          : "historical data migration",
    likely: () => [0, 1, 0.5, 0.5, 0],
    question: () => "migration_needed",
  },
  {
    state: (f) => (highVolume(f) ? "known" : volume(f) === null ? "unknown" : null),
    reason: (f, assumed) =>
      assumed
        ? "volume not known yet, so performance testing at high volume is assumed"
        : `high volume (${(volume(f) ?? 0).toLocaleString("en-US")} records a month) needs performance testing`,
    // Unknown, it is assumed very high: no answered volume adds more.
    likely: (f, assumed) => [0, 0, assumed || (volume(f) ?? 0) >= VERY_HIGH_VOLUME ? 1 : 0.5, 0, 0],
    question: () => "data_volume",
  },
];

const roundUpToHalf = (weeks: number) => Math.ceil(weeks * 2 - 1e-9) / 2;
const sum = (weeks: readonly number[]) => weeks.reduce((a, b) => a + b, 0);
const add = (a: PhaseWeeks, b: PhaseWeeks) => a.map((w, i) => w + (b[i] ?? 0)) as PhaseWeeks;

export function formatWeeks(weeks: number): string {
  return weeks === 1 ? "1 week" : `${weeks} weeks`;
}

function driverLine(reason: string, weeks: WeekRange, assumed: boolean, answerAt: string | null): string {
  if (!assumed) return `+${formatWeeks(weeks.likely)}: ${reason}`;
  const upTo = weeks.worst > weeks.likely ? `, up to ${formatWeeks(weeks.worst)}` : "";
  return `+${formatWeeks(weeks.likely)} assumed${upTo}: ${reason}${answerAt ? ` (${answerAt})` : ""}`;
}

/** Christmas Eve to New Year's Day, when client and team are mostly away. */
function crossesChristmas(from: string, to: string): boolean {
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (from <= `${year + 1}-01-01` && to > `${year}-12-24`) return true;
  }
  return false;
}

/** The first phase (1 to 4) whose dates cross Christmas–New Year, walking from `start`; null when none does. */
function holidayPhase(weeks: PhaseWeeks, start: string): number | null {
  let cursor = start;
  for (let i = 0; i < 4; i++) {
    const end = addDays(cursor, (weeks[i] ?? 0) * 7);
    if (crossesChristmas(cursor, end)) return i;
    cursor = end;
  }
  return null;
}

type Scenario = keyof WeekRange;
const SCENARIOS: Scenario[] = ["best", "likely", "worst"];

/**
 * Best, likely and worst weeks per phase from the base plan and the drivers. A driver whose input is
 * unknown adds its conservative weeks to likely and worst and nothing to best, so the range widens as
 * answers go missing and its likely and worst ends never drop. The worst case adds a contingency on
 * phases 1 to 4; a schedule that crosses Christmas–New Year allows a holiday week in the phase it falls in.
 * `answerAt` says where a question is answered, for the drivers that are assumed.
 */
export function estimateTimeline(
  facts: DiscoveryFacts,
  answerAt: (questionId: string) => string | null = () => null,
): Timeline {
  const raw: Record<Scenario, PhaseWeeks> = {
    best: [...BASE_WEEKS],
    likely: [...BASE_WEEKS],
    worst: [...BASE_WEEKS],
  };
  const drivers: TimelineDriver[] = [];
  for (const driver of DRIVERS) {
    const state = driver.state(facts);
    if (state === null) continue;
    const assumed = state === "unknown";
    const likely = driver.likely(facts, assumed);
    const worst = assumed && driver.worst ? driver.worst(facts) : likely;
    const best = assumed ? NONE : likely;
    raw.best = add(raw.best, best);
    raw.likely = add(raw.likely, likely);
    raw.worst = add(raw.worst, worst);
    const weeks = { best: sum(best), likely: sum(likely), worst: sum(worst) };
    const where = assumed ? answerAt(driver.question(facts)) : null;
    const reason = driver.reason(facts, assumed);
    drivers.push({
      reason,
      weeks,
      assumed,
      answerAt: where,
      line: driverLine(reason, weeks, assumed, where),
    });
  }

  const rounded = (weeks: PhaseWeeks) => weeks.map(roundUpToHalf) as PhaseWeeks;
  const perPhase: Record<Scenario, PhaseWeeks> = {
    best: rounded(raw.best),
    likely: rounded(raw.likely),
    worst: rounded(raw.worst),
  };
  // Unforeseen work lands in development: a share of the worst time to go-live, added there.
  const contingency = roundUpToHalf(sum(perPhase.worst.slice(0, 4)) * WORST_CONTINGENCY);
  perPhase.worst[1] += contingency;
  const reason =
    "a contingency of a quarter of the time to go-live, in Development, for what discovery has not found yet";
  drivers.push({
    reason,
    weeks: { best: 0, likely: 0, worst: contingency },
    assumed: false,
    answerAt: null,
    line: `+${formatWeeks(contingency)} at worst: ${reason}`,
  });

  addHolidayWeek(facts, perPhase, drivers);

  const phases = PHASE_NAMES.map((name, i) => {
    const range = {
      best: perPhase.best[i] ?? 0,
      likely: perPhase.likely[i] ?? 0,
      worst: perPhase.worst[i] ?? 0,
    };
    return { number: (i + 1) as PhaseEstimate["number"], name, weeks: range.likely, range };
  });
  const totalOf = (scenario: Scenario, upTo = 5) => sum(perPhase[scenario].slice(0, upTo));
  const total = { best: totalOf("best"), likely: totalOf("likely"), worst: totalOf("worst") };
  const toGoLive = { best: totalOf("best", 4), likely: totalOf("likely", 4), worst: totalOf("worst", 4) };
  const support = perPhase.likely[4];
  const label =
    `${formatWeeks(total.likely)} likely (${total.best} to ${total.worst}): ` +
    `${toGoLive.likely} to go-live (${toGoLive.best} to ${toGoLive.worst}), then ${support} of post-launch support`;
  return {
    phases,
    totalWeeks: total.likely,
    weeksToGoLive: toGoLive.likely,
    total,
    toGoLive,
    label,
    drivers,
  };
}

/** A week more in the phase that crosses Christmas–New Year, in each scenario whose dates cross it. */
function addHolidayWeek(
  facts: DiscoveryFacts,
  perPhase: Record<Scenario, PhaseWeeks>,
  drivers: TimelineDriver[],
): void {
  if (facts.plannedStart === null) return;
  const start = facts.plannedStart;
  const added: WeekRange = { best: 0, likely: 0, worst: 0 };
  let named: number | null = null;
  for (const scenario of SCENARIOS) {
    const phase = holidayPhase(perPhase[scenario], start);
    if (phase === null) continue;
    perPhase[scenario][phase] = (perPhase[scenario][phase] ?? 0) + 1;
    added[scenario] = 1;
    if (named === null || scenario === "likely") named = phase;
  }
  if (named === null) return;
  const reason = `the Christmas–New Year holidays fall in ${PHASE_NAMES[named]}`;
  const line = added.likely > 0 ? `+1 week: ${reason}` : `+1 week at worst: ${reason} if the work runs late`;
  drivers.push({ reason, weeks: added, assumed: false, answerAt: null, line });
}
