import { describe, expect, it } from "vitest";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import type { DocumentInput } from "../../src/documents/render-input.js";
import { readSignatory, splitOutcome } from "../../src/documents/tests-context.js";
import { accounting, fulfillment, onVersion1, renderer, withAnswers } from "../support/example-documents.js";

const testCases = (input: DocumentInput) => renderer.render("tests", input);

/** Every case's heading, in the document's order: { id: "TC-001", title: "Paid order → sales receipt" }. */
const casesOf = (markdown: string) =>
  [...markdown.matchAll(/^### (TC-\d+): (.+)$/gm)].map(([, id, title]) => ({ id, title }));
const caseIds = (markdown: string) => casesOf(markdown).map((c) => c.id);
/** TC-001 … TC-n with no gap. */
const continuous = (n: number) => Array.from({ length: n }, (_, i) => `TC-${String(i + 1).padStart(3, "0")}`);
/** The block of one case, from its heading to the next case's. */
const caseBlock = (markdown: string, title: string) => {
  const start = markdown.indexOf(`: ${title}\n`);
  expect(start, `a case titled "${title}"`).toBeGreaterThan(-1);
  const next = markdown.indexOf("\n### ", start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
};
const sectionOf = (markdown: string, heading: string) => {
  const start = markdown.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
};

describe("the Test Cases document of a full interview (Shopify Plus → QuickBooks Online)", () => {
  const doc = testCases(accounting);

  it("is clean canvas Markdown naming the client and both systems", () => {
    assertCleanDocument(doc);
    expect(doc).toContain("# TEST CASES");
    expect(doc).toContain("Acme Outdoor Co.");
    expect(doc).toContain("Shopify Plus ↔ QuickBooks Online");
  });

  it("numbers its cases TC-001, TC-002… with three digits and no gap", () => {
    const ids = caseIds(doc);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids).toEqual(continuous(ids.length));
  });

  it("has the eight sections in order", () => {
    const headings = [...doc.matchAll(/^## (\d)\. (.+)$/gm)].map(([, n, title]) => `${n}. ${title}`);
    expect(headings).toEqual([
      "1. SCOPE AND APPROACH",
      "2. WORKFLOW TEST CASES",
      "3. EDGE CASES",
      "4. ERROR SCENARIOS",
      "5. PERFORMANCE",
      "6. SECURITY",
      "7. UAT SCENARIOS",
      "8. UAT SIGN-OFF",
    ]);
  });

  it("has a happy-path case for every workflow, whose expected result is the workflow's outcome", () => {
    const workflows = sectionOf(doc, "2. WORKFLOW TEST CASES");
    for (const workflow of accounting.answers.workflows as string[]) {
      expect(casesOf(workflows).map((c) => c.title)).toContain(workflow);
    }
    const refund = caseBlock(doc, "Refund → refund receipt");
    expect(refund).toContain("1. Make this happen with test data: Refund");
    expect(refund).toContain("- Result: refund receipt");
    expect(refund).toContain("- Within the target sync time: Under 2 minutes per order");
  });

  it("walks the journey answers from trigger to business outcome", () => {
    const journey = caseBlock(doc, "Main journey, from trigger to business outcome");
    expect(journey).toContain("A customer pays for an order in the Shopify store");
    expect(journey).toContain("- The user sees: Finance sees the sales receipt in QuickBooks");
    expect(journey).toContain("- Value created: Revenue is booked the same day");
  });

  it("has a case for every edge case, and says where to answer how an edge case must be handled", () => {
    const edge = sectionOf(doc, "3. EDGE CASES");
    for (const edgeCase of accounting.answers.edge_cases as string[]) {
      expect(casesOf(edge).map((c) => c.title)).toContain(edgeCase);
    }
    expect(caseBlock(doc, "Order edited after it was posted")).toContain(
      '_not answered yet: /intplan interview 3 (Edge cases), written as "edge case → what should happen"_',
    );
  });

  it("tests the journey's alternative flows against what the interview says happens", () => {
    expect(caseBlock(doc, "Shopify Plus or QuickBooks Online is unavailable")).toContain(
      "- If QuickBooks is down, orders queue and are posted in order when it recovers",
    );
    expect(caseBlock(doc, "Incomplete record or response")).toContain(
      "- An order with an unmapped SKU is held and listed in the daily exceptions report",
    );
    const rateLimited = caseBlock(doc, "Rate limit reached");
    expect(rateLimited).toContain("- QuickBooks Online rate limit: 500 requests per minute per company");
    expect(rateLimited).toContain("- We back off on HTTP 429 and spread retries over the next minute");
  });

  it("expects every error scenario to be handled as the error-handling answers say", () => {
    const errors = sectionOf(doc, "4. ERROR SCENARIOS");
    expect(casesOf(errors).map((c) => c.title)).toEqual([
      "QuickBooks Online is down for an hour",
      "Order with an unknown SKU",
    ]);
    const outage = caseBlock(doc, "QuickBooks Online is down for an hour");
    expect(outage).toContain("- Failed calls are retried: Exponential backoff from 30 seconds, 6 tries");
    expect(outage).toContain("- Meanwhile: Queue and replay; never drop an order");
    expect(outage).toContain("- People are told: Slack alert to #acme-integration");
  });

  it("measures performance against the targets, the volume and the peak answered", () => {
    const performance = sectionOf(doc, "5. PERFORMANCE");
    expect(performance).toContain("**Volume**: 450 orders a day, 1,800 a day at peak");
    expect(performance).toContain("peak 1,800 a day");
    expect(caseBlock(doc, "Peak load")).toContain(
      "- The scenario's targets are met: Black Friday peak: 1,800 orders in a day",
    );
    expect(caseBlock(doc, "Everyday volume")).toContain(
      "- Records synced without manual work: at least 99.5%",
    );
    expect(caseBlock(doc, "API call timeout")).toContain("- The call is given up after: 30 seconds");
  });

  it("has a security case for each ticked check and none for an unticked one", () => {
    const titles = casesOf(sectionOf(doc, "6. SECURITY")).map((c) => c.title);
    expect(titles).toEqual([
      "Wrong or revoked credentials",
      "Credentials stored securely",
      "Token refresh",
      "Access limited to what the workflows need",
      "Encryption in transit",
      "Encryption at rest",
      "Personal data",
      "Data retention",
      "Audit log",
    ]);
    expect(titles).not.toContain("User permissions");
    expect(caseBlock(doc, "Credentials stored securely")).toContain(
      "- Credentials are kept only in: AWS Secrets Manager",
    );
  });

  it("has a UAT case per scenario, run by the client's testers in the time given", () => {
    const uat = sectionOf(doc, "7. UAT SCENARIOS");
    expect(casesOf(uat).map((c) => c.title)).toEqual(accounting.answers.uat_scenarios);
    expect(uat).toContain("Run by Acme Outdoor Co. in the UAT time: 5 working days.");
    expect(uat).toContain("- Run by: Dana Ortiz, Finance lead: invoices, refunds and payouts");
  });

  it("starts every case as Not run, with the tester and date left to fill in", () => {
    const statuses = doc.match(/^\*\*Status\*\*: Not run · \*\*Tester\*\*: _+ · \*\*Date\*\*: _+$/gm) ?? [];
    expect(statuses).toHaveLength(caseIds(doc).length);
  });

  it("ends with a sign-off table for the client's testers and the count of cases that must pass", () => {
    const signOff = sectionOf(doc, "8. UAT SIGN-OFF");
    const total = caseIds(doc).length;
    expect(signOff).toContain(`| **All** | **${total}** | TC-001 to TC-0${total} |`);
    expect(signOff).toContain(`**To sign off**: all ${total} cases passed.`);
    expect(signOff).toContain("| Name | Role | Tests | Date | Signature |");
    expect(signOff).toContain("| Dana Ortiz | Finance lead | invoices, refunds and payouts |  |  |");
    expect(signOff).toContain("| Sam Patel | Bookkeeper | daily reconciliation |  |  |");
    // The point of contact is Dana Ortiz too: she signs once.
    expect(signOff.match(/\| Dana Ortiz \|/g)).toHaveLength(1);
    expect(signOff).toContain("**Expected results still to answer**: 5 of the cases");
  });

  it("gives the same cases the same numbers, and a scenario added at the end renumbers nothing before it", () => {
    expect(testCases(accounting)).toBe(doc);
    const more = testCases(
      withAnswers(accounting, {
        ...accounting.answers,
        uat_scenarios: [...(accounting.answers.uat_scenarios as string[]), "Refund of a whole order"],
      }),
    );
    const before = casesOf(doc);
    expect(casesOf(more).slice(0, before.length)).toEqual(before);
    expect(casesOf(more).at(-1)).toEqual({
      id: `TC-0${before.length + 1}`,
      title: "Refund of a whole order",
    });
  });
});

describe("what the answers' wording changes", () => {
  it("an edge case written 'case → what should happen' has that as its expected result", () => {
    const doc = testCases(
      withAnswers(accounting, {
        ...accounting.answers,
        edge_cases: ["Order edited after it was posted → the receipt is updated, not duplicated"],
      }),
    );
    const block = caseBlock(doc, "Order edited after it was posted");
    expect(block).toContain("- the receipt is updated, not duplicated");
    expect(block).not.toContain("not answered yet");
  });

  it("an alternative flow answered N/A has no case", () => {
    const doc = testCases(withAnswers(accounting, { ...accounting.answers, flow_rate_limited: "N/A" }));
    expect(casesOf(doc).map((c) => c.title)).not.toContain("Rate limit reached");
    expect(caseIds(doc)).toEqual(continuous(caseIds(doc).length));
  });

  it("typed Markdown shows as the text typed, in headings, steps and the sign-off table", () => {
    const doc = testCases(
      withAnswers(accounting, {
        ...accounting.answers,
        workflows: ["**Paid** order | <b>x</b> → # sales_receipt_"],
        uat_participants: ["Dana | Ortiz, *Finance*: [invoices](http://x)"],
      }),
    );
    assertCleanDocument(doc);
    expect(doc).toContain("### TC-002: \\*\\*Paid\\*\\* order \\| \\<b>x\\</b> → # sales_receipt\\_");
    expect(doc).toContain("- Result: \\# sales_receipt\\_");
    expect(doc).toContain("| Dana \\| Ortiz | \\*Finance\\* | \\[invoices\\](http://x) |  |  |");
  });
});

describe("the Test Cases document of a sparse interview (WooCommerce → ShipStation)", () => {
  const doc = testCases(fulfillment);

  it("is clean, names the client and both systems, and numbers its cases without gaps", () => {
    assertCleanDocument(doc);
    expect(doc).toContain("Northwind Coffee Roasters");
    expect(doc).toContain("WooCommerce ↔ ShipStation");
    expect(caseIds(doc)).toEqual(continuous(caseIds(doc).length));
  });

  it("still has a case per workflow, edge case, error scenario and UAT scenario answered", () => {
    const titles = casesOf(doc).map((c) => c.title);
    for (const workflow of fulfillment.answers.workflows as string[]) expect(titles).toContain(workflow);
    for (const id of ["edge_cases", "error_scenarios", "uat_scenarios"]) {
      for (const item of fulfillment.answers[id] as string[])
        expect(titles).toContain(splitOutcome(item).what);
    }
  });

  it("says where each missing expected result and the missing testers are answered", () => {
    expect(caseBlock(doc, "ShipStation rate limit reached during the Monday morning peak")).toContain(
      "- Meanwhile: _not answered yet: /intplan interview 7 (Fallback behaviour)_",
    );
    expect(caseBlock(doc, "Paid order → ShipStation order")).toContain(
      "- Within the target sync time: _not answered yet: /intplan interview 9 (Target sync time)_",
    );
    expect(sectionOf(doc, "6. SECURITY")).toContain("**No security checks ticked yet**: _not answered yet:");
    expect(sectionOf(doc, "8. UAT SIGN-OFF")).toContain(
      "| _not answered yet: /intplan interview 13 (Who on the client's side runs UAT)_ |",
    );
    expect(doc).not.toMatch(/_not answered yet_/);
  });
});

describe("the Test Cases document of a project on questionnaire version 1", () => {
  const doc = testCases(onVersion1(accounting));

  it("has the same cases, and says the UAT people and time are written with /intplan edit tests", () => {
    assertCleanDocument(doc);
    expect(caseIds(doc)).toEqual(caseIds(testCases(accounting)));
    expect(doc).toContain("- **UAT time**: _not answered yet: /intplan edit tests_");
    expect(doc).toContain("- Run by: _not answered yet: /intplan edit tests_");
    // The point of contact still signs.
    expect(sectionOf(doc, "8. UAT SIGN-OFF")).toContain(
      "| Dana Ortiz | Finance lead | Client point of contact |",
    );
  });
});

describe("the Test Cases document of a project with no answers yet", () => {
  const doc = testCases(withAnswers(accounting, {}));

  it("is clean and says what to answer to get workflow, error and UAT cases", () => {
    assertCleanDocument(doc);
    expect(doc).toContain(
      "**No workflow cases yet**: _not answered yet: /intplan interview 3 (Workflows to build)_",
    );
    expect(doc).toContain("**Edge cases**: _not answered yet: /intplan interview 3 (Edge cases)_");
    expect(doc).toContain(
      "**No error scenarios yet**: _not answered yet: /intplan interview 13 (Error scenarios to test)_",
    );
    expect(doc).toContain(
      "**No UAT scenarios yet**: _not answered yet: /intplan interview 13 (UAT test scenarios)_",
    );
    expect(doc).not.toMatch(/_not answered yet_/);
  });

  it("keeps the standard cases, numbered from TC-001, with their expected results still to answer", () => {
    const ids = caseIds(doc);
    expect(ids).toEqual(continuous(ids.length));
    expect(casesOf(doc).map((c) => c.title)).toEqual([
      "Shopify Plus or QuickBooks Online is unavailable",
      "Incomplete record or response",
      "Rate limit reached",
      "Sync time for one record",
      "Everyday volume",
      "Peak load",
      "API call timeout",
      "Wrong or revoked credentials",
    ]);
    expect(doc).toContain(`**Expected results still to answer**: ${ids.length} of the cases`);
  });
});

describe("reading the answers' wording", () => {
  it.each([
    ["Paid order → sales receipt", "Paid order", "sales receipt"],
    ["Paid order -> sales receipt", "Paid order", "sales receipt"],
    ["Order shipped to two tax regions", "Order shipped to two tax regions", null],
    ["→ nothing before", "→ nothing before", null],
    ["Nothing after →", "Nothing after", null],
  ])("%j is %j, expecting %j", (typed, what, result) => {
    expect(splitOutcome(typed)).toEqual({ what, result });
  });

  it.each([
    ["Dana Ortiz, Finance lead: invoices", { name: "Dana Ortiz", role: "Finance lead", tests: "invoices" }],
    ["Dana Ortiz, Finance lead, dana@acme.example", { name: "Dana Ortiz", role: "Finance lead", tests: "" }],
    ["Finance lead: invoices and payouts", { name: "Finance lead", role: "", tests: "invoices and payouts" }],
  ])("a tester typed %j signs as %j", (typed, signatory) => {
    expect(readSignatory(typed)).toEqual(signatory);
  });
});
