import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { analyse } from "../../src/domain/analysis/analyse.js";
import type { DiscoveryFacts } from "../../src/domain/analysis/facts.js";
import { checkGoLive } from "../../src/domain/analysis/go-live.js";
import { describeVolume, readVolume } from "../../src/domain/analysis/monthly-volume.js";
import { planSchedule } from "../../src/domain/analysis/schedule.js";
import { estimateTimeline } from "../../src/domain/analysis/timeline.js";
import type { Answers } from "../../src/domain/questionnaire/answers.js";
import { QUESTIONNAIRE_V1 } from "../../src/domain/questionnaire/definition.js";
import { discoveryFacts as facts, systemFacts as system } from "../support/discovery-facts.js";

const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));
const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));
const example = (name: string): DocumentInput =>
  parseAnswersFile(JSON.parse(readFileSync(join(EXAMPLES_DIR, name), "utf8")));
const EXAMPLES = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".json"));
const quickbooks = example("shopify-quickbooks-accounting.json");
const renderer = createDocumentRenderer({
  templatesDir: TEMPLATES_DIR,
  now: () => new Date("2025-10-01T12:00:00.000Z"),
});

const analysed = (input: DocumentInput) =>
  analyse({ project: input.project, answers: input.answers, questionnaire: QUESTIONNAIRE_V1 });
const without = (input: DocumentInput, ...ids: string[]): DocumentInput => ({
  ...input,
  answers: Object.fromEntries(Object.entries(input.answers).filter(([id]) => !ids.includes(id))) as Answers,
});
const withProject = (input: DocumentInput, project: Partial<DocumentInput["project"]>): DocumentInput => ({
  ...input,
  project: { ...input.project, ...project },
});
const withAnswers = (input: DocumentInput, answers: Answers): DocumentInput => ({
  ...input,
  answers: { ...input.answers, ...answers },
});

const likelyPerPhase = (f: DiscoveryFacts) => estimateTimeline(f).phases.map((p) => p.weeks);

describe("a timeline that is a range", () => {
  it("a simple sync known well takes the base plan, and its worst case adds a contingency", () => {
    const timeline = estimateTimeline(facts());
    expect(timeline.phases.map((p) => [p.number, p.name, p.range])).toEqual([
      [1, "Discovery & Design", { best: 1, likely: 1, worst: 1 }],
      [2, "Development", { best: 2, likely: 2, worst: 3.5 }],
      [3, "Testing & Validation", { best: 1, likely: 1, worst: 1 }],
      [4, "Deployment", { best: 0.5, likely: 0.5, worst: 0.5 }],
      [5, "Post-Launch Support", { best: 2, likely: 2, worst: 2 }],
    ]);
    expect(timeline.total).toEqual({ best: 6.5, likely: 6.5, worst: 8 });
    expect(timeline.toGoLive).toEqual({ best: 4.5, likely: 4.5, worst: 6 });
    expect(timeline.weeksToGoLive).toBe(4.5);
    expect(timeline.label).toBe(
      "6.5 weeks likely (6.5 to 8): 4.5 to go-live (4.5 to 6), then 2 of post-launch support",
    );
    expect(timeline.drivers.map((d) => d.line)).toEqual([
      "+1.5 weeks at worst: a contingency of a quarter of the time to go-live, in Development, for what discovery has not found yet",
    ]);
  });

  it.each([
    [
      "three workflows",
      { workflows: ["a", "b", "c"] },
      [1, 3, 1.5, 0.5, 2],
      "+1.5 weeks: 3 workflows to build and test",
    ],
    [
      "a source without webhooks",
      { systemA: system("Legacy ERP", { webhooks: false }) },
      [1, 2.5, 1, 0.5, 2],
      "+0.5 weeks: Legacy ERP sends no webhooks, so changes must be polled",
    ],
    [
      "data migration, in the words of its scope",
      { hasDataMigration: true, migrationScope: "two years of orders" },
      [1, 3, 1.5, 1, 2],
      "+2 weeks: historical data to migrate (two years of orders)",
    ],
    [
      "high volume",
      { monthlyVolume: 20_000 },
      [1, 2, 1.5, 0.5, 2],
      "+0.5 weeks: high volume (20,000 records a month) needs performance testing",
    ],
    [
      "no batch API at high volume",
      { monthlyVolume: 20_000, systemB: system("Acme WMS", { batch: false }) },
      [1, 2.5, 2, 0.5, 2],
      "+1 week: no batch API on one side at high volume, so records go one call at a time",
    ],
    [
      "an XML-only target",
      { systemB: system("Acme WMS", { legacyFormats: true }) },
      [1, 2.5, 1.5, 0.5, 2],
      "+0.75 weeks: only XML or file-based data from Acme WMS",
    ],
  ] as const)("%s lengthens every end of the plan alike", (_, overrides, weeks, line) => {
    const timeline = estimateTimeline(facts(overrides as Partial<DiscoveryFacts>));
    expect(likelyPerPhase(facts(overrides as Partial<DiscoveryFacts>))).toEqual(weeks);
    const driver = timeline.drivers.find((d) => d.line === line);
    expect(driver?.assumed).toBe(false);
    expect(driver?.weeks.best).toBe(driver?.weeks.likely);
  });

  it("an unknown driver is assumed in likely and worst, left out of best, and says where it is answered", () => {
    const timeline = estimateTimeline(facts({ workflows: [] }), (id) =>
      id === "workflows" ? "/intplan interview 3 (Workflows)" : null,
    );
    const driver = timeline.drivers.find((d) => d.assumed);
    expect(driver).toMatchObject({
      weeks: { best: 0, likely: 1.5, worst: 3 },
      answerAt: "/intplan interview 3 (Workflows)",
    });
    expect(driver?.line).toBe(
      "+1.5 weeks assumed, up to 3 weeks: no workflows listed yet: 3 assumed, 5 at worst (/intplan interview 3 (Workflows))",
    );
    expect(timeline.total.best).toBe(6.5);
    expect(timeline.total.likely).toBe(8);
  });

  const highVolume = { monthlyVolume: 20_000 };
  it.each([
    ["the workflows", {}, { workflows: [] }],
    ["the migration answer", {}, { hasDataMigration: null }],
    ["the source's webhooks", {}, { systemA: system("Shopify", { webhooks: null }) }],
    ["batch support at high volume", highVolume, { ...highVolume, systemB: system("QBO", { batch: null }) }],
    ["the volume", {}, { monthlyVolume: null, volumeText: null }],
  ] as const)("not knowing %s widens the range: best stays, likely and worst grow", (_, base, unknown) => {
    const known = estimateTimeline(facts(base));
    const unsure = estimateTimeline(facts(unknown as Partial<DiscoveryFacts>));
    expect(unsure.total.best).toBe(known.total.best);
    expect(unsure.total.likely).toBeGreaterThan(known.total.likely);
    expect(unsure.total.worst).toBeGreaterThan(known.total.worst);
  });

  it("confidence no longer pads the plan: the unknowns themselves do", () => {
    expect(estimateTimeline.length).toBeLessThanOrEqual(2);
    expect(estimateTimeline(facts()).drivers.some((d) => /confidence/.test(d.reason))).toBe(false);
  });

  it("every phase at every end is a whole or half number of weeks, best ≤ likely ≤ worst", () => {
    const f = facts({
      workflows: [],
      hasDataMigration: null,
      monthlyVolume: null,
      plannedStart: "2025-11-20",
    });
    for (const { range } of estimateTimeline(f).phases) {
      for (const w of [range.best, range.likely, range.worst]) expect(w * 2).toBe(Math.round(w * 2));
      expect(range.best).toBeLessThanOrEqual(range.likely);
      expect(range.likely).toBeLessThanOrEqual(range.worst);
    }
  });
});

describe("the range never shrinks with unknowns, on the examples", () => {
  const ends = (input: DocumentInput) => {
    const { timeline } = analysed(input);
    return { likely: timeline.total.likely, worst: timeline.total.worst, toGoLive: timeline.toGoLive };
  };

  it("removing the workflows and the migration answers from the QuickBooks example does not shorten it", () => {
    const full = ends(quickbooks);
    const removed = ends(without(quickbooks, "workflows", "migration_needed", "migration_scope"));
    expect(removed.likely).toBeGreaterThanOrEqual(full.likely);
    expect(removed.worst).toBeGreaterThan(full.worst);
    expect(removed.toGoLive.likely).toBeGreaterThanOrEqual(full.toGoLive.likely);
    expect(removed.toGoLive.worst).toBeGreaterThan(full.toGoLive.worst);
  });

  it.each(EXAMPLES)(
    "removing any one driver's answers from %s never lowers the likely or worst end",
    (file) => {
      const input = example(file);
      const full = ends(input);
      for (const ids of [
        ["workflows"],
        ["migration_needed"],
        ["system_a_webhooks"],
        [
          "system_a_batch_operations",
          "system_a_sync_modes",
          "system_b_batch_operations",
          "system_b_sync_modes",
        ],
        ["data_volume"],
      ]) {
        const removed = ends(
          withProject(without(input, ...ids), ids.includes("data_volume") ? { volumeEstimate: null } : {}),
        );
        expect(removed.likely, `without ${ids.join(", ")}`).toBeGreaterThanOrEqual(full.likely);
        expect(removed.worst, `without ${ids.join(", ")}`).toBeGreaterThanOrEqual(full.worst);
      }
    },
  );

  it.each(EXAMPLES)("an empty project is never estimated shorter than %s", (file) => {
    const input = example(file);
    const empty = ends(withProject({ ...input, answers: {} }, { volumeEstimate: null }));
    const filled = ends(input);
    expect(empty.likely).toBeGreaterThanOrEqual(filled.likely);
    expect(empty.worst).toBeGreaterThanOrEqual(filled.worst);
  });
});

describe("volumes read with their unit", () => {
  it.each([
    [
      "450 orders a day, 1,800 a day at peak",
      13_500,
      { amount: 450, per: "day" },
      { amount: 1_800, per: "day" },
    ],
    [
      "About 450 orders a day, 1,800 at Black Friday peak",
      13_500,
      { amount: 450, per: "day" },
      { amount: 1_800, per: "day" },
    ],
    [
      "900 orders a week, 1,500 a week in December",
      3_900,
      { amount: 900, per: "week" },
      { amount: 1_500, per: "week" },
    ],
    ["Peak 3k orders/hour on Black Friday", null, null, { amount: 3_000, per: "hour" }],
    ["40 orders an hour", 28_800, { amount: 40, per: "hour" }, null],
    [
      "60,000 customer profiles, about 4,000 new orders a month",
      4_000,
      { amount: 4_000, per: "month" },
      null,
    ],
  ] as const)("%j: %j a month", (text, perMonth, usual, peak) => {
    expect(readVolume(text)).toEqual({ perMonth, usual, peak });
  });

  it("a peak is never the month's throughput: 3k an hour on Black Friday is not 2,160,000 a month", () => {
    expect(readVolume("Peak 3k orders/hour on Black Friday").perMonth).not.toBe(2_160_000);
  });

  it("the plan shows how the volume was read", () => {
    expect(describeVolume(readVolume("450 orders a day, 1,800 a day at peak"))).toBe(
      "read as about 13,500 records a month (450 a day), peak 1,800 a day",
    );
    expect(describeVolume(readVolume("Peak 3k orders/hour on Black Friday"))).toBe(
      "no usual rate given, only a peak of 3,000 an hour",
    );
    expect(renderer.renderPlan(quickbooks)).toContain(
      "- **Data Volume**: 450 orders a day, 1,800 a day at peak — read as about 13,500 records a month (450 a day), peak 1,800 a day",
    );
  });
});

describe("planned dates", () => {
  it("each phase starts when the one before ends, counted from the planned start over the likely weeks", () => {
    const timeline = estimateTimeline(facts({ workflows: ["a", "b", "c"] }));
    const schedule = planSchedule(timeline, "2025-09-01");
    expect(schedule.phases.map((p) => [p.number, p.start, p.end])).toEqual([
      [1, "2025-09-01", "2025-09-08"],
      [2, "2025-09-08", "2025-09-29"],
      [3, "2025-09-29", "2025-10-10"],
      [4, "2025-10-10", "2025-10-13"],
      [5, "2025-10-13", "2025-10-27"],
    ]);
    expect(schedule.likelyGoLive).toBe("2025-10-13");
    expect(schedule.worstGoLive > schedule.likelyGoLive).toBe(true);
  });

  it("the planned start answer wins over the creation date", () => {
    const input = withAnswers(quickbooks, { planned_start: "2025-09-15" });
    expect(analysed(input).schedule?.start).toBe("2025-09-15");
    expect(analysed(quickbooks).schedule?.start).toBe("2025-09-01");
  });

  it("the plan's phase headers carry their likely dates and ranges", () => {
    const plan = renderer.renderPlan(quickbooks);
    expect(plan).toContain(
      "**Duration**: 1 week likely (best 1 week, worst 1 week)  \n**Planned**: 2025-09-01 to 2025-09-08",
    );
    expect(plan).toContain("**Planned**: 2025-10-27 to 2025-11-03");
  });

  it("a schedule crossing Christmas–New Year allows a holiday week in the phase it falls in", () => {
    const autumn = estimateTimeline(facts({ plannedStart: "2025-09-01" }));
    const winter = estimateTimeline(facts({ plannedStart: "2025-12-01" }));
    expect(autumn.drivers.some((d) => /Christmas/.test(d.reason))).toBe(false);
    const holiday = winter.drivers.find((d) => /Christmas/.test(d.reason));
    expect(holiday?.line).toBe("+1 week: the Christmas–New Year holidays fall in Testing & Validation");
    expect(winter.phases[2]?.weeks).toBe(2);
    expect(winter.total.likely).toBe(autumn.total.likely + 1);
  });
});

describe("go-live checked against the estimate", () => {
  const schedule = (start: string, f: DiscoveryFacts) => planSchedule(estimateTimeline(f), start);
  const f = facts({ plannedStart: "2025-09-01" });
  const plan = schedule("2025-09-01", f); // likely 2025-10-03, worst 2025-10-13

  it.each([
    ["2025-09-22", "not-achievable"],
    ["2025-10-03", "at-risk"],
    ["2025-10-10", "at-risk"],
    ["2025-10-13", "achievable"],
    ["2025-12-01", "achievable"],
  ] as const)("a target of %s is %s", (target, verdict) => {
    expect(plan.likelyGoLive).toBe("2025-10-03");
    expect(plan.worstGoLive).toBe("2025-10-13");
    expect(checkGoLive({ ...f, targetGoLive: target }, plan).verdict).toBe(verdict);
  });

  it("a go-live three weeks after creation is called out as not achievable, as a risk and an open question", () => {
    const input = withProject(quickbooks, { targetGoLive: "2025-09-22" });
    const analysis = analysed(input);
    expect(analysis.goLive.verdict).toBe("not-achievable");
    expect(analysis.executiveSummary).toContain(
      "The target go-live of 2025-09-22 cannot be met: the likely go-live is 2025-11-03, and 2025-11-21 at worst.",
    );
    expect(analysis.openQuestions.map((q) => q.question)).toContain(
      "Can the go-live move from 2025-09-22 to 2025-11-03 or later, or what should the MVP leave out to meet 2025-09-22?",
    );
    const planText = renderer.renderPlan(input);
    expect(planText).toContain(
      "| Go-live 2025-09-22 cannot be met: the likely go-live is 2025-11-03 | High | High |",
    );
    expect(planText).toContain(
      "- **Go-live**: target 2025-09-22; likely 2025-11-03, 2025-11-21 at worst: not achievable",
    );
    expect(renderer.renderDiscovery(input)).toContain("The target go-live of 2025-09-22 cannot be met");
  });

  it("a target between the likely and the worst go-live is said to be at risk", () => {
    const analysis = analysed(quickbooks);
    expect(analysis.goLive.verdict).toBe("at-risk");
    expect(analysis.executiveSummary).toContain("The target go-live of 2025-11-03 is at risk");
    expect(analysis.goLive.risks[0]?.risk).toBe(
      "Go-live 2025-11-03 is at risk: the worst case is 2025-11-21",
    );
  });

  it("without a target, the likely go-live is said and nothing is judged", () => {
    const analysis = analysed(withProject(without(quickbooks, "mvp_target_date"), { targetGoLive: null }));
    expect(analysis.goLive.verdict).toBeNull();
    expect(analysis.goLive.label).toBe("no target set; likely 2025-11-03, 2025-11-21 at worst");
  });

  it("the MVP target date answer is the go-live when the project has none", () => {
    const analysis = analysed(withProject(quickbooks, { targetGoLive: null }));
    expect(analysis.goLive.target).toBe("2025-11-03");
  });
});

describe("go-live against blackout and peak dates", () => {
  const schedule = planSchedule(estimateTimeline(facts()), "2025-09-01");
  const at = (targetGoLive: string, more: Partial<DiscoveryFacts> = {}) =>
    checkGoLive({ ...facts(), targetGoLive, ...more }, schedule);
  const freeze = { starts: "2025-11-10", ends: "2025-12-02", reason: "the store's change freeze" };

  it.each([
    ["2025-11-15", 0, "falls inside the store's change freeze (2025-11-10 to 2025-12-02)"],
    ["2025-11-03", 7, "is only 7 days before the store's change freeze (2025-11-10 to 2025-12-02)"],
    ["2025-10-27", 14, "is only 14 days before the store's change freeze (2025-11-10 to 2025-12-02)"],
  ])("a go-live on %s is flagged (%i days before)", (target, daysBefore, words) => {
    const check = at(target, { blackouts: [freeze] });
    expect(check.flags).toEqual([{ goLive: target, period: freeze, daysBefore }]);
    expect(check.risks.map((r) => r.risk)).toContain(`Go-live ${target} ${words}`);
    expect(check.questions.at(-1)).toBe(
      "Can the go-live move to 2025-10-27 or earlier, or to after 2025-12-02, clear of the store's change freeze?",
    );
  });

  it.each(["2025-10-26", "2025-12-03"])("a go-live on %s, clear of it, is not flagged", (target) => {
    expect(at(target, { blackouts: [freeze] }).flags).toEqual([]);
  });

  it("Black Friday to Cyber Monday, named in the answers, is computed for the year", () => {
    expect(at("2025-11-20", { peakSeasons: ["black-friday"] }).flags[0]?.period).toEqual({
      starts: "2025-11-28",
      ends: "2025-12-01",
      reason: "Black Friday to Cyber Monday",
    });
    expect(at("2026-11-20", { peakSeasons: ["black-friday"] }).flags[0]?.period.starts).toBe("2026-11-27");
    expect(at("2025-11-01", { peakSeasons: ["black-friday"] }).flags).toEqual([]);
  });

  it("Christmas, named in the answers, flags a go-live just before it", () => {
    const check = at("2025-12-18", { peakSeasons: ["christmas"] });
    expect(check.flags[0]?.period).toEqual({
      starts: "2025-12-24",
      ends: "2026-01-01",
      reason: "Christmas and New Year",
    });
    expect(check.statements).toContain(
      "The target go-live of 2025-12-18 is only 6 days before Christmas and New Year (2025-12-24 to 2026-01-01), too little time to settle before it.",
    );
  });

  it("the QuickBooks example's go-live, a week before its Black Friday freeze, is flagged in both documents", () => {
    const analysis = analysed(quickbooks);
    expect(analysis.facts.peakSeasons).toContain("black-friday");
    expect(analysis.goLive.flags.map((f) => f.daysBefore)).toEqual([7]);
    const sentence =
      "The target go-live of 2025-11-03 is only 7 days before the store's change freeze for Black Friday to Cyber Monday (2025-11-10 to 2025-12-02)";
    expect(renderer.renderPlan(quickbooks)).toContain(sentence);
    expect(renderer.renderDiscovery(quickbooks)).toContain(sentence);
  });
});

describe("one go-live across both documents", () => {
  it("the Discovery Document's MVP goes live when the plan says, and later phases are not given invented weeks", () => {
    const discovery = renderer.renderDiscovery(quickbooks);
    expect(discovery).toContain("### Phase 1: MVP (Week 9: go-live 2025-11-03)");
    expect(discovery).toContain(
      "**Go-live**: target 2025-11-03; likely 2025-11-03, 2025-11-21 at worst: at risk",
    );
    expect(discovery).toContain(
      "### Phase 2: Enhanced (Week 10 on: after the MVP's go-live, not yet estimated)",
    );
    expect(discovery).toContain("### Phase 3: Advanced (Week 10 on: after Phase 2, not yet estimated)");
    expect(discovery).not.toContain("(Week 11)");
    expect(renderer.renderPlan(quickbooks)).toContain(
      "- **Go-live**: target 2025-11-03; likely 2025-11-03, 2025-11-21 at worst: at risk",
    );
  });
});
