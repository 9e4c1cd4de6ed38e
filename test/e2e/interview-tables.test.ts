import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import { saveAnswers } from "../../src/db/answer-store.js";
import { projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V2 } from "../../src/domain/questionnaire/definition.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { stateShownIn } from "../support/interview.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";
import { storedAnswers } from "../support/queries.js";
import { T0 } from "../support/running-project.js";

interface ShownView {
  callback_id: string;
  private_metadata: string;
  blocks: {
    type: string;
    block_id?: string;
    element?: { type?: string; options?: { value?: string }[] };
    hint?: { text: string };
  }[];
}

const indexOf = (questionId: string) =>
  QUESTIONNAIRE_V2.sections.findIndex((s) => s.questions.some((q) => q.id === questionId));
const sectionOf = (questionId: string) => {
  const section = QUESTIONNAIRE_V2.sections[indexOf(questionId)];
  if (!section) throw new Error(`no section holds ${questionId}`);
  return section;
};

describe("table answers typed, pasted and imported, in the interview modal", () => {
  let t: TestApp;
  let projectId: number;

  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
    projectId = t.db.select().from(projects).get()?.id ?? 0;
  });
  afterEach(async () => {
    await t.close();
  });

  /** `/intplan interview <n>` for the section holding `questionId`: the modal Slack shows. */
  async function openSectionOf(questionId: string) {
    const res = await t.slack.command({
      text: `interview ${indexOf(questionId) + 1}`,
      userId: "U0PM",
      channelId: "C0PROJECT",
    });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    return { viewId: openedViewId(open), view: open.args.view as ShownView };
  }

  /** Presses Next with what the modal showed, except what the person typed (`typed`, by question id). */
  async function submitSection(
    questionId: string,
    opened: { viewId: string; view: ShownView },
    typed: Record<string, Record<string, unknown>> = {},
  ) {
    const res = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId: opened.viewId,
      callbackId: opened.view.callback_id,
      privateMetadata: opened.view.private_metadata,
      values: stateShownIn(sectionOf(questionId), opened.view, typed),
    });
    await t.idle();
    return res.body as { response_action: string; errors?: Record<string, string> };
  }

  it("a PM pastes tab-separated mappings from a sheet and logs a risk without its mitigation; both are saved", async () => {
    const pasted = [
      "Source field\tTarget field\tTransformation",
      "order.id\tInvoice.DocNumber\tprefix with SO-",
      "order.total_price\tInvoice.TotalAmt\t",
      "customer.email -> Customer.PrimaryEmailAddr",
    ].join("\n");
    const mappings = await openSectionOf("field_mappings");
    expect(
      await submitSection("field_mappings", mappings, { field_mappings: form.text(pasted) }),
    ).toMatchObject({
      response_action: "update",
    });

    const risks = await openSectionOf("risks");
    const answer = await submitSection("risks", risks, {
      risks: form.text("Tax totals differ | Med | P1"),
    });
    expect(answer.response_action).toBe("update");

    const stored = storedAnswers(t.db, projectId);
    expect(stored.field_mappings).toEqual([
      { source_field: "order.id", target_field: "Invoice.DocNumber", transformation: "prefix with SO-" },
      { source_field: "order.total_price", target_field: "Invoice.TotalAmt", transformation: "" },
      { source_field: "customer.email", target_field: "Customer.PrimaryEmailAddr", transformation: "" },
    ]);
    expect(stored.risks).toEqual([
      { risk: "Tax totals differ", likelihood: "Medium", impact: "High", mitigation: "", owner: "" },
    ]);
  });

  it("a 120-row imported mapping is shown as a summary and survives a save of its section", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      source_field: `line_items[].custom_attribute_${i}`,
      target_field: `Invoice.CustomField_${i}`,
      transformation: i % 2 === 0 ? "trim and upper-case" : "",
    }));
    saveAnswers(t.db, {
      projectId,
      sectionId: sectionOf("field_mappings").id,
      values: { field_mappings: rows },
      actorId: "U0PM",
      at: T0,
    });

    const opened = await openSectionOf("field_mappings");
    expect(validateView(opened.view)).toEqual([]);
    const block = opened.view.blocks.find((b) => b.block_id === "field_mappings");
    expect(block?.element?.type).toBe("checkboxes");
    expect(block?.hint?.text).toContain("Field mappings: 120 rows, too long to edit here");
    expect(block?.hint?.text).toContain("/intplan import");

    // The PM answers another question of the section and presses Next, leaving the summary alone.
    const other = sectionOf("field_mappings").questions.find((q) => q.kind === "long_text");
    const typed = other ? { [other.id]: form.text("Orders become invoices.") } : {};
    expect((await submitSection("field_mappings", opened, typed)).response_action).toBe("update");
    expect(storedAnswers(t.db, projectId).field_mappings).toEqual(rows);

    // Ticking the summary's box clears the mapping.
    const again = await openSectionOf("field_mappings");
    await submitSection("field_mappings", again, { field_mappings: form.checkboxes(["clear"]) });
    expect(storedAnswers(t.db, projectId).field_mappings).toBeUndefined();
  });
});
