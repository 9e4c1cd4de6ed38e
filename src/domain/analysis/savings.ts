import type { DiscoveryFacts } from "./facts.js";

/** The shares assumed when a project gives none of its own; the documents say which one was used. */
const DEFAULT_AUTOMATED_SHARE_PERCENT = 80;
const DEFAULT_ERRORS_PREVENTED_PERCENT = 90;
const WEEKS_PER_MONTH = 52 / 12;
const HOURS_PER_DAY = 8;

export interface TimeSavings {
  hoursPerWeek: number | null;
  hoursPerMonth: number | null;
  label: string | null;
  /** What the estimate still needs and where it is answered, when there is no figure. */
  needs: string | null;
}

export interface ErrorReduction {
  fromPercent: number | null;
  toPercent: number | null;
  fewerErrorsPerMonth: number | null;
  label: string | null;
  needs: string | null;
}

/** One money figure of the ROI: its value, how the document prints it, and what it needs when unknown. */
export interface RoiFigure {
  value: number | null;
  /** The value and how it was reached, or (for a running cost) why it is not costed. */
  label: string | null;
  /** "needs the development hours (/intplan interview 12 (Development time (hours)))", when unknown. */
  needs: string | null;
}

export interface Roi {
  /** The agency's price of the build, from its own rate or fee; never the client's hourly cost. */
  buildCost: RoiFigure;
  /** Saved hours a month valued at the client's cost of an hour of the manual work, once live. */
  monthlySavedWork: RoiFigure;
  /** Maintenance and support hours a month at the agency's hourly rate (or day rate / 8), once live. */
  monthlyRunningCost: RoiFigure;
  /** Revenue impact a month: counted at its margin when one is given, else shown on its own. */
  monthlyRevenue: {
    counted: number | null;
    notCounted: number | null;
    label: string | null;
    needs: string | null;
  };
  /** Saved work plus counted revenue, less the running cost: a month once live. */
  monthlyNetBenefit: RoiFigure;
  /** Months after go-live until the net benefit has repaid the build cost. */
  payback: { monthsAfterGoLive: number | null; label: string | null; needs: string | null };
  /** The first twelve months from the start: benefits only in the months after the likely go-live. */
  firstYear: {
    benefitMonths: number;
    netBenefit: number | null;
    /** (net benefit in the first year − build cost) / build cost, in percent. */
    percent: number | null;
    label: string | null;
    needs: string | null;
  };
  /** The plan's one-line ROI: the figures that are known, and what the missing ones need. */
  label: string;
  /** Every assumption the figures rest on, one sentence each, for the plan's Estimate Basis. */
  assumptions: string[];
}

export interface Savings {
  timeSavings: TimeSavings;
  errorReduction: ErrorReduction;
  roi: Roi;
}

export interface SavingsContext {
  /** The timeline's likely weeks from the start to go-live: nothing is saved before go-live. */
  weeksToGoLive: number;
  /** Where a person answers a question ("/intplan interview 12 (...)"), to name what a figure needs. */
  whereAnswered: (questionId: string) => string | null;
}

interface Share {
  percent: number;
  isDefault: boolean;
}

/** Something an estimate needs, and the questions that answer it. */
interface Need {
  what: string;
  questionIds: string[];
}

const round1 = (n: number) => Math.round((n + Number.EPSILON) * 10) / 10;
const money = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;
const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

const joinAnd = (parts: string[]) =>
  parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;

/** "needs the development hours (/intplan interview 12 (Development time (hours)))", or null. */
function describeNeeds(needs: Need[], context: SavingsContext): string | null {
  if (needs.length === 0) return null;
  const parts = needs.map(({ what, questionIds }) => {
    const places = questionIds.map(context.whereAnswered).filter((p): p is string => p !== null);
    return places.length === 0 ? what : `${what} (${places.join(", ")})`;
  });
  return `needs ${joinAnd(parts)}`;
}

const share = (answered: number | null, fallback: number): Share =>
  answered === null ? { percent: fallback, isDefault: true } : { percent: answered, isDefault: false };

const MANUAL_HOURS: Need = { what: "the manual hours per week", questionIds: ["hours_per_week"] };
const CLIENT_HOURLY_COST: Need = {
  what: "the client's cost of an hour of the manual work",
  questionIds: ["hourly_cost"],
};

function estimateTimeSavings(facts: DiscoveryFacts, automated: Share, context: SavingsContext): TimeSavings {
  const manual = facts.manualHoursPerWeek;
  if (manual === null)
    return {
      hoursPerWeek: null,
      hoursPerMonth: null,
      label: null,
      needs: describeNeeds([MANUAL_HOURS], context),
    };
  const hoursPerWeek = round1((manual * automated.percent) / 100);
  const hoursPerMonth = Math.round(hoursPerWeek * WEEKS_PER_MONTH);
  const which = automated.isDefault ? " (the default share)" : "";
  return {
    hoursPerWeek,
    hoursPerMonth,
    label: `about ${hoursPerWeek} hours a week (${hoursPerMonth} a month) once live, assuming ${count(automated.percent)}% of today's ${count(manual)} manual hours a week are automated${which}`,
    needs: null,
  };
}

function estimateErrorReduction(
  facts: DiscoveryFacts,
  prevented: Share,
  context: SavingsContext,
): ErrorReduction {
  const from = facts.errorRatePercent;
  if (from === null)
    return {
      fromPercent: null,
      toPercent: null,
      fewerErrorsPerMonth: null,
      label: null,
      needs: describeNeeds([{ what: "today's error rate", questionIds: ["error_rate"] }], context),
    };
  const to = round1(from * (1 - prevented.percent / 100));
  const fewer = facts.monthlyVolume === null ? null : Math.round((facts.monthlyVolume * (from - to)) / 100);
  const perMonth = fewer === null ? "" : `, about ${count(fewer)} fewer errors a month`;
  const which = prevented.isDefault ? " (the default share)" : "";
  return {
    fromPercent: from,
    toPercent: to,
    fewerErrorsPerMonth: fewer,
    label: `from ${count(from)}% to about ${count(to)}% of records${perMonth}, assuming ${count(prevented.percent)}% of today's errors are prevented${which}`,
    needs: null,
  };
}

/** The agency's price of an hour: its hourly rate, or its day rate over an 8-hour day; none for a fixed fee. */
function agencyHourlyRate(facts: DiscoveryFacts): number | null {
  if (facts.buildCostAmount === null) return null;
  if (facts.buildCostBasis === "hourly") return facts.buildCostAmount;
  if (facts.buildCostBasis === "daily") return facts.buildCostAmount / HOURS_PER_DAY;
  return null;
}

/** What costing the build still needs: the agency's pricing, and the development hours unless it is a fixed fee. */
function buildCostNeeds({
  buildCostBasis: basis,
  buildCostAmount: amount,
  developmentHours: hours,
}: DiscoveryFacts) {
  const pricing = [
    ...(basis === null ? ["build_cost_basis"] : []),
    ...(amount === null ? ["build_cost_amount"] : []),
  ];
  const needs: Need[] =
    pricing.length > 0 ? [{ what: "the agency's price for the build", questionIds: pricing }] : [];
  if (basis !== "fixed" && hours === null)
    needs.push({ what: "the development hours", questionIds: ["development_hours"] });
  return needs;
}

/** The build at the agency's own figure: rate × development hours, day rate × days of 8 hours, or the fee. */
function costBuild(facts: DiscoveryFacts, context: SavingsContext): RoiFigure & { basis: string | null } {
  const { buildCostBasis: basis, buildCostAmount: amount, developmentHours: hours } = facts;
  const needs = buildCostNeeds(facts);
  if (basis === null || amount === null || needs.length > 0)
    return { value: null, label: null, needs: describeNeeds(needs, context), basis: null };

  const priced = (value: number, how: string) => ({
    value: Math.round(value),
    label: `${money(value)} (${how})`,
    needs: null,
    basis: how,
  });
  if (basis === "fixed") return priced(amount, "the agency's fixed fee");
  const devHours = hours ?? 0;
  if (basis === "hourly")
    return priced(
      amount * devHours,
      `${count(devHours)} development hours at the agency's ${money(amount)} an hour`,
    );
  const days = devHours / HOURS_PER_DAY;
  return priced(
    amount * days,
    `${count(devHours)} development hours: ${count(days)} days of ${HOURS_PER_DAY} hours at the agency's ${money(amount)} a day`,
  );
}

const savedWorkNeeds = (facts: DiscoveryFacts, time: TimeSavings): Need[] => [
  ...(time.hoursPerMonth === null ? [MANUAL_HOURS] : []),
  ...(facts.hourlyCost === null ? [CLIENT_HOURLY_COST] : []),
];

function valueSavedWork(facts: DiscoveryFacts, time: TimeSavings, context: SavingsContext): RoiFigure {
  const needs = savedWorkNeeds(facts, time);
  if (time.hoursPerMonth === null || facts.hourlyCost === null)
    return { value: null, label: null, needs: describeNeeds(needs, context) };
  const value = Math.round(time.hoursPerMonth * facts.hourlyCost);
  return {
    value,
    label: `${money(value)} a month once live (${count(time.hoursPerMonth)} saved hours at the client's ${money(facts.hourlyCost)} an hour)`,
    needs: null,
  };
}

/** Maintenance and support are paid to the agency, so they are costed at its rate or not at all. */
function costRunning(facts: DiscoveryFacts): RoiFigure {
  const hours = facts.runningHoursPerMonth;
  if (hours === null)
    return { value: null, label: "not costed: no maintenance or support hours given", needs: null };
  if (hours === 0) return { value: 0, label: "none: no maintenance or support hours expected", needs: null };
  const rate = agencyHourlyRate(facts);
  const upkeep = `${count(hours)} maintenance and support hours a month`;
  if (rate === null) {
    const why =
      facts.buildCostBasis === "fixed"
        ? "the agency's fixed fee gives no hourly rate"
        : "no agency hourly or day rate given";
    return { value: null, label: `not costed: ${why} for the ${upkeep}`, needs: null };
  }
  const value = Math.round(hours * rate);
  const perDay = facts.buildCostBasis === "daily" ? ", its day rate over an 8-hour day" : "";
  return {
    value,
    label: `${money(value)} a month (${upkeep} at the agency's ${money(rate)} an hour${perDay})`,
    needs: null,
  };
}

function countRevenue(facts: DiscoveryFacts, context: SavingsContext): Roi["monthlyRevenue"] {
  const revenue = facts.revenueImpactPerMonth;
  const margin = facts.revenueMarginPercent;
  if (revenue === null)
    return {
      counted: null,
      notCounted: null,
      label: null,
      needs: describeNeeds([{ what: "the revenue impact", questionIds: ["revenue_impact"] }], context),
    };
  if (revenue === 0) return { counted: null, notCounted: null, label: "none expected", needs: null };
  if (margin === null)
    return {
      counted: null,
      notCounted: revenue,
      label: `${money(revenue)} a month, not counted: no margin given`,
      needs: null,
    };
  const counted = Math.round((revenue * margin) / 100);
  return {
    counted,
    notCounted: null,
    label: `${money(revenue)} a month at a ${count(margin)}% margin (${money(counted)} a month counted in the benefit)`,
    needs: null,
  };
}

function describeShares(automated: Share, prevented: Share, context: SavingsContext): string[] {
  const stated = (what: string, s: Share, questionId: string) => {
    if (!s.isDefault) return `${count(s.percent)}% of ${what}: this project's answer`;
    const where = context.whereAnswered(questionId);
    return `${count(s.percent)}% of ${what}: the default${where ? `; change it in ${where}` : ""}`;
  };
  return [
    stated("today's manual work is automated", automated, "automated_share_percent"),
    stated("today's errors are prevented", prevented, "errors_prevented_percent"),
  ];
}

interface MoneyParts {
  facts: DiscoveryFacts;
  build: RoiFigure;
  running: RoiFigure;
  revenue: Roi["monthlyRevenue"];
  firstYearBenefitMonths: number;
  weeksToGoLive: number;
}

function describeMoneyAssumptions({
  facts,
  build,
  running,
  revenue,
  firstYearBenefitMonths,
  weeksToGoLive,
}: MoneyParts): string[] {
  const lines: string[] = [];
  if (facts.hourlyCost !== null)
    lines.push(
      `Each saved hour is valued at the client's ${money(facts.hourlyCost)} an hour, its loaded cost of the manual work`,
    );
  if (build.value !== null) {
    const how =
      facts.buildCostBasis === "fixed"
        ? "at the agency's fixed fee"
        : `at the agency's ${facts.buildCostBasis === "daily" ? "day" : "hourly"} rate for the development hours`;
    lines.push(`The build is costed ${how}, never at the client's hourly cost`);
  }
  if (facts.buildCostBasis === "daily") lines.push(`A working day is ${HOURS_PER_DAY} hours`);
  if (running.value !== null && running.value > 0)
    lines.push(
      facts.buildCostBasis === "daily"
        ? "Maintenance and support hours are a running cost at the agency's day rate over an 8-hour day"
        : "Maintenance and support hours are a running cost at the agency's hourly rate",
    );
  else if (running.value === null) lines.push(`Maintenance and support are ${running.label}`);
  if (revenue.counted !== null)
    lines.push(
      `Revenue impact counts at its ${count(facts.revenueMarginPercent ?? 0)}% margin, not as profit`,
    );
  else if (revenue.notCounted !== null)
    lines.push("Revenue impact is not counted in the benefit: no margin on it is given");
  lines.push(
    `Benefits start at go-live, likely ${count(weeksToGoLive)} weeks from the start: the first year holds ${firstYearBenefitMonths} months of benefit (12 months less ${count(weeksToGoLive)} weeks)`,
  );
  lines.push("A month is 52/12 weeks (about 4.33)");
  return lines;
}

/** "$3,420 of saved work less $900 of maintenance and support" */
function describeNet(savedWork: RoiFigure, revenue: Roi["monthlyRevenue"], running: RoiFigure): string {
  const gains = [
    ...(savedWork.value === null ? [] : [`${money(savedWork.value)} of saved work`]),
    ...(revenue.counted === null ? [] : [`${money(revenue.counted)} of revenue margin`]),
  ];
  const less = running.value ? ` less ${money(running.value)} of maintenance and support` : "";
  return `${gains.join(" and ")}${less}`;
}

interface RoiParts {
  buildBasis: string | null;
  build: RoiFigure;
  savedWork: RoiFigure;
  running: RoiFigure;
  revenue: Roi["monthlyRevenue"];
  net: number | null;
  payback: Roi["payback"];
  firstYear: Roi["firstYear"];
  paybackNeeds: string | null;
  /** Maintenance or support hours were given but there is no agency rate to cost them at. */
  upkeepNotCosted: boolean;
}

/** The plan's one line: the known figures in order, then what the missing ones need. */
function writeRoi(p: RoiParts): { label: string } {
  const parts: string[] = [];
  if (p.build.value !== null) parts.push(`${money(p.build.value)} to build (${p.buildBasis})`);
  if (p.net !== null) {
    const costed = p.running.value !== null && p.running.value > 0;
    const upkeep = costed
      ? ", net of maintenance and support"
      : p.upkeepNotCosted
        ? ", maintenance and support not costed"
        : "";
    parts.push(`about ${money(p.net)} a month once live${upkeep}`);
  }
  if (p.payback.monthsAfterGoLive !== null) {
    const firstYear =
      p.firstYear.percent === null
        ? ""
        : ` (first-year ROI ${count(p.firstYear.percent)}%, ${p.firstYear.benefitMonths} months of benefit)`;
    parts.push(`pays back ${p.payback.monthsAfterGoLive} months after go-live${firstYear}`);
  } else if (p.payback.label !== null)
    parts.push("the running costs exceed the savings, so it never pays back");
  if (p.revenue.notCounted !== null)
    parts.push(`plus ${money(p.revenue.notCounted)} a month of revenue, not counted: no margin given`);
  if (p.paybackNeeds !== null) {
    const missing =
      p.build.value !== null
        ? "no payback or ROI yet"
        : p.net === null
          ? "no ROI figure yet"
          : "no build cost, payback or ROI yet";
    parts.push(`${missing}: ${p.paybackNeeds}`);
  }
  // A benefit from the revenue margin alone leaves the saved hours out; say so, and what values them.
  if (p.net !== null && p.savedWork.value === null && p.savedWork.needs !== null)
    parts.push(`the saved work is not valued: ${p.savedWork.needs}`);
  return { label: parts.join("; ") };
}

/** The net benefit, payback after go-live and first-year return, from what is known; nothing invented. */
function estimateRoi(
  facts: DiscoveryFacts,
  time: TimeSavings,
  shares: { automated: Share; prevented: Share },
  context: SavingsContext,
): Roi {
  const { basis: buildBasis, ...build } = costBuild(facts, context);
  const savedWork = valueSavedWork(facts, time, context);
  const running = costRunning(facts);
  const revenue = countRevenue(facts, context);
  const firstYearBenefitMonths = round1(Math.max(0, 12 - context.weeksToGoLive / WEEKS_PER_MONTH));

  const valued = savedWork.value !== null || revenue.counted !== null;
  const net = valued ? (savedWork.value ?? 0) + (revenue.counted ?? 0) - (running.value ?? 0) : null;
  const netNeeds = valued ? null : savedWork.needs;
  const monthlyNetBenefit: RoiFigure = {
    value: net,
    label:
      net === null ? null : `${money(net)} a month once live (${describeNet(savedWork, revenue, running)})`,
    needs: netNeeds,
  };
  const firstYearNet = net === null ? null : Math.round(net * firstYearBenefitMonths);

  // Payback and return need both sides: the agency's price and a valued benefit.
  const paybackNeeds = describeNeeds(
    [...(build.value === null ? buildCostNeeds(facts) : []), ...(valued ? [] : savedWorkNeeds(facts, time))],
    context,
  );
  let payback: Roi["payback"] = { monthsAfterGoLive: null, label: null, needs: paybackNeeds };
  let firstYear: Roi["firstYear"] = {
    benefitMonths: firstYearBenefitMonths,
    netBenefit: firstYearNet,
    percent: null,
    label: null,
    needs: paybackNeeds,
  };
  if (build.value !== null && net !== null) {
    const cost = build.value;
    const months = net > 0 ? round1(cost / net) : null;
    payback = {
      monthsAfterGoLive: months,
      label:
        months === null ? "never: the running costs exceed the savings" : `${months} months after go-live`,
      needs: null,
    };
    const percent =
      cost > 0 && firstYearNet !== null ? Math.round(((firstYearNet - cost) / cost) * 100) : null;
    firstYear = {
      benefitMonths: firstYearBenefitMonths,
      netBenefit: firstYearNet,
      percent,
      label:
        percent === null
          ? null
          : `${count(percent)}% (${money(firstYearNet ?? 0)} of net benefit in the ${firstYearBenefitMonths} months after go-live, against ${money(cost)} to build)`,
      needs: percent === null ? "needs a build cost above $0" : null,
    };
  }

  return {
    ...writeRoi({
      buildBasis,
      build,
      savedWork,
      running,
      revenue,
      net,
      payback,
      firstYear,
      paybackNeeds,
      upkeepNotCosted: (facts.runningHoursPerMonth ?? 0) > 0 && running.value === null,
    }),
    buildCost: build,
    monthlySavedWork: savedWork,
    monthlyRunningCost: running,
    monthlyRevenue: revenue,
    monthlyNetBenefit,
    payback,
    firstYear,
    assumptions: [
      ...describeShares(shares.automated, shares.prevented, context),
      ...describeMoneyAssumptions({
        facts,
        build,
        running,
        revenue,
        firstYearBenefitMonths,
        weeksToGoLive: context.weeksToGoLive,
      }),
    ],
  };
}

/**
 * Time saved, errors avoided and money returned, from the hours, rates and costs given. The build is
 * priced with the agency's figure, the saved hours with the client's; benefits start at go-live.
 */
export function estimateSavings(facts: DiscoveryFacts, context: SavingsContext): Savings {
  const automated = share(facts.automatedSharePercent, DEFAULT_AUTOMATED_SHARE_PERCENT);
  const prevented = share(facts.errorsPreventedPercent, DEFAULT_ERRORS_PREVENTED_PERCENT);
  const timeSavings = estimateTimeSavings(facts, automated, context);
  return {
    timeSavings,
    errorReduction: estimateErrorReduction(facts, prevented, context),
    roi: estimateRoi(facts, timeSavings, { automated, prevented }, context),
  };
}
