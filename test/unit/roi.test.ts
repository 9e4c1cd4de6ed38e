import { describe, expect, it } from "vitest";
import { analyse } from "../../src/domain/analysis/analyse.js";
import { writeExecutiveSummary } from "../../src/domain/analysis/executive-summary.js";
import type { DiscoveryFacts } from "../../src/domain/analysis/facts.js";
import { readFacts } from "../../src/domain/analysis/read-facts.js";
import { estimateSavings, type SavingsContext } from "../../src/domain/analysis/savings.js";
import { estimateTimeline } from "../../src/domain/analysis/timeline.js";
import { QUESTIONNAIRE_V1 } from "../../src/domain/questionnaire/definition.js";
import { whereAnswered } from "../../src/domain/questionnaire/where-answered.js";
import { discoveryFacts as facts } from "../support/discovery-facts.js";

/** Where each answer is given, named by its question id so the tests do not depend on section numbers. */
const context = (weeksToGoLive = 0): SavingsContext => ({
  weeksToGoLive,
  whereAnswered: (questionId) => `/intplan interview (${questionId})`,
});

/** The client's side: 22 manual hours a week at $45 an hour, the agency's 160 hours of development. */
const acme = (overrides: Partial<DiscoveryFacts> = {}) =>
  facts({ manualHoursPerWeek: 22, hourlyCost: 45, developmentHours: 160, ...overrides });

describe("the build is costed with the agency's figure", () => {
  it("160 development hours at the agency's $150 cost $24,000, never 160 × the client's $45 = $7,200", () => {
    const { roi } = estimateSavings(acme({ buildCostBasis: "hourly", buildCostAmount: 150 }), context());
    expect(roi.buildCost).toEqual({
      value: 24_000,
      label: "$24,000 (160 development hours at the agency's $150 an hour)",
      needs: null,
    });
    expect(roi.label).toContain("$24,000 to build (160 development hours at the agency's $150 an hour)");
    expect(roi.label).not.toContain("$7,200");
    expect(roi.assumptions).toContain(
      "The build is costed at the agency's hourly rate for the development hours, never at the client's hourly cost",
    );
  });

  it("without the agency's figure there is no build cost, no payback and no ROI, and the line says what to answer where", () => {
    const { roi } = estimateSavings(acme(), context());
    expect(roi.buildCost.value).toBeNull();
    expect(roi.payback.monthsAfterGoLive).toBeNull();
    expect(roi.firstYear.percent).toBeNull();
    expect(roi.label).toBe(
      "about $3,420 a month once live (maintenance and support not answered yet); no build cost, payback or ROI yet: " +
        "needs the agency's price for the build — answer in /intplan interview: build_cost_basis and build_cost_amount; " +
        "the maintenance and support hours are not answered yet — answer in /intplan interview: " +
        "maintenance_hours_per_month and support_hours_per_month",
    );
  });

  it("a rate without development hours costs nothing yet and asks for the development hours", () => {
    const { roi } = estimateSavings(
      acme({ developmentHours: null, buildCostBasis: "hourly", buildCostAmount: 150 }),
      context(),
    );
    expect(roi.buildCost.value).toBeNull();
    expect(roi.buildCost.needs).toBe(
      "needs the development hours — answer in /intplan interview: development_hours",
    );
  });

  it("only the missing half of the pricing is asked for", () => {
    const { roi } = estimateSavings(acme({ buildCostBasis: "hourly" }), context());
    expect(roi.buildCost.needs).toBe(
      "needs the agency's price for the build — answer in /intplan interview: build_cost_amount",
    );
  });

  it("a day rate covers the development hours in days of 8 hours, and says so", () => {
    const { roi } = estimateSavings(
      acme({
        buildCostBasis: "daily",
        buildCostAmount: 1_200,
        maintenanceHoursPerMonth: 4,
        supportHoursPerMonth: 2,
      }),
      context(),
    );
    expect(roi.buildCost.value).toBe(24_000);
    expect(roi.buildCost.label).toBe(
      "$24,000 (160 development hours: 20 days of 8 hours at the agency's $1,200 a day)",
    );
    expect(roi.monthlyRunningCost.value).toBe(900);
    expect(roi.assumptions).toEqual(
      expect.arrayContaining([
        "A working day is 8 hours",
        "Maintenance and support hours are a running cost at the agency's day rate over an 8-hour day",
      ]),
    );
  });

  it("a fixed fee is the build cost whatever the hours, and leaves the running hours uncosted", () => {
    const { roi } = estimateSavings(
      acme({
        developmentHours: null,
        buildCostBasis: "fixed",
        buildCostAmount: 18_000,
        maintenanceHoursPerMonth: 4,
        supportHoursPerMonth: 2,
      }),
      context(),
    );
    expect(roi.buildCost).toEqual({ value: 18_000, label: "$18,000 (the agency's fixed fee)", needs: null });
    expect(roi.monthlyRunningCost).toMatchObject({
      value: null,
      label:
        "not costed: the agency's fixed fee gives no hourly rate for the 6 maintenance and support hours a month",
      needs: null,
      caveat: "maintenance and support not costed",
    });
    // 76 saved hours × $45 = $3,420 a month, nothing taken off for the uncosted upkeep.
    expect(roi.monthlyNetBenefit.value).toBe(3_420);
    expect(roi.label).toContain("about $3,420 a month once live (maintenance and support not costed)");
    expect(roi.payback.monthsAfterGoLive).toBe(5.3);
  });
});

describe("what counts as benefit", () => {
  it("saved hours are valued at the client's hourly cost, less the upkeep at the agency's rate", () => {
    const { roi } = estimateSavings(
      acme({
        buildCostBasis: "hourly",
        buildCostAmount: 150,
        maintenanceHoursPerMonth: 4,
        supportHoursPerMonth: 2,
      }),
      context(),
    );
    expect(roi.monthlySavedWork.label).toBe(
      "$3,420 a month once live (76 saved hours at the client's $45 an hour)",
    );
    expect(roi.monthlyRunningCost.value).toBe(900);
    expect(roi.monthlyNetBenefit.label).toBe(
      "$2,520 a month once live ($3,420 of saved work less $900 of maintenance and support)",
    );
    expect(roi.assumptions).toContain(
      "Maintenance and support hours are a running cost at the agency's hourly rate",
    );
  });

  it("without an agency rate the upkeep is stated as not costed", () => {
    const { roi } = estimateSavings(
      acme({ maintenanceHoursPerMonth: 4, supportHoursPerMonth: 2 }),
      context(),
    );
    expect(roi.monthlyRunningCost.value).toBeNull();
    expect(roi.assumptions).toContain(
      "Maintenance and support are not costed: no agency hourly or day rate given for the 6 maintenance and support hours a month, " +
        "so the net benefit, payback and first-year ROI leave them out",
    );
  });

  it("revenue without a margin is shown on its own and not counted", () => {
    const { roi } = estimateSavings(
      acme({ buildCostBasis: "hourly", buildCostAmount: 150, revenueImpactPerMonth: 2_000 }),
      context(),
    );
    expect(roi.monthlyRevenue).toEqual({
      counted: null,
      notCounted: 2_000,
      label: "$2,000 a month, not counted: no margin given",
      needs: null,
    });
    expect(roi.monthlyNetBenefit.value).toBe(3_420);
    expect(roi.label).toContain("plus $2,000 a month of revenue, not counted: no margin given");
    expect(roi.assumptions).toContain(
      "Revenue impact is not counted in the benefit: no margin on it is given",
    );
  });

  it("with a margin, only the margin on the revenue is added to the benefit", () => {
    const { roi } = estimateSavings(
      acme({
        buildCostBasis: "hourly",
        buildCostAmount: 150,
        revenueImpactPerMonth: 2_000,
        revenueMarginPercent: 30,
      }),
      context(),
    );
    expect(roi.monthlyRevenue.counted).toBe(600);
    expect(roi.monthlyNetBenefit.value).toBe(4_020);
    expect(roi.label).not.toContain("not counted");
    expect(roi.assumptions).toContain("Revenue impact counts at its 30% margin, not as profit");
  });

  it("a benefit from the revenue margin alone says the saved hours are not valued yet", () => {
    const { roi } = estimateSavings(
      acme({
        hourlyCost: null,
        buildCostBasis: "hourly",
        buildCostAmount: 150,
        revenueImpactPerMonth: 2_000,
        revenueMarginPercent: 40,
      }),
      context(),
    );
    expect(roi.monthlyNetBenefit.value).toBe(800);
    expect(roi.payback.monthsAfterGoLive).toBe(30);
    expect(roi.label).toContain(
      "the saved work is not valued: needs the client's cost of an hour of the manual work — answer in /intplan interview: hourly_cost",
    );
  });

  it("when the upkeep costs more than the work saved, it never pays back", () => {
    const { roi } = estimateSavings(
      acme({
        manualHoursPerWeek: 2,
        buildCostBasis: "hourly",
        buildCostAmount: 150,
        maintenanceHoursPerMonth: 20,
        supportHoursPerMonth: 0,
      }),
      context(),
    );
    // 2 × 80% = 1.6 hours a week, 7 a month × $45 = $315 saved, against 20 hours × $150 = $3,000.
    expect(roi.payback).toMatchObject({
      monthsAfterGoLive: null,
      label: "never: the maintenance and support cost $2,685 a month more than the work it saves",
    });
    expect(roi.label).toContain(
      "the maintenance and support cost $2,685 a month more than the work it saves, so it never pays back",
    );
  });

  it("without the client's hourly cost the saved hours are not valued, and it says what to answer", () => {
    const { roi } = estimateSavings(
      acme({ hourlyCost: null, buildCostBasis: "hourly", buildCostAmount: 150 }),
      context(),
    );
    expect(roi.monthlyNetBenefit.value).toBeNull();
    expect(roi.payback.monthsAfterGoLive).toBeNull();
    expect(roi.label).toBe(
      "$24,000 to build (160 development hours at the agency's $150 an hour); no payback or ROI yet: " +
        "needs the client's cost of an hour of the manual work — answer in /intplan interview: hourly_cost",
    );
  });

  it("nothing is claimed without any numbers: the line lists every answer it needs", () => {
    const { timeSavings, errorReduction, roi } = estimateSavings(facts(), context());
    expect(timeSavings.label).toBeNull();
    expect(timeSavings.needs).toBe(
      "needs the manual hours per week — answer in /intplan interview: hours_per_week",
    );
    expect(errorReduction.needs).toBe("needs today's error rate — answer in /intplan interview: error_rate");
    expect(roi.buildCost.value).toBeNull();
    expect(roi.monthlyNetBenefit.value).toBeNull();
    expect(roi.label).toBe(
      "no ROI figure yet: needs the agency's price for the build, the development hours, the manual hours per week " +
        "and the client's cost of an hour of the manual work — answer in /intplan interview: build_cost_basis, " +
        "build_cost_amount, development_hours, hours_per_week and hourly_cost",
    );
  });
});

describe("benefits start at go-live", () => {
  const priced = acme({
    buildCostBasis: "hourly",
    buildCostAmount: 150,
    maintenanceHoursPerMonth: 4,
    supportHoursPerMonth: 2,
  });

  it("payback is counted from go-live: $24,000 at $2,520 a month is 9.5 months after it", () => {
    const { roi } = estimateSavings(priced, context(9));
    expect(roi.payback.monthsAfterGoLive).toBe(9.5);
    expect(roi.payback.label).toBe("9.5 months after go-live");
    expect(roi.label).toContain("pays back 9.5 months after go-live");
  });

  it("the first year counts only the months after a go-live 9 weeks in: 12 − 9 ÷ (52/12) = 9.9", () => {
    const { roi } = estimateSavings(priced, context(9));
    expect(roi.firstYear).toMatchObject({ benefitMonths: 9.9, netBenefit: 24_948, percent: 4 });
    expect(roi.firstYear.label).toBe(
      "4% ($24,948 of net benefit in the 9.9 months after go-live, against $24,000 to build)",
    );
    expect(roi.assumptions).toEqual(
      expect.arrayContaining([
        "Benefits start at go-live, likely 9 weeks from the start: the first year holds 9.9 months of benefit (12 months less 9 weeks)",
        "A month is 52/12 weeks (about 4.33)",
      ]),
    );
  });

  it("a later go-live leaves fewer months of benefit in the first year, and a lower return", () => {
    const early = estimateSavings(priced, context(4)).roi.firstYear;
    const late = estimateSavings(priced, context(26)).roi.firstYear;
    expect(late.benefitMonths).toBe(6);
    expect(late.percent ?? 0).toBeLessThan(early.percent ?? 0);
  });
});

describe("the shares the estimates assume", () => {
  it("80% automated and 90% of errors prevented are stated as defaults, with where to change them", () => {
    const { timeSavings, errorReduction, roi } = estimateSavings(
      facts({ manualHoursPerWeek: 20, errorRatePercent: 3 }),
      context(),
    );
    expect(timeSavings).toEqual({
      hoursPerWeek: 16,
      hoursPerMonth: 69,
      label:
        "about 16 hours a week (69 a month) once live, assuming 80% of today's 20 manual hours a week are automated (the default share)",
      needs: null,
    });
    expect(errorReduction).toEqual({
      fromPercent: 3,
      toPercent: 0.3,
      fewerErrorsPerMonth: 81,
      label:
        "from 3% to about 0.3% of records, about 81 fewer errors a month, assuming 90% of today's errors are prevented (the default share)",
      needs: null,
    });
    expect(roi.assumptions.slice(0, 2)).toEqual([
      "80% of today's manual work is automated: the default; change it in /intplan interview (automated_share_percent)",
      "90% of today's errors are prevented: the default; change it in /intplan interview (errors_prevented_percent)",
    ]);
  });

  it("a project's own shares replace the defaults and are stated as its answers", () => {
    const { timeSavings, errorReduction, roi } = estimateSavings(
      facts({
        manualHoursPerWeek: 20,
        errorRatePercent: 3,
        automatedSharePercent: 50,
        errorsPreventedPercent: 60,
      }),
      context(),
    );
    expect(timeSavings.hoursPerWeek).toBe(10);
    expect(timeSavings.label).not.toContain("default");
    expect(errorReduction.toPercent).toBe(1.2);
    expect(roi.assumptions.slice(0, 2)).toEqual([
      "50% of today's manual work is automated: this project's answer",
      "60% of today's errors are prevented: this project's answer",
    ]);
  });

  it("1.5% becomes 0.2%, not a rounding accident", () => {
    expect(estimateSavings(facts({ errorRatePercent: 1.5 }), context()).errorReduction.toPercent).toBe(0.2);
  });
});

describe("the answers the money is read from", () => {
  const project = {
    clientName: "Acme Outdoor Co.",
    systemA: "Shopify",
    systemB: "QuickBooks Online",
    summary: null,
    volumeEstimate: null,
    targetGoLive: null,
  };

  it("reads the agency's pricing, the revenue margin and the project's own shares", () => {
    const read = readFacts(
      project,
      {
        build_cost_basis: "daily",
        build_cost_amount: 1_200,
        revenue_margin_percent: 30,
        automated_share_percent: 70,
        errors_prevented_percent: 85,
      },
      "accounting",
    );
    expect(read).toMatchObject({
      buildCostBasis: "daily",
      buildCostAmount: 1_200,
      revenueMarginPercent: 30,
      automatedSharePercent: 70,
      errorsPreventedPercent: 85,
    });
  });

  it("unanswered shares stay unknown (the estimate uses the default), and an unknown pricing basis is ignored", () => {
    const read = readFacts(project, { build_cost_basis: "per_sprint" }, "accounting");
    expect(read.buildCostBasis).toBeNull();
    expect(read.automatedSharePercent).toBeNull();
    expect(read.errorsPreventedPercent).toBeNull();
  });

  it("through the whole analysis, the missing price is named where the interview asks for it", () => {
    const analysis = analyse({
      project: { ...project, integrationType: "accounting" },
      answers: { hours_per_week: 22, hourly_cost: 45, development_hours: 160, build_cost_basis: "hourly" },
      questionnaire: QUESTIONNAIRE_V1,
    });
    const where = whereAnswered(QUESTIONNAIRE_V1, "build_cost_amount", project);
    expect(where).toMatch(/^\/intplan interview \d+ \(The agency's rate or fee \(USD\)\)$/);
    const section = where?.replace(/ \(.*$/, "");
    expect(analysis.roi.label).toContain(
      `needs the agency's price for the build — answer in ${section}: The agency's rate or fee (USD)`,
    );
  });
});

describe("the executive summary claims only the money the answers back", () => {
  const summary = (f: DiscoveryFacts) => {
    const timeline = estimateTimeline(f);
    const { timeSavings, roi } = estimateSavings(f, context(timeline.weeksToGoLive));
    return writeExecutiveSummary({ facts: f, timeline, timeSavings, roi, confidenceScore: 80 });
  };

  it("with the agency's price it gives the build cost and the payback after go-live", () => {
    expect(
      summary(
        acme({
          buildCostBasis: "hourly",
          buildCostAmount: 150,
          maintenanceHoursPerMonth: 4,
          supportHoursPerMonth: 2,
        }),
      ),
    ).toContain(
      "We expect it to save about 17.6 hours a week once live. At the agency's price of $24,000, it pays back about 9.5 months after go-live.",
    );
  });

  it("without it, no money is mentioned", () => {
    expect(summary(acme())).not.toContain("$");
  });
});

describe("a reviewer reads the money without a calculator", () => {
  /** QuickBooks with 2 manual hours a week and 10 hours of maintenance: the upkeep outweighs the saved work. */
  const losing = acme({
    manualHoursPerWeek: 2,
    buildCostBasis: "hourly",
    buildCostAmount: 150,
    maintenanceHoursPerMonth: 10,
    supportHoursPerMonth: 2,
  });

  it("running costs above the saved work are said plainly, with no negative dollar amount anywhere", () => {
    const { roi } = estimateSavings(losing, context(9));
    // 7 saved hours × $45 = $315 a month against 12 hours × $150 = $1,800: $1,485 short.
    expect(roi.label).toContain(
      "the maintenance and support cost $1,485 a month more than the work it saves, so it never pays back",
    );
    expect(roi.monthlyNetBenefit.label).toBe(
      "none: the maintenance and support cost $1,485 a month more than the work it saves " +
        "($315 of saved work less $1,800 of maintenance and support)",
    );
    expect(roi.payback.label).toBe(
      "never: the maintenance and support cost $1,485 a month more than the work it saves",
    );
    const everything = JSON.stringify(roi);
    expect(everything).not.toMatch(/\$-|-\$|−\$/);
  });

  it("a first year that only loses money states the loss, not a percentage", () => {
    const { roi } = estimateSavings(losing, context(9));
    expect(roi.firstYear.percent).toBeNull();
    expect(roi.firstYear.loss).toBe(38_701);
    expect(roi.firstYear.label).toBe(
      "no return: a first-year loss of $38,701 ($24,000 to build and $14,701 more in running cost than benefit " +
        "over the 9.9 months after go-live)",
    );
    expect(roi.label).not.toContain("first-year ROI");
  });

  it("a fixed fee leaves the upkeep uncosted, and every figure built on it says so", () => {
    const { roi } = estimateSavings(
      acme({
        buildCostBasis: "fixed",
        buildCostAmount: 18_000,
        maintenanceHoursPerMonth: 4,
        supportHoursPerMonth: 2,
      }),
      context(9),
    );
    expect(roi.monthlyNetBenefit.label).toBe(
      "$3,420 a month once live ($3,420 of saved work; maintenance and support not costed)",
    );
    expect(roi.payback.label).toBe("5.3 months after go-live (maintenance and support not costed)");
    expect(roi.firstYear.label).toContain("; maintenance and support not costed)");
    expect(roi.label).toBe(
      "$18,000 to build (the agency's fixed fee); about $3,420 a month once live (maintenance and support not costed); " +
        "pays back 5.3 months after go-live (maintenance and support not costed); " +
        `first-year ROI ${roi.firstYear.percent}% over 9.9 months of benefit (maintenance and support not costed)`,
    );
    expect(roi.assumptions).toContain(
      "Maintenance and support are not costed: the agency's fixed fee gives no hourly rate for the 6 maintenance and " +
        "support hours a month, so the net benefit, payback and first-year ROI leave them out",
    );
  });

  it("the executive summary's payback carries the same warning", () => {
    const f = acme({
      buildCostBasis: "fixed",
      buildCostAmount: 18_000,
      maintenanceHoursPerMonth: 6,
      supportHoursPerMonth: 0,
    });
    const timeline = estimateTimeline(f);
    const { timeSavings, roi } = estimateSavings(f, context(timeline.weeksToGoLive));
    expect(writeExecutiveSummary({ facts: f, timeline, timeSavings, roi, confidenceScore: 80 })).toContain(
      "months after go-live (maintenance and support not costed).",
    );
  });

  it("support not answered is left out and named with where to answer it, never counted as 0 hours", () => {
    const { roi } = estimateSavings(
      acme({ buildCostBasis: "daily", buildCostAmount: 1_200, maintenanceHoursPerMonth: 2 }),
      context(),
    );
    expect(roi.monthlyRunningCost.label).toBe(
      "$300 a month (2 maintenance hours a month at the agency's $150 an hour, its day rate over an 8-hour day); " +
        "support not answered yet — answer in /intplan interview: support_hours_per_month",
    );
    expect(roi.monthlyNetBenefit.label).toBe(
      "$3,120 a month once live ($3,420 of saved work less $300 of maintenance; support not answered yet)",
    );
    expect(roi.label).toContain(
      "about $3,120 a month once live, net of maintenance (support not answered yet)",
    );
    expect(roi.assumptions).toContain(
      "Support hours are not answered yet, so the net benefit, payback and first-year ROI leave them out " +
        "— answer in /intplan interview: support_hours_per_month",
    );
  });

  it("reads maintenance and support apart from the answers", () => {
    const read = readFacts(
      {
        clientName: "Acme",
        systemA: "Shopify",
        systemB: "Klaviyo",
        summary: null,
        volumeEstimate: null,
        targetGoLive: null,
      },
      { maintenance_hours_per_month: 2 },
      "marketing",
    );
    expect(read).toMatchObject({ maintenanceHoursPerMonth: 2, supportHoursPerMonth: null });
  });

  it("fewer errors come from the unrounded target rate: 4,000 records × (1.5% − 0.15%) = 54", () => {
    const { errorReduction } = estimateSavings(
      facts({ errorRatePercent: 1.5, monthlyVolume: 4_000 }),
      context(),
    );
    expect(errorReduction.toPercent).toBe(0.2);
    expect(errorReduction.fewerErrorsPerMonth).toBe(54);
  });

  it("where to answer is named once after the questions, never in parentheses inside parentheses", () => {
    const analysis = analyse({
      project: {
        clientName: "Acme",
        systemA: "WooCommerce",
        systemB: "ShipStation",
        summary: null,
        volumeEstimate: null,
        targetGoLive: null,
        integrationType: "fulfillment",
      },
      answers: { hours_per_week: 15, hourly_cost: 28 },
      questionnaire: QUESTIONNAIRE_V1,
    });
    const lines = [
      analysis.roi.label,
      analysis.roi.buildCost.needs,
      analysis.roi.pricingNeeds,
      analysis.roi.payback.needs,
      analysis.roi.monthlyRunningCost.needs,
      analysis.errorReduction.needs,
    ];
    for (const line of lines) expect(line).not.toContain(")))");
    expect(analysis.roi.pricingNeeds).toMatch(
      /^needs the agency's price for the build — answer in \/intplan interview \d+: How the agency prices the build and The agency's rate or fee \(USD\)$/,
    );
  });

  it("the direct running costs are said to be left out of the ROI", () => {
    expect(estimateSavings(acme(), context()).roi.assumptions).toContain(
      "Direct running costs (API fees, storage, processing) are listed in the Discovery Document and not counted",
    );
  });
});
