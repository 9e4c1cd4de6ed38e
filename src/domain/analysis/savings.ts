import type { DiscoveryFacts } from "./facts.js";

/** Assumptions behind the estimates; the document states them next to each figure. */
export const AUTOMATED_SHARE_OF_MANUAL_WORK = 0.8;
export const ERRORS_PREVENTED_BY_AUTOMATION = 0.9;
const WEEKS_PER_MONTH = 52 / 12;

export interface TimeSavings {
  hoursPerWeek: number | null;
  hoursPerMonth: number | null;
  label: string | null;
}

export interface ErrorReduction {
  fromPercent: number | null;
  toPercent: number | null;
  fewerErrorsPerMonth: number | null;
  label: string | null;
}

export interface Roi {
  /** Saved hours (net of maintenance and support) valued at the hourly cost. */
  monthlyCostReduction: number | null;
  /** Saved hours (net of maintenance and support) valued at the hourly cost, plus revenue impact. */
  monthlyBenefit: number | null;
  annualBenefit: number | null;
  /** Development hours valued at the hourly cost. */
  implementationCost: number | null;
  /** First-year return on the implementation cost, in percent. */
  firstYearPercent: number | null;
  paybackMonths: number | null;
  label: string | null;
  /** Every assumption the figures rest on, one sentence each, for the plan's Estimate Basis. */
  assumptions: string[];
}

export interface Savings {
  timeSavings: TimeSavings;
  errorReduction: ErrorReduction;
  roi: Roi;
}

const round1 = (n: number) => Math.round((n + Number.EPSILON) * 10) / 10;
const money = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;
const count = (n: number) => Math.round(n).toLocaleString("en-US");

function estimateTimeSavings(facts: DiscoveryFacts): TimeSavings {
  if (facts.manualHoursPerWeek === null) return { hoursPerWeek: null, hoursPerMonth: null, label: null };
  const hoursPerWeek = round1(facts.manualHoursPerWeek * AUTOMATED_SHARE_OF_MANUAL_WORK);
  const hoursPerMonth = Math.round(hoursPerWeek * WEEKS_PER_MONTH);
  const share = Math.round(AUTOMATED_SHARE_OF_MANUAL_WORK * 100);
  return {
    hoursPerWeek,
    hoursPerMonth,
    label: `about ${hoursPerWeek} hours a week (${hoursPerMonth} a month), assuming ${share}% of today's ${count(facts.manualHoursPerWeek)} manual hours a week are automated`,
  };
}

function estimateErrorReduction(facts: DiscoveryFacts): ErrorReduction {
  const from = facts.errorRatePercent;
  if (from === null) return { fromPercent: null, toPercent: null, fewerErrorsPerMonth: null, label: null };
  const to = round1(from * (1 - ERRORS_PREVENTED_BY_AUTOMATION));
  const fewer = facts.monthlyVolume === null ? null : Math.round((facts.monthlyVolume * (from - to)) / 100);
  const perMonth = fewer === null ? "" : `, about ${count(fewer)} fewer errors a month`;
  return {
    fromPercent: from,
    toPercent: to,
    fewerErrorsPerMonth: fewer,
    label: `from ${from}% to about ${to}% of records${perMonth}`,
  };
}

const NO_ROI: Roi = {
  monthlyCostReduction: null,
  monthlyBenefit: null,
  annualBenefit: null,
  implementationCost: null,
  firstYearPercent: null,
  paybackMonths: null,
  label: null,
  assumptions: [],
};

const paybackIn = (months: number | null) =>
  months === null
    ? "the running costs exceed the savings, so it never pays back"
    : `pays back in ${months} months`;

/** Without an hourly cost the return can still be told in hours: development hours against hours saved. */
function roiInHours(facts: DiscoveryFacts, netHoursPerMonth: number): Roi {
  if (facts.developmentHours === null) return NO_ROI;
  const paybackMonths = netHoursPerMonth > 0 ? round1(facts.developmentHours / netHoursPerMonth) : null;
  return {
    ...NO_ROI,
    paybackMonths,
    label:
      paybackMonths === null
        ? "the maintenance and support hours exceed the hours saved, so it never pays back"
        : `${paybackMonths} months of saved hours repay the ${count(facts.developmentHours)} development hours; a money figure needs the hourly cost`,
  };
}

function estimateRoi(facts: DiscoveryFacts, time: TimeSavings): Roi {
  if (time.hoursPerMonth === null) return NO_ROI;
  const netHoursPerMonth = time.hoursPerMonth - (facts.runningHoursPerMonth ?? 0);
  const rate = facts.hourlyCost;
  if (rate === null) return roiInHours(facts, netHoursPerMonth);

  const monthlyCostReduction = Math.round(netHoursPerMonth * rate);
  const monthlyBenefit = monthlyCostReduction + (facts.revenueImpactPerMonth ?? 0);
  const annualBenefit = monthlyBenefit * 12;
  const benefit = `about ${money(monthlyBenefit)} a month (${money(annualBenefit)} a year)`;
  const valued = `valuing every hour at ${money(rate)}`;
  if (facts.developmentHours === null || facts.developmentHours === 0) {
    return {
      ...NO_ROI,
      monthlyCostReduction,
      monthlyBenefit,
      annualBenefit,
      label: `${benefit}, ${valued}; payback needs the development hours`,
    };
  }
  const implementationCost = Math.round(facts.developmentHours * rate);
  const firstYearPercent = Math.round(((annualBenefit - implementationCost) / implementationCost) * 100);
  const paybackMonths = monthlyBenefit > 0 ? round1(implementationCost / monthlyBenefit) : null;
  return {
    ...NO_ROI,
    monthlyCostReduction,
    monthlyBenefit,
    annualBenefit,
    implementationCost,
    firstYearPercent,
    paybackMonths,
    label: `${benefit}; ${paybackIn(paybackMonths)} on ${money(implementationCost)} of development (first-year ROI ${firstYearPercent}%), ${valued}`,
  };
}

/**
 * Time saved, errors avoided and money returned, from the hours, rates and costs the client gave.
 * Saved hours are counted net of the maintenance and support hours the integration will need.
 */
export function estimateSavings(facts: DiscoveryFacts): Savings {
  const timeSavings = estimateTimeSavings(facts);
  const roi = estimateRoi(facts, timeSavings);
  return {
    timeSavings,
    errorReduction: estimateErrorReduction(facts),
    roi: {
      ...roi,
      assumptions: [
        `${Math.round(AUTOMATED_SHARE_OF_MANUAL_WORK * 100)}% of today's manual work is automated`,
        `${Math.round(ERRORS_PREVENTED_BY_AUTOMATION * 100)}% of today's errors are prevented`,
      ],
    },
  };
}
