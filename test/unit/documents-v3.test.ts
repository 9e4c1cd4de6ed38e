import { describe, expect, it } from "vitest";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import { DOCUMENT_KINDS } from "../../src/domain/document-kinds.js";
import { accounting, onVersion3, renderer, withAnswers } from "../support/example-documents.js";

/** The accounting example moved to version 3, and the version 3 facts its PM then answered. */
const moved = onVersion3(accounting);
const answered = withAnswers(moved, {
  ...moved.answers,
  entity_sync_rules: [
    {
      entity: "Customer",
      direction: "both ways",
      system_of_record: "QuickBooks Online",
      conflict_rule: "QuickBooks wins",
    },
    {
      entity: "Order",
      direction: "Shopify → QuickBooks",
      system_of_record: "Shopify Plus",
      conflict_rule: "",
    },
  ],
  record_matching: "Customers matched on email; duplicates go to a review list.",
  build_approach: "custom",
  environments_access: [
    {
      environment: "Sandbox",
      system: "QuickBooks Online",
      provided_by: "Dana (client IT)",
      needed_by: "2025-10-06",
    },
  ],
  credentials_owner: [{ system: "Shopify Plus", owner: "the client's Partner app", note: "" }],
  cutover_parallel_run: "One week, totals compared every morning.",
  cutover_backfill: "Orders since the last manual entry, synced once at go-live.",
  manual_process_switch_off: "After 5 clean days; the finance lead decides.",
  client_budget: "USD 25,000, fixed",
  client_stakeholders: [
    { name: "Dana Ortiz", role: "Product owner", email: "dana@acme.example" },
    { name: "Lee Park", role: "IT lead", email: "" },
  ],
});
const render = (kind: (typeof DOCUMENT_KINDS)[number], input = answered) => renderer.render(kind, input);

describe("the documents of a project moved to questionnaire version 3", () => {
  it.each(DOCUMENT_KINDS)(
    "the %s renders cleanly with the accounting example's answers carried over",
    (kind) => {
      assertCleanDocument(renderer.render(kind, moved));
    },
  );

  it("the carried-over documents send each version 3 fact to its interview section", () => {
    const plan = renderer.render("plan", moved);
    expect(plan).toContain(
      "**Build approach**: _not answered yet: /intplan interview 7 (iPaaS or custom build)_",
    );
    expect(renderer.render("runbook", moved)).toContain(
      "- **Parallel run**: _not answered yet: /intplan interview 14 (Parallel run)_",
    );
  });

  it("the plan's approach says which system owns each record, and its dependencies who gives access by when", () => {
    const plan = render("plan");
    const approach = plan.slice(plan.indexOf("### 1.3"), plan.indexOf("### 1.4"));
    expect(approach).toContain("**Build approach**: Custom build");
    expect(approach).toContain("| Customer | both ways | QuickBooks Online | QuickBooks wins |");
    expect(approach).toContain("| Order | Shopify → QuickBooks | Shopify Plus | not stated |");
    expect(approach).toContain("Customers matched on email");
    const access = plan.slice(plan.indexOf("### 4.1"), plan.indexOf("### 4.2"));
    expect(access).toContain(
      "- Sandbox access to QuickBooks Online, provided by Dana (client IT) by 2025-10-06",
    );
    expect(access).toContain("- Shopify Plus credentials held in the client's Partner app's account");
  });

  it("the specs' sync strategy has the system of record and conflict rules", () => {
    const specs = render("specs");
    const sync = specs.slice(specs.indexOf("## 3. Sync Strategy"), specs.indexOf("## 4."));
    expect(sync).toContain("| Customer | both ways | QuickBooks Online | QuickBooks wins |");
    expect(sync).toContain("**Matching existing records**: Customers matched on email");
  });

  it("the SOW names the client's people, what the client provides and the budget", () => {
    const sow = render("sow");
    const parties = sow.slice(sow.indexOf("## 1."), sow.indexOf("## 2."));
    expect(parties).toContain("- **Product owner**: Dana Ortiz (dana@acme.example)");
    expect(parties).toContain("- **IT lead**: Lee Park");
    const provides = sow.slice(sow.indexOf("**5.2"), sow.indexOf("**5.3"));
    expect(provides).toContain(
      "- Sandbox access to QuickBooks Online, provided by Dana (client IT) by 2025-10-06",
    );
    expect(sow).toContain("**The client's budget**: USD 25,000, fixed");
  });

  it("the runbook says how the client cuts over", () => {
    const runbook = render("runbook");
    expect(runbook).toContain("### 3.1 Cut-over");
    expect(runbook).toContain("- **Parallel run**: One week, totals compared every morning.");
    expect(runbook).toContain(
      "- **Switching off the manual process**: After 5 clean days; the finance lead decides.",
    );
  });

  it("the discovery document is worded for an agency, with the client's people in the sign-off", () => {
    const discovery = render("discovery");
    assertCleanDocument(discovery);
    expect(discovery).toContain("## Current State\n");
    expect(discovery).not.toContain("Current State (v1)");
    expect(discovery).not.toContain("UX Designer");
    expect(discovery).toContain("## What the Client's Staff See");
    const signOff = discovery.slice(
      discovery.indexOf("## Approval & Sign-off"),
      discovery.indexOf("### Review Notes"),
    );
    expect(signOff).toContain(
      "- **Product owner**: Dana Ortiz (dana@acme.example) - _TBD: not signed off yet_",
    );
    // Shown in their sections, so not again under Planning Details.
    const planning = discovery.slice(discovery.indexOf("## Planning Details"));
    expect(planning).not.toContain("Client-side stakeholders");
    expect(planning).toContain("Parallel run");
  });

  it("asks each security fact once: the boxes whose fact a text question asks are gone", () => {
    const discovery = render("discovery");
    const security = discovery.slice(
      discovery.indexOf("### Data Security"),
      discovery.indexOf("## Performance"),
    );
    expect(security).not.toMatch(/\] PII handling|\] Audit logging|\] Data residency|\] Data retention/);
    expect(security).toContain("- **PII handling**:");
    expect(security).toContain("- **Audit logging**:");
  });
});

describe("a version 2 project's documents", () => {
  it("show what only version 3 asks as not asked, where to write it", () => {
    expect(renderer.render("sow", accounting)).toContain(
      "**The client's budget**: _not answered yet: /intplan edit sow_",
    );
    expect(renderer.render("discovery", accounting)).toContain("## Current State (v1)");
  });
});
