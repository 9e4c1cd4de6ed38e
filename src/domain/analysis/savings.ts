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
  /** What the agency's pricing (basis and amount) still needs, as one sentence; null when both are answered. */
  pricingNeeds: string | null;
  /** Saved hours a month valued at the client's cost of an hour of the manual work, once live. */
  monthlySavedWork: RoiFigure;
  /** Maintenance and support hours a month at the agency's hourly rate (or day rate / 8), once live. */
  monthlyRunningCost: Running;
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
  payback: {
    monthsAfterGoLive: number | null;
    label: string | null;
    needs: string | null;
    /** What the payback leaves out ("maintenance and support not costed"); said wherever it is shown. */
    caveat?: string | null;
  };
  /** The first twelve months from the start: benefits only in the months after the likely go-live. */
  firstYear: {
    benefitMonths: number;
    netBenefit: number | null;
    /** (net benefit in the first year − build cost) / build cost, in percent; null when it never pays back. */
    percent: number | null;
    /** The first year's loss when the running cost takes all the benefit: the build plus the shortfall. */
    loss: number | null;
    label: string | null;
    needs: string | null;
  };
  /** The plan's one-line ROI: the figures that are known, and what the missing ones need. */
  label: string;
  /** Every assumption the figures rest on, one sentence each, for the plan's Estimate Basis. */
  assumptions: string[];
}

/** The running cost, with what it leaves out so every figure built on it can say so. */
export interface Running extends RoiFigure {
  /** The parts taken off the net: "maintenance and support", "maintenance", or null when none is. */
  costedWhat: string | null;
  /** "maintenance and support not costed", "support not answered yet", or null for a true net. */
  caveat: string | null;
  /** The parts not answered ("support"), and " — answer in …" for them. */
  unanswered: string | null;
  unansweredWhere: string;
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
/** "$1,485", and "−$1,485" for a loss: never "$-1,485". */
const money = (n: number) => {
  const amount = `$${Math.abs(Math.round(n)).toLocaleString("en-US")}`;
  return Math.round(n) < 0 ? `\u2212${amount}` : amount;
};
const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
/** "69%", and "−35%" with a true minus sign. */
const percentText = (n: number) => (n < 0 ? `\u2212${count(-n)}%` : `${count(n)}%`);

const joinAnd = (parts: string[]) =>
  parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;

/**
 * " — answer in /intplan interview 12: How the agency prices the build and Development time (hours)": each
 * place's questions listed once after it, so a label's own parentheses are never nested in the sentence's.
 */
function answerIn(questionIds: string[], context: SavingsContext): string {
  const groups = new Map<string, string[]>();
  for (const id of questionIds) {
    const place = context.whereAnswered(id);
    if (place === null) continue;
    const split = /^(.+?) \((.+)\)$/.exec(place);
    const [command, label] = split ? [split[1] ?? place, split[2] ?? null] : [place, null];
    const labels = groups.get(command) ?? [];
    if (label !== null && !labels.includes(label)) labels.push(label);
    groups.set(command, labels);
  }
  if (groups.size === 0) return "";
  const places = [...groups].map(([command, labels]) =>
    labels.length === 0 ? command : `${command}: ${joinAnd(labels)}`,
  );
  return ` \u2014 answer in ${places.join(", and in ")}`;
}

/** "needs the development hours — answer in /intplan interview 12: Development time (hours)", or null. */
function describeNeeds(needs: Need[], context: SavingsContext): string | null {
  if (needs.length === 0) return null;
  const what = joinAnd(needs.map((n) => n.what));
  return `needs ${what}${answerIn(
    needs.flatMap((n) => n.questionIds),
    context,
  )}`;
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
  const exactTo = from * (1 - prevented.percent / 100);
  const to = round1(exactTo);
  // From the unrounded rate: 4,000 records × (1.5% − 0.15%) is 54, not 4,000 × (1.5% − 0.2%) = 52.
  const fewer =
    facts.monthlyVolume === null ? null : Math.round((facts.monthlyVolume * (from - exactTo)) / 100);
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

interface UpkeepPart {
  name: "maintenance" | "support";
  questionId: string;
  hours: number | null;
}

/** What the net, payback and first-year figures leave out: "maintenance and support not costed". */
function runningCaveat(parts: { uncosted: string | null; unanswered: string | null }): string | null {
  const said = [
    ...(parts.uncosted === null ? [] : [`${parts.uncosted} not costed`]),
    ...(parts.unanswered === null ? [] : [`${parts.unanswered} not answered yet`]),
  ];
  return said.length === 0 ? null : said.join(", ");
}

/**
 * Maintenance and support are paid to the agency, so they are costed at its rate or not at all. Each part
 * is costed when answered; a part not answered is named (with where to answer it), never counted as 0.
 */
function costRunning(facts: DiscoveryFacts, context: SavingsContext): Running {
  const parts: UpkeepPart[] = [
    { name: "maintenance", questionId: "maintenance_hours_per_month", hours: facts.maintenanceHoursPerMonth },
    { name: "support", questionId: "support_hours_per_month", hours: facts.supportHoursPerMonth },
  ];
  const answered = parts.filter((p) => p.hours !== null);
  const missing = parts.filter((p) => p.hours === null);
  const unanswered = missing.length === 0 ? null : joinAnd(missing.map((p) => p.name));
  const missingIds = missing.map((p) => p.questionId);
  const unansweredTail =
    unanswered === null ? "" : `; ${unanswered} not answered yet${answerIn(missingIds, context)}`;
  const costedWhat = answered.length === 0 ? null : joinAnd(answered.map((p) => p.name));
  const hours = answered.reduce((sum, p) => sum + (p.hours ?? 0), 0);
  const base = { unanswered, unansweredWhere: answerIn(missingIds, context) };

  if (costedWhat === null)
    return {
      ...base,
      value: null,
      label: null,
      needs: describeNeeds([{ what: "the maintenance and support hours", questionIds: missingIds }], context),
      costedWhat: null,
      caveat: runningCaveat({ uncosted: null, unanswered }),
    };
  if (hours === 0)
    return {
      ...base,
      value: 0,
      label: `none: no ${costedWhat} hours expected${unansweredTail}`,
      needs: null,
      costedWhat: null,
      caveat: runningCaveat({ uncosted: null, unanswered }),
    };
  const rate = agencyHourlyRate(facts);
  const upkeep = `${count(hours)} ${costedWhat} hours a month`;
  if (rate === null) {
    const why =
      facts.buildCostBasis === "fixed"
        ? "the agency's fixed fee gives no hourly rate"
        : "no agency hourly or day rate given";
    return {
      ...base,
      value: null,
      label: `not costed: ${why} for the ${upkeep}${unansweredTail}`,
      needs: null,
      costedWhat: null,
      caveat: runningCaveat({ uncosted: "maintenance and support", unanswered: null }),
    };
  }
  const value = Math.round(hours * rate);
  const perDay = facts.buildCostBasis === "daily" ? ", its day rate over an 8-hour day" : "";
  return {
    ...base,
    value,
    label: `${money(value)} a month (${upkeep} at the agency's ${money(rate)} an hour${perDay})${unansweredTail}`,
    needs: null,
    costedWhat,
    caveat: runningCaveat({ uncosted: null, unanswered }),
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
  running: Running;
  revenue: Roi["monthlyRevenue"];
  firstYearBenefitMonths: number;
  weeksToGoLive: number;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
  const leftOut = "so the net benefit, payback and first-year ROI leave them out";
  if (running.costedWhat !== null)
    lines.push(
      facts.buildCostBasis === "daily"
        ? `${capitalise(running.costedWhat)} hours are a running cost at the agency's day rate over an 8-hour day`
        : `${capitalise(running.costedWhat)} hours are a running cost at the agency's hourly rate`,
    );
  else if (running.value === null && running.label !== null)
    lines.push(`Maintenance and support are ${running.label.split("; ")[0]}, ${leftOut}`);
  if (running.unanswered !== null)
    lines.push(
      `${capitalise(running.unanswered)} hours are not answered yet, ${leftOut}${running.unansweredWhere}`,
    );
  lines.push(
    "Direct running costs (API fees, storage, processing) are listed in the Discovery Document and not counted",
  );
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

/** "$3,420 of saved work less $900 of maintenance and support", with what it leaves out. */
function describeNet(savedWork: RoiFigure, revenue: Roi["monthlyRevenue"], running: Running): string {
  const gains = [
    ...(savedWork.value === null ? [] : [`${money(savedWork.value)} of saved work`]),
    ...(revenue.counted === null ? [] : [`${money(revenue.counted)} of revenue margin`]),
  ];
  const less =
    running.value && running.costedWhat !== null
      ? ` less ${money(running.value)} of ${running.costedWhat}`
      : "";
  const caveat = running.caveat === null ? "" : `; ${running.caveat}`;
  return `${gains.join(" and ")}${less}${caveat}`;
}

/**
 * When the running cost takes all the benefit: "the maintenance and support cost $1,485 a month more than
 * the work it saves", said plainly instead of as a negative amount.
 */
function describeShortfall(net: number, running: Running, revenue: Roi["monthlyRevenue"]): string {
  const what = running.costedWhat ?? "maintenance and support";
  const verb = what.includes(" and ") ? "cost" : "costs";
  const gains =
    revenue.counted === null ? "the work it saves" : "the work it saves and the revenue margin it adds";
  return net === 0
    ? `the ${what} ${verb} as much as ${gains}`
    : `the ${what} ${verb} ${money(-net)} a month more than ${gains}`;
}

interface RoiParts {
  buildBasis: string | null;
  build: RoiFigure;
  savedWork: RoiFigure;
  running: Running;
  revenue: Roi["monthlyRevenue"];
  net: number | null;
  shortfall: string | null;
  payback: Roi["payback"];
  firstYear: Roi["firstYear"];
  paybackNeeds: string | null;
}

const tagged = (text: string, caveat: string | null) => (caveat === null ? text : `${text} (${caveat})`);

/** The plan's one line: the known figures in order, each with what it leaves out, then what is missing. */
function writeRoi(p: RoiParts): { label: string } {
  const parts: string[] = [];
  const caveat = p.running.caveat;
  if (p.build.value !== null) parts.push(`${money(p.build.value)} to build (${p.buildBasis})`);
  if (p.shortfall !== null) parts.push(`${p.shortfall}, so it never pays back`);
  else if (p.net !== null) {
    const upkeep = p.running.costedWhat === null ? "" : `, net of ${p.running.costedWhat}`;
    parts.push(tagged(`about ${money(p.net)} a month once live${upkeep}`, caveat));
  }
  if (p.payback.monthsAfterGoLive !== null) {
    parts.push(tagged(`pays back ${p.payback.monthsAfterGoLive} months after go-live`, caveat));
    if (p.firstYear.percent !== null)
      parts.push(
        tagged(
          `first-year ROI ${percentText(p.firstYear.percent)} over ${p.firstYear.benefitMonths} months of benefit`,
          caveat,
        ),
      );
  }
  if (p.revenue.notCounted !== null)
    parts.push(`plus ${money(p.revenue.notCounted)} a month of revenue, not counted: no margin given`);
  if (p.paybackNeeds !== null) {
    const missing =
      p.build.value !== null
        ? "no payback or ROI yet"
        : p.shortfall !== null
          ? "no build cost yet"
          : p.net === null
            ? "no ROI figure yet"
            : "no build cost, payback or ROI yet";
    parts.push(`${missing}: ${p.paybackNeeds}`);
  }
  // A benefit from the revenue margin alone leaves the saved hours out; say so, and what values them.
  if (p.net !== null && p.savedWork.value === null && p.savedWork.needs !== null)
    parts.push(`the saved work is not valued: ${p.savedWork.needs}`);
  if (p.net !== null && p.running.unanswered !== null)
    parts.push(`the ${p.running.unanswered} hours are not answered yet${p.running.unansweredWhere}`);
  return { label: parts.join("; ") };
}

/** The first year's figure: the return in percent, or, when the running cost takes it all, the loss. */
function firstYearFigure(
  cost: number,
  net: number,
  firstYearNet: number,
  benefitMonths: number,
  caveat: string | null,
): Roi["firstYear"] {
  const base = { benefitMonths, netBenefit: firstYearNet };
  if (net <= 0) {
    const loss = cost - firstYearNet;
    const shortfall =
      firstYearNet < 0
        ? ` and ${money(-firstYearNet)} more in running cost than benefit over the ${benefitMonths} months after go-live`
        : "";
    return {
      ...base,
      percent: null,
      loss,
      label: `no return: a first-year loss of ${money(loss)} (${money(cost)} to build${shortfall}${caveat === null ? "" : `; ${caveat}`})`,
      needs: null,
    };
  }
  if (cost <= 0)
    return { ...base, percent: null, loss: null, label: null, needs: "needs a build cost above $0" };
  const percent = Math.round(((firstYearNet - cost) / cost) * 100);
  const notRepaid = percent < 0 ? ": not repaid within the first year" : "";
  return {
    ...base,
    percent,
    loss: null,
    label: `${percentText(percent)} (${money(firstYearNet)} of net benefit in the ${benefitMonths} months after go-live, against ${money(cost)} to build${notRepaid}${caveat === null ? "" : `; ${caveat}`})`,
    needs: null,
  };
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
  const running = costRunning(facts, context);
  const revenue = countRevenue(facts, context);
  const firstYearBenefitMonths = round1(Math.max(0, 12 - context.weeksToGoLive / WEEKS_PER_MONTH));
  const caveat = running.caveat;

  const valued = savedWork.value !== null || revenue.counted !== null;
  const net = valued ? (savedWork.value ?? 0) + (revenue.counted ?? 0) - (running.value ?? 0) : null;
  // Only a costed running cost can take all the benefit; a project saving nothing has no shortfall to show.
  const shortfall =
    net !== null && net <= 0 && (running.value ?? 0) > 0 ? describeShortfall(net, running, revenue) : null;
  const monthlyNetBenefit: RoiFigure = {
    value: net,
    label:
      net === null
        ? null
        : shortfall !== null
          ? `none: ${shortfall} (${describeNet(savedWork, revenue, running)})`
          : `${money(net)} a month once live (${describeNet(savedWork, revenue, running)})`,
    needs: valued ? null : savedWork.needs,
  };
  const firstYearNet = net === null ? null : Math.round(net * firstYearBenefitMonths);

  // Payback and return need both sides: the agency's price and a valued benefit.
  const paybackNeeds = describeNeeds(
    [...(build.value === null ? buildCostNeeds(facts) : []), ...(valued ? [] : savedWorkNeeds(facts, time))],
    context,
  );
  let payback: Roi["payback"] = { monthsAfterGoLive: null, label: null, needs: paybackNeeds, caveat };
  let firstYear: Roi["firstYear"] = {
    benefitMonths: firstYearBenefitMonths,
    netBenefit: firstYearNet,
    percent: null,
    loss: null,
    label: null,
    needs: paybackNeeds,
  };
  // Running costs above the benefit never pay back, whatever the build costs.
  if (shortfall !== null)
    payback = { monthsAfterGoLive: null, label: `never: ${shortfall}`, needs: null, caveat };
  if (build.value !== null && net !== null && firstYearNet !== null) {
    const months = net > 0 ? round1(build.value / net) : null;
    if (months !== null)
      payback = {
        monthsAfterGoLive: months,
        label: tagged(`${months} months after go-live`, caveat),
        needs: null,
        caveat,
      };
    else if (shortfall === null)
      payback = { monthsAfterGoLive: null, label: "never: nothing is saved", needs: null, caveat };
    firstYear = firstYearFigure(build.value, net, firstYearNet, firstYearBenefitMonths, caveat);
  }

  return {
    ...writeRoi({
      buildBasis,
      build,
      savedWork,
      running,
      revenue,
      net,
      shortfall,
      payback,
      firstYear,
      paybackNeeds,
    }),
    buildCost: build,
    pricingNeeds: describeNeeds(
      buildCostNeeds({ ...facts, developmentHours: 0 }).filter(
        (n) => n.questionIds[0] !== "development_hours",
      ),
      context,
    ),
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
