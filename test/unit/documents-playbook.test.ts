import { describe, expect, it } from "vitest";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { accounting, fulfillment, onVersion1, renderer, withAnswers } from "../support/example-documents.js";

const playbook = (input: DocumentInput) => renderer.render("playbook", input);

const SECTIONS = [
  "1. What Is Monitored and Where",
  "2. Alert Thresholds",
  "3. Common Failures and Fixes",
  "4. Escalation Contacts",
  "5. Service Levels",
  "6. Routine Maintenance",
  "7. Handoff to Support",
];
const headings = (markdown: string) => [...markdown.matchAll(/^## (\d+\. .+)$/gm)].map(([, h]) => h);
const sectionOf = (markdown: string, heading: string) => {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
};
const subsectionOf = (markdown: string, heading: string) => {
  const start = markdown.indexOf(`\n### ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const next = markdown.slice(start + 1).search(/\n##/);
  return markdown.slice(start, next < 0 ? undefined : start + 1 + next);
};
/** The table row whose "Failure" cell is `cause`: its failure, fix and owner cells. */
const failureRow = (markdown: string, cause: string) => {
  const row = markdown.split("\n").find((l) => l.startsWith(`| ${cause} | `));
  expect(row, `a failure caused by "${cause}"`).toBeDefined();
  const [failure, fix, owner] = (row ?? "").slice(2, -2).split(" | ");
  return { cause: failure, fix, owner };
};
const EDIT = "_not answered yet: /intplan edit playbook_";

describe("the Support Playbook of a full interview (Shopify Plus → QuickBooks Online)", () => {
  const doc = playbook(accounting);

  it("is clean canvas Markdown naming the client and both systems, with its seven numbered sections", () => {
    assertCleanDocument(doc);
    expect(doc).toContain("# SUPPORT PLAYBOOK");
    expect(doc).toContain("## Acme Outdoor order-to-invoice - Shopify Plus ↔ QuickBooks Online Integration");
    expect(doc).toContain("**Client**: Acme Outdoor Co.");
    expect(headings(doc)).toEqual(SECTIONS);
    expect(doc.trimEnd()).toMatch(/\*\*Document Control\*\* {2}\nVersion: 1 {2}\n.*\nOwner: .+$/);
  });

  it("says what is monitored and where, from the monitoring answers", () => {
    const where = sectionOf(doc, "1. What Is Monitored and Where");
    expect(where).toContain("- **Monitoring platform**: Datadog");
    expect(where).toContain("- **Application logs**: CloudWatch log group /acme/shopify-qbo");
    expect(where).toContain("- **Dashboard**: https://app.datadoghq.com/dashboard/acme-shopify-qbo");
    expect(where).toContain("- **Alerts go to**: #acme-integration and PagerDuty (business hours)");
    expect(where).toContain("- **Incidents are tracked in**: Jira Service Management");
    expect(where).toContain("- **Reports**: Daily sync summary; Error trending");
  });

  it("lists every alert with its threshold, severity and response time", () => {
    const alerts = sectionOf(doc, "2. Alert Thresholds");
    expect(alerts).toContain("| Alert | Threshold | Severity | Response Time |");
    expect(alerts).toContain("| Sync failures | 5 in 10 minutes | High | 1 hour |");
    expect(alerts).toContain(
      "| Dead-letter queue not empty | Any message older than 1 hour | Medium | 4 hours |",
    );
    expect(alerts).toContain("| Daily totals mismatch | Any difference | High | Next business morning |");
  });

  it("lists each system's known quirks as likely causes, and never invents their fix", () => {
    const shopify = subsectionOf(doc, "3.2 Known Quirks of Shopify Plus");
    const quickbooks = subsectionOf(doc, "3.3 Known Quirks of QuickBooks Online");
    expect(failureRow(shopify, "Webhooks can arrive out of order and more than once")).toEqual({
      cause: "Webhooks can arrive out of order and more than once",
      fix: '_not answered yet: /intplan interview 4 (Shopify Plus known quirks), written as "cause → fix", or /intplan edit playbook_',
      owner: undefined,
    });
    for (const quirk of accounting.answers.system_b_quirks as string[]) {
      expect(failureRow(quickbooks, quirk).fix).toContain(
        "/intplan interview 5 (QuickBooks Online known quirks)",
      );
    }
  });

  it("fixes each risk with its mitigation and names its owner", () => {
    const risks = subsectionOf(doc, "3.4 Risks");
    expect(failureRow(risks, "QuickBooks refresh token expires (likelihood Low, impact High)")).toEqual({
      cause: "QuickBooks refresh token expires (likelihood Low, impact High)",
      fix: "Refresh daily; alert 14 days before expiry",
      owner: "DevOps",
    });
  });

  it("points the error scenarios to the retry, fallback and recovery answers, claiming no fix they do not give", () => {
    const recovery = subsectionOf(doc, "3.1 How the Integration Recovers on Its Own");
    expect(recovery).toContain(
      "- **Retries**: Exponential backoff from 30 seconds, 6 tries, then a dead-letter queue",
    );
    expect(recovery).toContain("- **Fallback**: Queue and replay; never drop an order");
    expect(recovery).toContain(
      "- **Recovery of missed data**: Nightly reconciliation re-posts any order missing from QuickBooks",
    );
    const scenarios = subsectionOf(doc, "3.5 Error Scenarios");
    expect(scenarios).toContain("The retries, fallback and recovery of 3.1 run first;");
    expect(failureRow(scenarios, "QuickBooks Online is down for an hour").fix).toBe(
      '_not answered yet: /intplan interview 13 (Error scenarios to test), written as "cause → fix", or /intplan edit playbook_',
    );
    expect(failureRow(scenarios, "Order with an unknown SKU").fix).toContain("/intplan interview 13");
  });

  it("lists who to call: the delivery team, the client's contact and the escalation ladder", () => {
    const contacts = sectionOf(doc, "4. Escalation Contacts");
    expect(contacts).toMatch(/^\| Lead engineer \| .*U04LEAD0001.* \|$/m);
    expect(contacts).toMatch(/^\| DevOps engineer \| .*U04OPS00001.* \|$/m);
    expect(contacts).toContain(
      "**Client point of contact**: Dana Ortiz, Finance lead, dana@acme-outdoor.example",
    );
    expect(contacts).toContain("2. Level 2: Lena Ortiz, Lead engineer (+1 555 0100)");
  });

  it("states the service levels: hours, response and resolution by severity, targets and data age", () => {
    const levels = sectionOf(doc, "5. Service Levels");
    expect(levels).toContain("- **Support hours**: Monday to Friday, 08:00–18:00 US Eastern");
    expect(levels).toContain("| Critical | 1 hour | 4 hours |");
    expect(levels).toContain("| Low | 2 business days | Next release |");
    expect(levels).toContain("- **Target sync success rate**: 99.5%");
    expect(levels).toContain("- **Acceptable error rate**: 0.5%");
    expect(levels).toContain("- **Maximum data age**: 15 minutes");
  });

  it("lists the maintenance tasks, and a token check for each OAuth 2.0 system without claiming a period", () => {
    const maintenance = sectionOf(doc, "6. Routine Maintenance");
    expect(maintenance).toContain("- Check the dead-letter queue weekly");
    const tokenChecks = maintenance.split("\n").filter((l) => l.includes("OAuth 2.0"));
    expect(tokenChecks).toEqual([
      "- Check that Shopify Plus's OAuth 2.0 tokens are still being refreshed and the connection is still authorised.",
      "- Check that QuickBooks Online's OAuth 2.0 tokens are still being refreshed and the connection is still authorised.",
    ]);
  });

  it("hands off to support after the monitoring and stabilisation periods, the warranty and the training", () => {
    const handoff = sectionOf(doc, "7. Handoff to Support");
    expect(handoff).toContain("- **Close monitoring after go-live**: 72 hours");
    expect(handoff).toContain("- **Stable operation before handoff**: 14 days");
    expect(handoff).toContain("- **Warranty after go-live**: 30 days");
    expect(handoff).toContain(
      "- **Supported after the warranty by**: Agency support retainer, 10 hours a month, from the end of the warranty",
    );
    expect(handoff).toContain("- Acme IT: rotating credentials, 30 minutes");
  });
});

describe("typed answers in the Support Playbook", () => {
  const doc = playbook(
    withAnswers(accounting, {
      ...accounting.answers,
      system_a_quirks: ["Webhooks *sometimes* repeat → dedupe by `order id`", "Tokens | scopes reset"],
      system_b_quirks: ["None"],
      alert_thresholds: [
        { alert: "Queue | backlog", threshold: "> 100 **items**", severity: "High", response_time: "1 hour" },
      ],
      maintenance_tasks: ["# Rotate keys <@U123> monthly"],
      system_a_auth_method: "api_key",
    }),
  );

  it("escapes Markdown and pipes, so tables keep their columns and nothing is pinged", () => {
    assertCleanDocument(doc);
    expect(sectionOf(doc, "2. Alert Thresholds")).toContain(
      "| Queue \\| backlog | \\> 100 \\*\\*items\\*\\* | High | 1 hour |",
    );
    const maintenance = sectionOf(doc, "6. Routine Maintenance");
    expect(maintenance).not.toContain("\n# Rotate");
    expect(maintenance).not.toContain("<@U123>");
  });

  it("takes a quirk's fix from 'quirk → fix', and says 'None known.' for a system answered none", () => {
    const shopify = subsectionOf(doc, "3.2 Known Quirks of Shopify Plus");
    expect(failureRow(shopify, "Webhooks \\*sometimes\\* repeat").fix).toBe("dedupe by \\`order id\\`");
    expect(failureRow(shopify, "Tokens \\| scopes reset").fix).toContain("/intplan interview 4");
    expect(subsectionOf(doc, "3.3 Known Quirks of QuickBooks Online")).toContain("None known.");
  });

  it("asks for a token check only for a system that authenticates with OAuth 2.0", () => {
    const maintenance = sectionOf(doc, "6. Routine Maintenance");
    expect(maintenance).not.toContain("Shopify Plus's OAuth 2.0");
    expect(maintenance).toContain("QuickBooks Online's OAuth 2.0 tokens");
  });
});

describe("the Support Playbook of a sparse interview (WooCommerce → ShipStation)", () => {
  const doc = playbook(fulfillment);

  it("is clean, keeps every section and says where each unknown is answered", () => {
    assertCleanDocument(doc);
    expect(headings(doc)).toEqual(SECTIONS);
    expect(doc).toContain(
      "- **Monitoring platform**: _not answered yet: /intplan interview 11 (Monitoring platform)_",
    );
    expect(sectionOf(doc, "2. Alert Thresholds")).toContain(
      "| _not answered yet: /intplan interview 11 (Alerts and thresholds)_ | | | |",
    );
    expect(subsectionOf(doc, "3.3 Known Quirks of ShipStation")).toContain(
      "_not answered yet: /intplan interview 5 (ShipStation known quirks)_",
    );
    expect(doc).toContain("- **Support hours**: _not answered yet: /intplan interview 15 (Support hours)_");
    expect(doc).not.toMatch(/_not answered yet_/);
  });

  it("with no retry, fallback or recovery answered, says where to write an error scenario's fix", () => {
    const scenarios = subsectionOf(doc, "3.5 Error Scenarios");
    expect(scenarios).not.toContain("3.1 run first");
    expect(failureRow(scenarios, "ShipStation rate limit reached during the Monday morning peak").fix).toBe(
      '_not answered yet: /intplan interview 13 (Error scenarios to test), written as "cause → fix", or /intplan edit playbook_',
    );
  });

  it("has no token check when neither system uses OAuth 2.0", () => {
    expect(sectionOf(doc, "6. Routine Maintenance")).not.toContain("OAuth");
  });
});

describe("the Support Playbook of a project on questionnaire version 1", () => {
  const doc = playbook(onVersion1(accounting));

  it("keeps the interview's answers and says the support answers are written with /intplan edit playbook", () => {
    assertCleanDocument(doc);
    expect(headings(doc)).toEqual(SECTIONS);
    expect(doc).toContain("- **Monitoring platform**: Datadog");
    expect(doc).toContain(`- **Support hours**: ${EDIT}`);
    expect(doc).toContain(`- **Warranty after go-live**: ${EDIT}`);
    expect(sectionOf(doc, "4. Escalation Contacts")).toContain(`- ${EDIT}`);
    expect(sectionOf(doc, "6. Routine Maintenance")).toContain(`- ${EDIT}`);
    expect(sectionOf(doc, "6. Routine Maintenance")).toContain("QuickBooks Online's OAuth 2.0 tokens");
  });
});

describe("the Support Playbook of a project with no answers yet", () => {
  const doc = playbook(withAnswers(accounting, {}));

  it("is clean, has every section, and every unknown says where it is answered", () => {
    assertCleanDocument(doc);
    expect(headings(doc)).toEqual(SECTIONS);
    expect(doc).toContain("Acme Outdoor Co.");
    expect(doc).not.toMatch(/_not answered yet_/);
    expect(doc).not.toMatch(/\bTBD\b(?!:)/);
    expect(subsectionOf(doc, "3.4 Risks")).toContain("- _not answered yet: /intplan interview 12 (Risks)_");
    expect(sectionOf(doc, "6. Routine Maintenance")).not.toContain("OAuth");
  });
});
