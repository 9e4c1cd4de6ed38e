import { describe, expect, it } from "vitest";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { accounting, fulfillment, onVersion1, renderer, withAnswers } from "../support/example-documents.js";

const runbook = (input: DocumentInput) => renderer.render("runbook", input);

const SECTIONS = [
  "1. Deployment Window and Communications",
  "2. Pre-deployment Checklist",
  "3. Deployment Steps",
  "4. Verification",
  "5. Rollback",
  "6. Contacts and Escalation",
];
const headings = (markdown: string) => [...markdown.matchAll(/^## (\d+\. .+)$/gm)].map(([, h]) => h);
const sectionOf = (markdown: string, heading: string) => {
  const start = markdown.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
};
/** A person as a rendered document names them, before presentation: a token only the `user` helper writes. */
const person = (id: string) => `\uE000@${id}\uE001`;
const checklistLines = (markdown: string) => markdown.split("\n").filter((l) => /^- \[[ x]\] /.test(l));

describe("the Deployment Runbook of a full interview (Shopify Plus → QuickBooks Online)", () => {
  const doc = runbook(accounting);

  it("is clean canvas Markdown naming the client and both systems, with its six sections in order", () => {
    assertCleanDocument(doc);
    expect(doc).toContain("# DEPLOYMENT RUNBOOK");
    expect(doc).toContain("Shopify Plus ↔ QuickBooks Online");
    expect(doc).toContain("**Client**: Acme Outdoor Co.");
    expect(headings(doc)).toEqual(SECTIONS);
    expect(doc.indexOf("**Document Control**")).toBeGreaterThan(doc.indexOf("## 6. Contacts"));
    // The example is on version 2, which does not ask the cut-over (version 3 does): only that is open.
    expect(doc.replaceAll("_not answered yet: /intplan edit runbook_", "")).not.toMatch(/_not answered yet/);
  });

  it("gives the window, the strategy, the target go-live and who is told", () => {
    const window = sectionOf(doc, "1. Deployment Window and Communications");
    expect(window).toContain("- **Target go-live**: 2025-11-03");
    expect(window).toContain("- **Deployment window**: Sunday 06:00–08:00 US Eastern");
    expect(window).toContain("- **Deployment strategy**: Behind a feature flag");
    expect(window).toContain("- Acme finance team: email two days before and on completion");
    expect(window).toContain("- Acme customer service: Slack message the morning of the release");
    // The go-live check's warnings travel with the date.
    expect(window).toContain("change freeze for Black Friday to Cyber Monday");
  });

  it("checks UAT, credentials in the secret manager, monitoring, the rollback, the migration and the client before starting", () => {
    const lines = checklistLines(sectionOf(doc, "2. Pre-deployment Checklist"));
    expect(lines).toEqual([
      "- [ ] UAT signed off by Acme Outdoor Co.: every UAT case passed and signed (Test Cases, section 8)",
      "- [ ] Production environment set up on AWS (us-east-1)",
      "- [ ] Production API credentials for Shopify Plus and QuickBooks Online stored in AWS Secrets Manager, never in code or chat",
      "- [ ] Monitoring and alerts live in production: Datadog, alerts going to #acme-integration and PagerDuty (business hours)",
      "- [ ] Rollback (section 5) rehearsed outside production, within 15 minutes",
      "- [ ] Historical data migrated and reconciled before the integration is switched on: All paid orders since 1 July 2025, the start of the fiscal year (approach: Bulk export from Shopify, post through the same mapping in a throttled backfill, then compare monthly totals with the finance team; time allowed: 2 days including verification)",
      "- [ ] Acme Outdoor Co. told the deployment window and agreed to it, and everyone in section 1 told",
    ]);
  });

  it("ticks a check once the plan's task for it is done", () => {
    const ticked = runbook({ ...accounting, ticked: ["p3.exit.uat", "p4.prod-credentials"] });
    const lines = checklistLines(sectionOf(ticked, "2. Pre-deployment Checklist"));
    expect(lines.filter((l) => l.startsWith("- [x]"))).toEqual([
      "- [x] UAT signed off by Acme Outdoor Co.: every UAT case passed and signed (Test Cases, section 8)",
      "- [x] Production API credentials for Shopify Plus and QuickBooks Online stored in AWS Secrets Manager, never in code or chat",
    ]);
    const stored = runbook({
      ...accounting,
      checklist: [{ key: "p4.window", done: true, scope: "in", scopedBy: null, scopedAt: null }],
    });
    expect(stored).toContain("- [x] Acme Outdoor Co. told the deployment window");
    expect(stored).toContain("- [ ] UAT signed off");
  });

  it("numbers the deployment steps as answered", () => {
    const steps = sectionOf(doc, "3. Deployment Steps");
    const answered = accounting.answers.deployment_steps as string[];
    answered.forEach((step, i) => {
      expect(steps).toContain(`\n${i + 1}. ${step}\n`);
    });
  });

  it("verifies each workflow against its Technical Specifications section, the first sync's volume and the dashboards", () => {
    const verification = sectionOf(doc, "4. Verification");
    (accounting.answers.workflows as string[]).forEach((workflow, i) => {
      expect(verification).toContain(`- [ ] ${workflow}: ran in production at least once`);
      expect(verification).toContain(`(Technical Specifications, section 5.${i + 1})`);
    });
    expect(verification).toContain(
      "the expected volume: 450 orders a day, 1,800 a day at peak — read as about 13,500 records a month",
    );
    expect(verification).toContain("- **Dashboard**: https://app.datadoghq.com/dashboard/acme-shopify-qbo");
    expect(verification).toContain("- **Logs**: CloudWatch log group /acme/shopify-qbo");
    expect(verification).toContain("- **Monitoring**: Datadog");
    expect(verification).toContain("- **Close monitoring after go-live**: 72 hours");
  });

  it("rolls back on the trigger, by the strategy's switch, within the time answered", () => {
    const rollback = sectionOf(doc, "5. Rollback");
    expect(rollback).toContain("**Trigger**: More than 2% of orders fail to post in the first hour");
    expect(rollback).toContain("**Time allowed**: 15 minutes");
    expect(rollback).toContain("2. Switch the feature flag off, so the integration stops syncing");
    expect(rollback).toContain("Nightly reconciliation re-posts any order missing from QuickBooks");
    expect(rollback).toContain("record the incident in Jira Service Management");
  });

  it("lists the delivery team, the client's contact and the escalation ladder", () => {
    const contacts = sectionOf(doc, "6. Contacts and Escalation");
    expect(contacts).toContain(`| DevOps engineer | ${person("U04OPS00001")} |`);
    expect(contacts).toContain("**Client point of contact**: Dana Ortiz, Finance lead");
    expect(contacts).toContain("2. Level 2: Lena Ortiz, Lead engineer (+1 555 0100)");
  });
});

describe("the Deployment Runbook of a sparse interview (WooCommerce → ShipStation)", () => {
  const doc = runbook(fulfillment);

  it("keeps every section and says where each missing answer is given", () => {
    assertCleanDocument(doc);
    expect(headings(doc)).toEqual(SECTIONS);
    expect(doc).toContain("Northwind Coffee Roasters");
    expect(doc).toContain("WooCommerce ↔ ShipStation");
    expect(doc).toContain(
      "- **Deployment window**: _not answered yet: /intplan interview 13 (Deployment window)_",
    );
    expect(doc).toContain(
      "stored in the secret manager (_not answered yet: /intplan interview 8 (Secret management)_)",
    );
    expect(doc).toContain("**Trigger**: _not answered yet: /intplan interview 13 (When do we roll back?)_");
    expect(doc).not.toMatch(/_not answered yet_/);
  });

  it("does not invent deployment steps or a rollback switch", () => {
    const steps = sectionOf(doc, "3. Deployment Steps");
    expect(steps).toContain("1. _not answered yet: /intplan interview 13 (Deployment steps)_");
    expect(steps).not.toContain("2. ");
    expect(sectionOf(doc, "5. Rollback")).toContain(
      "2. Undo the release as the deployment strategy allows (strategy: _not answered yet: /intplan interview 13 (Deployment strategy)_)",
    );
  });

  it("leaves the migration out when none is needed, and says so", () => {
    expect(doc).not.toContain("Historical data migrated");
    expect(doc).toContain("No historical data is migrated");
  });
});

describe("the Deployment Runbook of a project on questionnaire version 1", () => {
  const doc = runbook(onVersion1(accounting));

  it("says the release communications and the escalation ladder are written with /intplan edit runbook", () => {
    assertCleanDocument(doc);
    expect(headings(doc)).toEqual(SECTIONS);
    expect(sectionOf(doc, "1. Deployment Window and Communications")).toContain(
      "- _not answered yet: /intplan edit runbook_",
    );
    expect(sectionOf(doc, "6. Contacts and Escalation")).toContain(
      "- _not answered yet: /intplan edit runbook_",
    );
    // What version 1 asks is still used.
    expect(doc).toContain("- **Deployment window**: Sunday 06:00–08:00 US Eastern");
  });
});

describe("the Deployment Runbook of a project with no answers yet", () => {
  const doc = runbook(withAnswers(accounting, {}));

  it("is clean, keeps its sections, and sends each unknown to where it is answered", () => {
    assertCleanDocument(doc);
    expect(headings(doc)).toEqual(SECTIONS);
    expect(doc).toContain("1. _not answered yet: /intplan interview 13 (Deployment steps)_");
    expect(doc).toContain("- _not answered yet: /intplan interview 3 (Workflows to build)_");
    expect(doc).toContain(
      "- [ ] Decide whether historical data must be migrated first: _not answered yet: /intplan interview 6 (Does historical data need migrating?)_",
    );
    expect(doc).not.toMatch(/_not answered yet_/);
    expect(doc).not.toMatch(/TBD|\[PLACEHOLDER\]/);
  });
});

describe("typed Markdown in the answers", () => {
  const doc = runbook(
    withAnswers(accounting, {
      ...accounting.answers,
      deployment_window: "**Sunday** | 06:00 <b>UTC</b>",
      deployment_steps: ["# Pause `cron`", "1. Deploy [here](http://evil.example)"],
      rollback_trigger: "_any_ error > 2%",
    }),
  );

  it("is escaped, so it shows as typed and cannot break the document", () => {
    assertCleanDocument(doc);
    expect(doc).toContain("- **Deployment window**: \\*\\*Sunday\\*\\* \\| 06:00");
    expect(doc).toContain("\\<b>UTC\\</b>");
    expect(doc).not.toMatch(/(?<!\\)<b>/);
    expect(doc).not.toMatch(/^# Pause/m);
    expect(doc).toContain("1. \\# Pause \\`cron\\`");
    expect(doc).toContain("2. 1\\. Deploy \\[here\\](http://evil.example)");
    expect(doc).toContain("**Trigger**: \\_any\\_ error");
  });
});
