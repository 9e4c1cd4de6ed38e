import { describe, expect, it } from "vitest";
import { assertCleanDocument } from "../../src/documents/document-checks.js";
import { escapeMarkdownText } from "../../src/documents/markdown-escape.js";
import { channelToken } from "../../src/documents/person-tokens.js";
import type { DocumentChecklistItem, DocumentInput } from "../../src/documents/render-input.js";
import { analyse } from "../../src/domain/analysis/analyse.js";
import type { Answers } from "../../src/domain/questionnaire/answers.js";
import { QUESTIONNAIRE_V2 } from "../../src/domain/questionnaire/definition.js";
import {
  accounting,
  DOCUMENTS_NOW,
  fulfillment,
  onVersion1,
  renderer,
  withAnswers,
} from "../support/example-documents.js";

const sow = (input: DocumentInput) => renderer.render("sow", input);

const answering = (input: DocumentInput, more: Answers): DocumentInput =>
  withAnswers(input, { ...input.answers, ...more });
const without = (answers: Answers, ...ids: string[]) =>
  Object.fromEntries(Object.entries(answers).filter(([id]) => !ids.includes(id)));

/** The body of a numbered `##` section, up to the next `##` heading. */
function section(markdown: string, number: number): string {
  const start = markdown.search(new RegExp(`^## ${number}\\. `, "m"));
  if (start < 0) throw new Error(`No section ${number}`);
  const rest = markdown.slice(start + 1);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

const SECTIONS = [
  "1. Parties and Background",
  "2. Objectives",
  "3. Scope",
  "4. Deliverables",
  "5. Assumptions and Client Responsibilities",
  "6. Timeline and Milestones",
  "7. Project Team and Communication",
  "8. Acceptance Criteria",
  "9. Fees and Payment Terms",
  "10. Change Control",
  "11. Support and Warranty",
  "12. Sign-off",
];
const headings = (markdown: string) => [...markdown.matchAll(/^## (\d+\. .+)$/gm)].map((m) => m[1]);

/** Every mention of the app is an unknown's marker, for the PM to answer before sending. */
const mentionsOutsideMarkers = (markdown: string) =>
  markdown
    .replace(/_not answered yet: [^_\n]*_/g, "")
    .split("\n")
    .filter((line) => /intplan|\/[a-z]+ (edit|interview)\b/i.test(line));

/** A project just created: nothing answered, no target go-live, no lead or PM. */
const emptyProject: DocumentInput = {
  project: {
    ...fulfillment.project,
    leadEngineerId: null,
    projectManagerId: null,
    targetGoLive: null,
    volumeEstimate: null,
    summary: null,
  },
  answers: {},
};

const v1Project = onVersion1(accounting);

describe("the Statement of Work for a fully answered project", () => {
  const doc = sow(accounting);

  it("has the twelve numbered sections in order, section 8 being the Acceptance Criteria", () => {
    expect(headings(doc)).toEqual(SECTIONS);
    expect(doc).toMatch(/^## 8\. Acceptance Criteria$/m);
  });

  it("names the client, the agency and both systems from the start", () => {
    const parties = section(doc, 1);
    for (const name of [
      "Acme Outdoor Co.",
      "Northwind Integrations LLC",
      "Shopify Plus",
      "QuickBooks Online",
    ]) {
      expect(parties).toContain(name);
    }
  });

  it("is clean Markdown that never mentions the app or its commands", () => {
    assertCleanDocument(doc);
    expect(mentionsOutsideMarkers(doc)).toEqual([]);
  });

  it("lists in scope the workflows and the data to move, and out of scope what the team said and the later phases", () => {
    const scope = section(doc, 3);
    const [inScope, outOfScope] = scope.split("### 3.2 Out of scope");
    expect(inScope).toContain("- Paid order → sales receipt");
    expect(inScope).toContain("**Moving existing records**: All paid orders since 1 July 2025");
    for (const item of accounting.answers.out_of_scope as string[]) expect(outOfScope).toContain(`- ${item}`);
    expect(outOfScope).toContain("- Phase 2, Multi-currency: Orders in CAD and EUR booked");
    expect(outOfScope).toContain("- Phase 3, Wholesale:");
  });

  it("numbers each acceptance criterion so the plan can cite it", () => {
    const criteria = section(doc, 8);
    expect(criteria).toContain("**8.1 Success criterion**: 99.5% of orders posted without manual edits");
    expect(criteria).toMatch(/\*\*8\.\d+ Acceptance tests\*\*: every scenario below passes/);
    expect(criteria).toContain("- Order with a discount code becomes a correct sales receipt");
    expect(criteria).toContain("at least 99.5% of records reach QuickBooks Online");
    expect(criteria).toContain("below 0.5% of records");
    expect(criteria).toMatch(/\*\*8\.\d+ Sign-off\*\*: the acceptance tests are signed off in writing by/);
    expect(criteria).toContain("- Dana Ortiz, Finance lead: invoices, refunds and payouts");
    const numbers = [...criteria.matchAll(/^\*\*8\.(\d+) /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("shows the hourly rate, and the total only as the analysis' estimate from the development hours", () => {
    const fees = section(doc, 9);
    const { roi } = analyse({
      project: accounting.project,
      answers: accounting.answers,
      questionnaire: QUESTIONNAIRE_V2,
    });
    expect(roi.buildCost.value).toBe(24_000);
    expect(fees).toContain("**Rate**: $150/hour");
    expect(fees).toContain(
      "**Estimated total**: $24,000 (an estimate: 160 hours of work at this rate, not a fixed price)",
    );
    expect([...fees.matchAll(/\$[\d,]+/g)].map((m) => m[0])).toEqual(["$150", "$24,000"]);
    expect(fees).toContain("- 40% on signature");
    expect(fees).toContain("**Invoicing**: Net 30, in USD, by bank transfer");
  });

  it("gives the phases with their dates and the go-live range, and says no start is agreed yet", () => {
    const timeline = section(doc, 6);
    expect(timeline).toContain("No start date has been agreed yet. The dates below count from 2025-09-01");
    expect(timeline).toContain("_not answered yet: /intplan interview 10 (Planned start of the work)_");
    expect(timeline).toContain("| 1. Discovery & Design | 1 week | 1 week | 2025-09-01 to 2025-09-08 |");
    expect(timeline).toMatch(/\*\*Go-live\*\*: likely 2025-11-03 \(best case \S+, worst case \S+\)/);
  });

  it("ends with warranty, support and both signatories", () => {
    expect(section(doc, 11)).toContain("**Warranty**: 30 days after go-live");
    expect(section(doc, 11)).toContain("| Critical | 1 hour | 4 hours |");
    const signOff = section(doc, 12);
    expect(signOff).toContain("**For Acme Outdoor Co.**");
    expect(signOff).toContain("Name and title: Jordan Lee, Chief Operating Officer");
    expect(signOff).toContain("**For Northwind Integrations LLC**");
    expect(signOff).toContain("Name and title: Sam Rivera, Managing Director");
    expect(signOff.match(/^Signature: _+ {2}$/gm)).toHaveLength(2);
    expect(doc).toMatch(/\*\*Document Control\*\*/);
  });
});

describe("the Statement of Work for a sparse project", () => {
  const doc = sow(fulfillment);

  it("still names the client and both systems, with section 8 in its place", () => {
    expect(headings(doc)).toEqual(SECTIONS);
    for (const name of ["Northwind Coffee Roasters", "WooCommerce", "ShipStation"])
      expect(section(doc, 1)).toContain(name);
    assertCleanDocument(doc);
  });

  it("says where each missing term is answered instead of inventing one", () => {
    expect(doc).toContain("**Agency**: _not answered yet: /intplan interview 16 (Your agency's name)_");
    expect(section(doc, 3)).toContain("- _not answered yet: /intplan interview 2 (Not in scope)_");
    const fees = section(doc, 9);
    expect(fees).toContain(
      "**Fee**: _not answered yet: /intplan interview 12 (How the agency prices the build)_",
    );
    expect(fees).not.toMatch(/\$\d/);
    expect(section(doc, 11)).toContain("**Warranty**: _not answered yet: /intplan interview 15");
    expect(section(doc, 12)).toContain(
      "Name and title: _not answered yet: /intplan interview 16 (Who signs for the client",
    );
    expect(mentionsOutsideMarkers(doc)).toEqual([]);
  });
});

describe("the Statement of Work for a project on questionnaire version 1", () => {
  const doc = sow(v1Project);

  it("asks the PM to write the terms version 1 never asked with /intplan edit sow", () => {
    expect(headings(doc)).toEqual(SECTIONS);
    assertCleanDocument(doc);
    const edit = "_not answered yet: /intplan edit sow_";
    expect(doc).toContain(`**Agency**: ${edit}`);
    expect(section(doc, 3)).toContain(`- ${edit}`);
    expect(section(doc, 9)).toContain(`- ${edit}`);
    expect(section(doc, 11)).toContain(`**Warranty**: ${edit}`);
    expect(section(doc, 12)).toContain(`Name and title: ${edit}`);
    // What version 1 does ask is still answered in the interview.
    expect(section(doc, 9)).toContain("**Rate**: $150/hour");
  });
});

describe("the Statement of Work for a project with no answers", () => {
  const doc = sow(emptyProject);

  it("renders every section with markers, clean, and no money at all", () => {
    expect(headings(doc)).toEqual(SECTIONS);
    assertCleanDocument(doc);
    expect(doc).not.toMatch(/\$\d/);
    expect(doc).not.toContain("TBD: not assigned");
    expect(section(doc, 8)).toContain(
      "**8.1 Success criteria**: _not answered yet: /intplan interview 10 (MVP success criteria)_",
    );
    expect(section(doc, 1)).toContain(
      "_not answered yet: /intplan interview 2 (The integration in a few sentences)_",
    );
    expect(mentionsOutsideMarkers(doc)).toEqual([]);
  });
});

describe("what the Statement of Work reads from the checklist and the answers", () => {
  const checklistItem = (key: string, scope: DocumentChecklistItem["scope"]): DocumentChecklistItem => ({
    key,
    done: false,
    scope,
    scopedBy: scope === "out" ? "U04PMGR0001" : null,
    scopedAt: scope === "out" ? DOCUMENTS_NOW : null,
  });

  it("puts a task marked not in scope under Out of scope, and a confirmed feature in scope", () => {
    const doc = sow({
      ...accounting,
      checklist: [
        checklistItem("p2.acc.invoice", "in"),
        checklistItem("p2.acc.tax", "suggested"),
        checklistItem("p2.acc.summary", "out"),
        checklistItem("p4.rollback-plan", "out"),
      ],
    });
    const [inScope, outOfScope] = section(doc, 3).split("### 3.2 Out of scope");
    expect(inScope).toContain("**Also included**:\n- Order-to-invoice mapping");
    expect(inScope).toContain("before work starts**:\n- Tax calculation integration");
    expect(inScope).not.toContain("Daily financial summary reports");
    expect(outOfScope).toContain("- Daily financial summary reports");
    expect(outOfScope).toContain("- Create rollback plan");
  });

  it("escapes Markdown and pipes typed in the answers", () => {
    const typed = "Returns | exchanges **and** <b>gift</b> cards";
    const doc = sow(
      answering(accounting, {
        out_of_scope: [typed],
        client_signatory: "Jordan | Lee # COO",
        support_response_times: [{ severity: "Critical", response: "1 | 2 hours", resolution: "" }],
      }),
    );
    assertCleanDocument(doc);
    expect(section(doc, 3)).toContain(`- ${escapeMarkdownText(typed)}`);
    expect(section(doc, 12)).toContain(`Name and title: ${escapeMarkdownText("Jordan | Lee # COO")}`);
    expect(section(doc, 11)).toContain(
      `| Critical | ${escapeMarkdownText("1 | 2 hours")} | _TBD: not set_ |`,
    );
  });

  it("shows a fixed fee as it is, with no estimate", () => {
    const fees = section(
      sow(answering(accounting, { build_cost_basis: "fixed", build_cost_amount: 18_000 })),
      9,
    );
    expect(fees).toContain("**Fee**: $18,000, a fixed fee for the work in section 3.");
    expect(fees).not.toContain("Estimated");
  });

  it("shows a day rate with the estimate its days give", () => {
    const fees = section(
      sow(answering(accounting, { build_cost_basis: "daily", build_cost_amount: 1_200 })),
      9,
    );
    expect(fees).toContain("**Rate**: $1,200/day (a day is 8 hours)");
    expect(fees).toContain(
      "$24,000 (an estimate: 160 hours of work, 20 days, at this rate, not a fixed price)",
    );
  });

  it("gives no total for an hourly rate without the development hours, only where to answer them", () => {
    const fees = section(sow(withAnswers(accounting, without(accounting.answers, "development_hours"))), 9);
    expect(fees).toContain("**Rate**: $150/hour");
    expect(fees).toContain(
      "**Estimated total**: _not answered yet: /intplan interview 12 (Development time (hours))_",
    );
    expect([...fees.matchAll(/\$[\d,]+/g)].map((m) => m[0])).toEqual(["$150"]);
  });

  it("plans from the agreed start, and names the project's channel", () => {
    const doc = sow({ ...answering(accounting, { planned_start: "2025-09-15" }), channelId: "C0ACME00001" });
    expect(section(doc, 6)).toContain("Work starts on 2025-09-15.");
    expect(section(doc, 6)).toContain(
      "| 1. Discovery & Design | 1 week | 1 week | 2025-09-15 to 2025-09-22 |",
    );
    expect(section(doc, 7)).toContain(`shared channel ${channelToken("C0ACME00001")}`);
  });

  it("counts a warranty of 0 days as an answer", () => {
    expect(section(sow(answering(accounting, { warranty_days: 0 })), 11)).toContain(
      "**Warranty**: 0 days after go-live",
    );
  });
});
