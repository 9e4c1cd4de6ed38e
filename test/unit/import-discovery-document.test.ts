import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getQuestionnaire } from "../../src/domain/questionnaire/definition.js";
import type { ImportProposal } from "../../src/import/import-proposal.js";
import { readImport } from "../../src/import/read-import.js";

const target = { questionnaire: getQuestionnaire(2), systemA: "Shopify Plus", systemB: "QuickBooks Online" };
const encode = (text: string) => new TextEncoder().encode(text);

async function read(name: string, text: string): Promise<ImportProposal> {
  const result = await readImport({ name, bytes: encode(text) }, target);
  if (!result.ok) throw new Error(`expected a proposal, got ${result.failure}: ${result.message}`);
  return result.proposal;
}

const acme = readFileSync(new URL("../fixtures/import/acme-discovery-document.md", import.meta.url), "utf8");
const seed = readFileSync("/work/shared/seeds/000_0e09284ac9c3bea7.txt", "utf8");

const answer = (proposal: ImportProposal, id: string) => proposal.answers.find((a) => a.questionId === id);
const value = (proposal: ImportProposal, id: string) => answer(proposal, id)?.value;

describe("Acme's PM imports the Deep Discovery Document they filled by hand", () => {
  it("lands the filled sections in the interview's answers, whatever their numbering or wording", async () => {
    const p = await read("acme-discovery-document.md", acme);
    expect(p.format).toBe("discovery-document");
    expect(value(p, "executive_summary")).toMatch(/^Acme Outdoor wants every Shopify Plus order/);
    expect(answer(p, "executive_summary")?.from).toBe("## 1. Executive Summary – Acme Outdoor Co.");
    expect(value(p, "current_state")).toMatch(/export yesterday's Shopify orders/);
    expect(value(p, "pain_points")).toEqual([
      "Orders reach the books a day late",
      "Roughly 3% of receipts have a wrong tax line",
      "Month-end payout reconciliation takes two full days",
    ]);
    expect(value(p, "dream_state")).toMatch(/already booked and reconciled/);
    expect(value(p, "mvp_benefits")).toEqual([
      "22 hours a week of manual entry removed",
      "Same-day revenue reporting",
    ]);
    expect(value(p, "future_benefits")).toEqual(["Daily close instead of monthly"]);
    expect(value(p, "strategic_advantage")).toBe("Real-time margins during promotions");
    expect(value(p, "review_notes")).toMatch(/payouts moved to phase 2/);
  });

  it("reads the user journey out of the template's code block, and skips the steps still in brackets", async () => {
    const p = await read("acme.md", acme);
    expect(value(p, "journey_trigger")).toBe("A customer pays for an order in the Shopify store");
    expect(value(p, "journey_system_response")).toBe("Shopify sends an orders/paid webhook");
    expect(value(p, "journey_data_processing")).toMatch(/^Map line items/);
    expect(value(p, "journey_business_outcome")).toBe("Revenue is booked the same day");
    expect(answer(p, "journey_integration_point")).toBeUndefined();
    expect(answer(p, "journey_user_feedback")).toBeUndefined();
    expect(value(p, "flow_error_case")).toMatch(/Orders queue/);
    expect(answer(p, "flow_partial_data")).toBeUndefined();
  });

  it("puts each API section under the system its heading names", async () => {
    const p = await read("acme.md", acme);
    expect(value(p, "system_a_auth_method")).toBe("oauth2");
    expect(value(p, "system_a_rate_limit")).toBe("1,000 GraphQL cost points per second");
    expect(value(p, "system_a_data_formats")).toEqual(["json", "graphql"]);
    expect(value(p, "system_a_sync_modes")).toEqual(["webhooks", "bulk_export"]);
    expect(value(p, "system_a_webhooks")).toBe("yes");
    expect(answer(p, "system_a_webhooks")?.from).toMatch(/it names webhooks/);
    expect(value(p, "system_a_sla")).toBe("99.99% platform uptime");
    expect(value(p, "system_b_auth_method")).toBe("oauth2");
    expect(value(p, "system_b_rate_limit")).toBe("500 requests per minute per company");
    expect(answer(p, "system_b_sla")).toBeUndefined();
  });

  it("matches headings whatever their case, numbering, ampersands or version marks", async () => {
    const doc = [
      "## Current State (v1)",
      "Keyed by hand.",
      "## VISION & DREAM STATE",
      "Nothing keyed by hand.",
      "### 2.1 immediate value (mvp):",
      "- 22 hours a week back",
    ].join("\n");
    const p = await read("headings.markdown", doc);
    expect(value(p, "current_state")).toBe("Keyed by hand.");
    expect(value(p, "dream_state")).toBe("Nothing keyed by hand.");
    expect(value(p, "mvp_benefits")).toEqual(["22 hours a week back"]);
  });

  it("reads API sections without a system name as the first system, then the second, and says so", async () => {
    const doc = [
      "## Technical Requirements",
      "### API Capabilities",
      "- **Authentication Method**: API key",
      "### API Capabilities",
      "- **Authentication Method**: Basic auth",
    ].join("\n");
    const p = await read("plain.md", doc);
    expect(value(p, "system_a_auth_method")).toBe("api_key");
    expect(answer(p, "system_a_auth_method")?.from).toMatch(/first API section is read as Shopify Plus/);
    expect(value(p, "system_b_auth_method")).toBe("basic");
    expect(answer(p, "system_b_auth_method")?.from).toMatch(
      /second API section is read as QuickBooks Online/,
    );
  });

  it("turns ticked checklists into the matching options and leaves unticked ones alone", async () => {
    const p = await read("acme.md", acme);
    expect(value(p, "sync_strategy")).toEqual(["realtime", "batch"]);
    expect(value(p, "auth_security_checks")).toEqual(["secure_credential_storage", "token_refresh"]);
    expect(value(p, "data_security_checks")).toEqual(["encryption_in_transit", "pii_handling"]);
    expect(answer(p, "compliance_checks")).toBeUndefined();
    expect(value(p, "external_dependencies")).toEqual(["api_access", "sandbox"]);
    expect(value(p, "user_docs")).toEqual(["setup_guide", "troubleshooting_guide"]);
    expect(p.unplaced).toContainEqual({
      where: "### Sync Strategy",
      text: 'Hybrid (mix of above) (not one of the options of "Sync strategy")',
    });
  });

  it("reads numbers only where the unit fits, converting hours a month to hours a week", async () => {
    const p = await read("acme.md", acme);
    expect(value(p, "target_sync_success_rate")).toBe(99.5);
    expect(value(p, "target_error_rate")).toBe(0.5);
    expect(value(p, "development_hours")).toBe(160);
    expect(value(p, "maintenance_hours_per_month")).toBe(6);
    expect(value(p, "revenue_impact")).toBe(1200);
    expect(value(p, "hours_per_week")).toBe(20.3);
    expect(answer(p, "hours_per_week")?.from).toBe(
      "### ROI Calculation › Time Saved (the time saved, read as the hours spent by hand today; 88 hours a month is 20.3 hours a week)",
    );
    expect(p.unplaced.map((u) => u.text)).toContain("Payback Period: 4 months");
  });

  it("refuses a number in the wrong unit rather than guessing", async () => {
    const p = await read(
      "costs.md",
      "## Cost Analysis\n### Indirect Costs\n- **Development Time**: $12,000\n- **Maintenance**: 4 hours/month\n",
    );
    expect(value(p, "maintenance_hours_per_month")).toBe(4);
    expect(answer(p, "development_hours")).toBeUndefined();
    expect(p.unplaced).toEqual([
      {
        where: "### Indirect Costs › Development Time",
        text: '$12,000 ("Development time (hours)" is in hours)',
      },
    ]);
  });

  it("fills the phases: the MVP's goal, features and criteria, and later phases as rows", async () => {
    const p = await read("acme.md", acme);
    expect(value(p, "mvp_goal")).toBe("Every paid order posted to QuickBooks Online within 15 minutes");
    expect(value(p, "mvp_features")).toEqual(["Paid order to sales receipt", "Refund to refund receipt"]);
    expect(value(p, "mvp_success_criteria")).toEqual(["99.5% of orders posted without manual help"]);
    expect(value(p, "later_phases")).toEqual([
      {
        phase: "Phase 2: Payouts",
        goal: "Reconcile Shopify Payments payouts to bank deposits",
        features: "Payout to deposit with fees",
      },
    ]);
    expect(value(p, "long_term_success_metrics")).toEqual(["Month-end close in one day"]);
  });

  it("makes a risk row only when the document states a likelihood, and keeps the others for the review", async () => {
    const p = await read("acme.md", acme);
    expect(value(p, "risks")).toEqual([
      {
        risk: "Tax totals differ between Shopify and QuickBooks (impact: Books off by cents on every order)",
        likelihood: "Medium",
        impact: "High",
        mitigation: "Post Shopify's tax lines as they are",
        owner: "",
      },
    ]);
    const medium = p.unplaced.find((u) => u.where === "### Medium Risks");
    expect(medium?.text).toMatch(/refresh token expires .*needs a likelihood/);
    expect(p.unplaced.some((u) => u.where === "### Low Risks")).toBe(false);
  });

  it("cannot pick people from names, so the stakeholders wait in unplaced with a hint", async () => {
    const p = await read("acme.md", acme);
    const stakeholders = p.unplaced.filter((u) => u.where === "### Stakeholders").map((u) => u.text);
    expect(stakeholders).toEqual([
      expect.stringMatching(/^Product Owner: Dana Smith \(a name cannot fill a person picker/),
      expect.stringMatching(/^Tech Lead: Priya Patel/),
    ]);
    expect(answer(p, "product_owner")).toBeUndefined();
  });

  it("fills a name and role table with the stakeholders when the questionnaire has one", async () => {
    const questionnaire = {
      version: 99,
      sections: [
        {
          id: "people",
          title: "People",
          questions: [
            {
              id: "stakeholders",
              kind: "table" as const,
              label: "Stakeholders",
              columns: [
                { id: "name", label: "Name" },
                { id: "role", label: "Role" },
                { id: "email", label: "Email", optional: true },
              ],
            },
          ],
        },
      ],
    };
    const doc =
      "## Approval & Sign-off\n### Stakeholders\n- **Product Owner**: Dana Smith - 2025-09-12\n- **QA Lead**: [Name] - [Date]\n";
    const result = await readImport({ name: "signoff.md", bytes: encode(doc) }, { ...target, questionnaire });
    expect(result.ok && result.proposal.answers).toEqual([
      {
        questionId: "stakeholders",
        value: [{ name: "Dana Smith", role: "Product Owner", email: "" }],
        from: "### Stakeholders",
      },
    ]);
  });

  it("reads a Markdown mapping table under Transformation Logic, and the labelled rules", async () => {
    const p = await read("acme.md", acme);
    expect(value(p, "field_mappings")).toEqual([
      { source_field: "order.name", target_field: "SalesReceipt.DocNumber", transformation: "as is" },
      { source_field: "order.total_price", target_field: "SalesReceipt.TotalAmt", transformation: "decimal" },
    ]);
    expect(value(p, "validation_rules")).toEqual([
      "Every SKU must exist as a QuickBooks item",
      "Totals must match to the cent",
    ]);
  });

  it("places most of what Acme wrote and leaves only a handful of parts for the review", async () => {
    const p = await read("acme.md", acme);
    expect(p.answers.length).toBeGreaterThanOrEqual(45);
    expect(p.unplaced.length).toBeLessThanOrEqual(8);
    expect(p.unplaced.some((u) => /Template Version/.test(u.text))).toBe(false);
  });

  it("finds nothing to import in the untouched template, and says what it expected", async () => {
    const result = await readImport({ name: "template.md", bytes: encode(seed) }, target);
    expect(result).toMatchObject({ ok: false, failure: "nothing_recognised" });
    if (!result.ok) expect(result.message).toMatch(/Deep Discovery Document in the template's layout/);
  });

  it("keeps a filled part under a heading it does not know, with that heading", async () => {
    const p = await read(
      "notes.txt",
      "## Executive Summary\nOrders to invoices.\n\n## Hosting Notes\nRuns on Fly.io\n",
    );
    expect(value(p, "executive_summary")).toBe("Orders to invoices.");
    expect(p.unplaced).toEqual([{ where: "## Hosting Notes", text: "Runs on Fly.io" }]);
  });
});
