import { addDays, daysBetween } from "../dates.js";
import type { Blackout, DiscoveryFacts, PeakSeason } from "./facts.js";
import type { Schedule } from "./schedule.js";

/** Not achievable: before the likely go-live. At risk: before the worst. Achievable: on or after the worst. */
export type GoLiveVerdict = "achievable" | "at-risk" | "not-achievable";

/** A row of the plan's risk table, derived from the dates. */
export interface GoLiveRisk {
  risk: string;
  likelihood: string;
  impact: string;
  mitigation: string;
  owner: null;
}

/** A go-live date inside a blackout or peak, or too soon before one. */
export interface BlackoutFlag {
  goLive: string;
  period: Blackout;
  /** 0 when the go-live is inside the period. */
  daysBefore: number;
}

export interface GoLiveCheck {
  /** The one go-live both documents show: the project's target, else the MVP target date answered. */
  target: string | null;
  likely: string | null;
  worst: string | null;
  /** Null without a target or without a schedule to compare it with. */
  verdict: GoLiveVerdict | null;
  flags: BlackoutFlag[];
  /** "target 2025-11-03; likely 2025-11-03, 2025-12-08 at worst: at risk", for the key facts. */
  label: string;
  /** Plain sentences for both executive summaries. */
  statements: string[];
  risks: GoLiveRisk[];
  /** Derived open questions, worded as questions. */
  questions: string[];
}

/** A go-live this close before a blackout or peak leaves no time to settle, so it is flagged. */
const SETTLE_DAYS = 14;

/** Black Friday is the day after the fourth Thursday of November; Cyber Monday three days later. */
function blackFriday(year: number): string {
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - first + 7) % 7);
  return `${year}-11-${String(firstThursday + 22).padStart(2, "0")}`;
}

function knownPeaks(season: PeakSeason, year: number): Blackout[] {
  if (season === "black-friday") {
    const friday = blackFriday(year);
    return [{ starts: friday, ends: addDays(friday, 3), reason: "Black Friday to Cyber Monday" }];
  }
  return [{ starts: `${year}-12-24`, ends: `${year + 1}-01-01`, reason: "Christmas and New Year" }];
}

/** The answered blackouts and, for the years around the dates checked, the known peaks named in the answers. */
function periodsAround(facts: DiscoveryFacts, dates: string[]): Blackout[] {
  const years = new Set(dates.flatMap((d) => [Number(d.slice(0, 4)) - 1, Number(d.slice(0, 4))]));
  const peaks = (facts.peakSeasons ?? []).flatMap((season) =>
    [...years].flatMap((y) => knownPeaks(season, y)),
  );
  return [...(facts.blackouts ?? []), ...peaks];
}

function flagsFor(goLive: string, periods: Blackout[]): BlackoutFlag[] {
  return periods.flatMap((period) => {
    if (goLive > period.ends) return [];
    const daysBefore = Math.max(0, daysBetween(goLive, period.starts));
    return daysBefore <= SETTLE_DAYS ? [{ goLive, period, daysBefore }] : [];
  });
}

const periodName = (p: Blackout) =>
  `${p.reason ?? "a blackout period"} (${p.starts === p.ends ? p.starts : `${p.starts} to ${p.ends}`})`;
const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

function verdictOf(target: string, likely: string, worst: string): GoLiveVerdict {
  if (target < likely) return "not-achievable";
  return target < worst ? "at-risk" : "achievable";
}

const VERDICT_WORDS: Readonly<Record<GoLiveVerdict, string>> = {
  achievable: "achievable",
  "at-risk": "at risk",
  "not-achievable": "not achievable",
};

/**
 * The target go-live against the likely and worst go-live of the schedule, and the go-live (the target,
 * and the likely one when it differs) against the blackout dates and the known peaks named in the answers.
 */
export function checkGoLive(facts: DiscoveryFacts, schedule: Schedule | null): GoLiveCheck {
  const target = facts.targetGoLive;
  const likely = schedule?.likelyGoLive ?? null;
  const worst = schedule?.worstGoLive ?? null;
  const check: GoLiveCheck = {
    target,
    likely,
    worst,
    verdict: null,
    flags: [],
    label: "",
    statements: [],
    risks: [],
    questions: [],
  };
  const estimate =
    likely && worst ? `likely ${likely}, ${worst} at worst` : "no dates until a start is known";
  if (target && likely && worst) {
    check.verdict = verdictOf(target, likely, worst);
    describeVerdict(check, target, likely, worst);
  }
  check.label = target
    ? `target ${target}; ${estimate}${check.verdict ? `: ${VERDICT_WORDS[check.verdict]}` : ""}`
    : `no target set; ${estimate}`;
  if (!target && likely && worst)
    check.statements.push(
      `No target go-live is set; the likely go-live is ${likely}, and ${worst} at worst.`,
    );

  // The team goes live on the target when the plan can meet it; the likely date matters only without a
  // target, or when the target cannot be met and the go-live will slip to it.
  const candidates = !target || check.verdict === "not-achievable" ? [target, likely] : [target];
  const checked = [...new Set(candidates.filter((d): d is string => d !== null))];
  const periods = periodsAround(facts, checked);
  check.flags = checked.flatMap((d) => flagsFor(d, periods));
  for (const flag of check.flags) describeFlag(check, flag, flag.goLive === target ? "target" : "likely");
  return check;
}

function describeVerdict(check: GoLiveCheck, target: string, likely: string, worst: string): void {
  if (check.verdict === "not-achievable") {
    check.statements.push(
      `The target go-live of ${target} cannot be met: the likely go-live is ${likely}, and ${worst} at worst.`,
    );
    check.risks.push({
      risk: `Go-live ${target} cannot be met: the likely go-live is ${likely}`,
      likelihood: "High",
      impact: "High",
      mitigation: "Agree a later go-live with the client, or cut the MVP's scope to fit the date",
      owner: null,
    });
    check.questions.push(
      `Can the go-live move from ${target} to ${likely} or later, or what should the MVP leave out to meet ${target}?`,
    );
  } else if (check.verdict === "at-risk") {
    check.statements.push(
      `The target go-live of ${target} is at risk: it meets the likely go-live of ${likely} but not the worst case, ${worst}.`,
    );
    check.risks.push({
      risk: `Go-live ${target} is at risk: the worst case is ${worst}`,
      likelihood: "Medium",
      impact: "High",
      mitigation: "Settle the assumed drivers early, keep the MVP's scope fixed and agree a fallback date",
      owner: null,
    });
    check.questions.push(
      `Is ${target} a hard deadline, and what is the fallback if the work runs to ${worst}?`,
    );
  } else {
    check.statements.push(
      `The target go-live of ${target} is achievable: even the worst case, ${worst}, meets it.`,
    );
  }
}

function describeFlag(check: GoLiveCheck, flag: BlackoutFlag, which: "target" | "likely"): void {
  const date = flag.goLive;
  const where =
    flag.daysBefore === 0
      ? `falls inside ${periodName(flag.period)}`
      : `is only ${days(flag.daysBefore)} before ${periodName(flag.period)}`;
  const subject = which === "target" ? `The target go-live of ${date}` : `The likely go-live of ${date}`;
  const settle = flag.daysBefore === 0 ? "" : ", too little time to settle before it";
  check.statements.push(`${subject} ${where}${settle}.`);
  check.risks.push({
    risk: `Go-live ${date} ${where}`,
    likelihood: "High",
    impact: "High",
    mitigation: `Go live at least ${SETTLE_DAYS} days before the period starts, or after it ends`,
    owner: null,
  });
  check.questions.push(
    `Can the go-live move to ${addDays(flag.period.starts, -SETTLE_DAYS)} or earlier, or to after ${flag.period.ends}, clear of ${flag.period.reason ?? "the blackout"}?`,
  );
}
