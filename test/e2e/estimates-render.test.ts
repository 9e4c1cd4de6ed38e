import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli.js";

/**
 * Issue 13's "done when", as a PM would check it: the plan rendered offline with `npm run render` (the same
 * code path, runCli) from the examples and from variations of them.
 */

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "intplan-render-"));

type AnswersFile = {
  project: Record<string, unknown> & { createdAt: string };
  answers: Record<string, unknown>;
} & Record<string, unknown>;

const example = (name: string): AnswersFile =>
  JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), "utf8")) as AnswersFile;

let files = 0;
/** Renders the plan of an answers file exactly as `npm run render -- --answers <file> --doc plan` does. */
function renderPlan(file: AnswersFile): string {
  const path = join(dir, `variation-${++files}.json`);
  writeFileSync(path, JSON.stringify(file));
  return runCli(["render", "--answers", path, "--doc", "plan"]);
}

const without = (file: AnswersFile, ...ids: string[]): AnswersFile => ({
  ...file,
  answers: Object.fromEntries(Object.entries(file.answers).filter(([id]) => !ids.includes(id))),
});

/** "11 weeks likely (11 to 13.5)" → likely 11, best 11, worst 13.5, from the plan's key facts. */
function timelineOf(plan: string): { likely: number; best: number; worst: number } {
  const match = /\*\*Timeline\*\*: ([\d.]+) weeks? likely \(([\d.]+) to ([\d.]+)\)/.exec(plan);
  if (!match) throw new Error(`No timeline range in the plan's key facts:\n${plan.slice(0, 2000)}`);
  const [, likely, best, worst] = match.map(Number);
  return { likely: likely ?? 0, best: best ?? 0, worst: worst ?? 0 };
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe("npm run render: numbers a PM can defend in front of a client", () => {
  const quickbooks = example("shopify-quickbooks-accounting");

  it("prices development at the agency's rate, never at the client's clerk rate", () => {
    const plan = renderPlan(quickbooks);
    // 160 development hours: $24,000 at the agency's $150, never $7,200 at the client's $45.
    expect(plan).toContain("$24,000 to build (160 development hours at the agency's $150 an hour)");
    expect(plan).not.toContain("$7,200");

    const noAgencyPrice = renderPlan(without(quickbooks, "build_cost_basis", "build_cost_amount"));
    expect(noAgencyPrice).not.toMatch(/\$[\d,]+ to build/);
    expect(noAgencyPrice).not.toContain("$7,200");
    expect(noAgencyPrice).toContain("/intplan interview 12 (How the agency prices the build)");
  });

  it("gives the timeline as a range whose likely and upper ends never drop when drivers are removed", () => {
    const full = timelineOf(renderPlan(quickbooks));
    expect(full.best).toBeLessThanOrEqual(full.likely);
    expect(full.likely).toBeLessThanOrEqual(full.worst);
    const variations = [
      without(quickbooks, "workflows"),
      without(quickbooks, "migration_needed", "migration_scope", "migration_time"),
      without(quickbooks, "workflows", "migration_needed", "migration_scope", "migration_time"),
      without(quickbooks, "system_a_webhooks", "system_b_webhooks", "data_volume"),
      { ...quickbooks, answers: {} },
    ];
    for (const variation of variations) {
      const timeline = timelineOf(renderPlan(variation));
      expect(timeline.likely).toBeGreaterThanOrEqual(full.likely);
      expect(timeline.worst).toBeGreaterThanOrEqual(full.worst);
    }
  });

  it("calls a go-live three weeks after creation not achievable, plainly, as a risk and as a question", () => {
    const rushed = {
      ...quickbooks,
      project: { ...quickbooks.project, targetGoLive: addDays(quickbooks.project.createdAt, 21) },
    };
    const plan = renderPlan(rushed);
    const summary = plan.slice(plan.indexOf("## EXECUTIVE SUMMARY"), plan.indexOf("**Key Facts**"));
    expect(summary).toContain(`The target go-live of ${rushed.project.targetGoLive} cannot be met`);
    expect(plan).toMatch(new RegExp(`\\| Go-live ${rushed.project.targetGoLive} cannot be met`));
    expect(plan).toMatch(new RegExp(`- Can the go-live move from ${rushed.project.targetGoLive} .*\\?`));
  });

  it("classifies a NetSuite → Shopify stock-level sync as inventory, and says why", () => {
    const stockSync: AnswersFile = {
      ...quickbooks,
      project: {
        ...quickbooks.project,
        systemA: "NetSuite",
        systemB: "Shopify",
        integrationType: null,
        summary: "Keep Shopify's stock levels in line with NetSuite.",
      },
      answers: { workflows: ["Sync stock levels from NetSuite to Shopify every 15 minutes"] },
    };
    expect(renderPlan(stockSync)).toMatch(
      /\*\*Integration Type\*\*: Inventory _\(auto-detected; Inventory: /,
    );
  });

  it("shows the estimate basis: timeline drivers, confidence reasons and ROI assumptions", () => {
    const plan = renderPlan(quickbooks);
    const basis = plan.slice(
      plan.indexOf("### 1.4 Estimate Basis"),
      plan.indexOf("## 2. IMPLEMENTATION PHASES"),
    );
    expect(basis).toContain("+2 weeks: historical data to migrate");
    expect(basis).toMatch(/\*\*Confidence \(\d+%\)\*\*/);
    expect(basis).toContain("webhooks confirmed on both sides");
    expect(basis).toContain("80% of today's manual work is automated: the default");
    expect(basis).toContain("Benefits start at go-live");
    expect(plan).not.toContain("100% confidence");
  });
});
