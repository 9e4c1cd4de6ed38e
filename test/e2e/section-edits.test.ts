/**
 * `/intplan edit plan|discovery`: a PM puts their own wording in a section of a document. The canvas shows
 * it, and keeps showing it through the automatic refreshes that follow answers; Revert brings the generated
 * text back; an edit whose section left the document is listed in the modal, not lost; a section longer than
 * a Slack text box holds says so; text that cannot be a section's is refused on the box, saving nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import { sectionEdits } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V3 } from "../../src/domain/questionnaire/definition.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { answerSectionThroughSlack } from "../support/interview.js";
import { createProjectThroughSlack } from "../support/projects.js";
import { sectionEditor } from "../support/section-editor.js";

const CHANNEL = "C0PROJECT";
const PM = "U0PM";

describe("a PM's own wording of a document section", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
  });
  afterEach(async () => {
    await t.close();
  });

  const text = (v: unknown) => JSON.stringify(v);
  const { modal, modalText, options, textBox, openEditor, pick, save, press } = sectionEditor(
    () => t,
    CHANNEL,
    PM,
  );
  const planCanvas = () => {
    const created = t.emulator.callsTo("canvases.create")[0];
    return t.emulator.canvases.get(String(created?.answer?.canvas_id))?.markdown ?? "";
  };
  async function publishPlan() {
    await t.slack.command({ text: "plan", channelId: CHANNEL, userId: PM });
    await t.idle();
    await t.emulator.waitForCall("canvases.create");
  }

  const answer = (index: number, overrides: Record<string, Record<string, unknown>> = {}) =>
    answerSectionThroughSlack(t, { channelId: CHANNEL, userId: PM, index, overrides });

  const historyLines = async () => {
    const res = await t.slack.command({ text: "history", channelId: CHANNEL, userId: PM });
    return text(res.body);
  };

  it("the canvas shows the PM's text, keeps it through an automatic refresh, and Revert brings back the generated text", async () => {
    await publishPlan();
    const generated = planCanvas();
    expect(generated).toContain("## EXECUTIVE SUMMARY");

    const viewId = await openEditor();
    expect(validateView(modal(viewId))).toEqual([]);
    expect(options(viewId).map((o) => o.text.text)).toContain("## EXECUTIVE SUMMARY");
    expect(options(viewId).map((o) => o.text.text)).toContain("### 1.1 Business Problem");
    expect(textBox(viewId)).toBeUndefined();
    expect(modal(viewId).submit).toBeUndefined();

    await pick(viewId, "## EXECUTIVE SUMMARY");
    const box = textBox(viewId);
    // The box holds the section's text exactly as the canvas has it.
    const current = box?.element?.initial_value ?? "";
    expect(current.length).toBeGreaterThan(0);
    expect(generated).toContain(`## EXECUTIVE SUMMARY\n\n${current}\n\n---\n\n## 1.`);
    expect(box?.element).toMatchObject({ type: "plain_text_input", max_length: 3000 });
    expect(modalText(viewId)).toContain("The generated text.");

    const ours = "We go live on **3 November**, after a two-week pilot with the finance team.";
    const saved = await save(viewId, ours);
    expect(saved.response_action).toBe("update");
    expect(modalText(viewId)).toContain("Saved your text of *## EXECUTIVE SUMMARY*");
    expect(modalText(viewId)).toMatch(/Your team's wording, edited by <@U0PM>/);
    expect(options(viewId).map((o) => o.text.text)).toContain("✎ ## EXECUTIVE SUMMARY");
    expect(t.db.select().from(sectionEdits).all()).toMatchObject([
      { kind: "plan", heading: "## EXECUTIVE SUMMARY", body: ours, editedBy: PM },
    ]);

    // The refresh the edit asked for has run: the canvas shows the PM's text in place of the generated one.
    expect(planCanvas()).toContain(`## EXECUTIVE SUMMARY\n\n${ours}\n\n---\n\n## 1. PROJECT CONTEXT`);
    expect(planCanvas()).not.toContain(current);
    const editsSoFar = t.emulator.callsTo("canvases.edit").length;

    // An answer changes: the automatic refresh re-renders the plan, and the PM's text stays.
    await answer(0);
    expect(t.emulator.callsTo("canvases.edit").length).toBeGreaterThan(editsSoFar);
    expect(planCanvas()).toContain("First item");
    expect(planCanvas()).toContain(`## EXECUTIVE SUMMARY\n\n${ours}\n\n---\n\n## 1. PROJECT CONTEXT`);

    // A file export is made from the same text.
    await t.slack.command({ text: "export plan", channelId: CHANNEL, userId: PM });
    await t.idle();
    const file = [...t.emulator.files.values()].find((f) => f.filename === "INT-0001-implementation-plan.md");
    expect(file?.content).toContain(ours);

    // Revert (behind a confirmation): the generated text, with the new answer in it, is back.
    await pick(viewId, "## EXECUTIVE SUMMARY");
    await press(viewId, "Revert");
    expect(modalText(viewId)).toContain("Reverted *## EXECUTIVE SUMMARY*");
    expect(modalText(viewId)).toContain("The generated text.");
    expect(t.db.select().from(sectionEdits).all()).toEqual([]);
    expect(planCanvas()).not.toContain(ours);
    // The generated summary opens with the project's own summary, as the PM wrote it at /intplan new.
    expect(planCanvas()).toContain(
      "## EXECUTIVE SUMMARY\n\nPost every Shopify order to QuickBooks as a sales receipt. We are building",
    );

    const history = await historyLines();
    expect(history).toContain("<@U0PM> edited *## EXECUTIVE SUMMARY* of the Implementation Plan");
    expect(history).toContain(
      "<@U0PM> reverted *## EXECUTIVE SUMMARY* of the Implementation Plan to the generated text",
    );
  });

  it("lists an edit whose section left the document (a type-specific block), and deletes it only when asked", async () => {
    const dataMapping = QUESTIONNAIRE_V3.sections.findIndex((s) => s.id === "data_mapping");
    await answer(dataMapping, { migration_needed: form.select("yes") });
    await publishPlan();
    expect(planCanvas()).toContain("### 4.4 Data Migration Requirements");

    const first = await openEditor();
    await pick(first, "### 4.4 Data Migration Requirements");
    const ours = "- Two years of orders, moved in one weekend before go-live.";
    await save(first, ours);
    expect(planCanvas()).toContain(`### 4.4 Data Migration Requirements\n${ours}`);

    // No migration after all: the section is gone from the plan, and so is the text from the canvas.
    await answer(dataMapping, { migration_needed: form.select("no") });
    expect(planCanvas()).not.toContain("4.4 Data Migration");
    expect(planCanvas()).not.toContain(ours);

    const viewId = await openEditor();
    expect(validateView(modal(viewId))).toEqual([]);
    expect(options(viewId).map((o) => o.text.text)).not.toContain("### 4.4 Data Migration Requirements");
    expect(modalText(viewId)).toContain("Edits whose section is not in the Implementation Plan now* (1)");
    expect(modalText(viewId)).toContain("*### 4.4 Data Migration Requirements*, edited by <@U0PM>");
    expect(modalText(viewId)).toContain(ours);
    expect(t.db.select().from(sectionEdits).all()).toHaveLength(1);

    await press(viewId, "Delete");
    expect(modalText(viewId)).toContain("Deleted the edit of *### 4.4 Data Migration Requirements*");
    expect(modalText(viewId)).not.toContain("Edits whose section");
    expect(t.db.select().from(sectionEdits).all()).toEqual([]);
    expect(await historyLines()).toContain(
      "deleted the edit of *### 4.4 Data Migration Requirements* of the Implementation Plan (no longer in the document)",
    );
  });

  it("a section longer than a Slack text box says so and points to its subsections, never cutting it", async () => {
    await publishPlan();
    const viewId = await openEditor();
    await pick(viewId, "## 2. IMPLEMENTATION PHASES");
    expect(validateView(modal(viewId))).toEqual([]);
    expect(textBox(viewId)).toBeUndefined();
    expect(modal(viewId).submit).toBeUndefined();
    expect(modalText(viewId)).toMatch(
      /This section's text is [\d,]+ characters, more than the 3,000 a Slack text box holds/,
    );
    expect(modalText(viewId)).toContain("Edit its `###` subsections one at a time instead");

    // A subsection of it is editable on its own.
    await pick(viewId, "### Phase 1: Discovery & Design");
    expect(textBox(viewId)?.element?.initial_value).toContain("**Exit Criteria**");
    await save(viewId, "Two workshops with the client's finance team, then a written design.");
    expect(planCanvas()).toContain(
      "### Phase 1: Discovery & Design\nTwo workshops with the client's finance team, then a written design.\n\n---\n\n### Phase 2",
    );
  });

  it("people in an edited section stay people: shown as Slack mentions, named in files, never frozen as text", async () => {
    await publishPlan();
    const viewId = await openEditor();
    const heading = "## 3. TEAM ASSIGNMENTS & RESPONSIBILITIES";
    await pick(viewId, heading);
    const shown = textBox(viewId)?.element?.initial_value ?? "";
    // The modal asked Slack for no names: the people are as Slack writes them.
    expect(shown).toContain("| **Project Manager** | <@U0PM> |");
    expect(shown).not.toMatch(/[\uE000\uE001]/);
    const ours = `${shown}\n\nEscalations go to <@U0LEAD|lead> in <#${CHANNEL}>.`;
    expect((await save(viewId, ours)).response_action).toBe("update");
    await t.idle();
    t.advance(5_000);
    await t.idle();
    expect(planCanvas()).not.toMatch(/<@|<#/);
    expect(planCanvas()).toContain("Escalations go to");

    // Broadcasts and group mentions would show raw in a document: refused on the box.
    const loud = await save(viewId, `${ours}\n\n<!here> please read`);
    expect(loud.errors?.[textBox(viewId)?.block_id ?? ""]).toContain("Slack markup");

    await t.slack.command({ text: "export plan", channelId: CHANNEL, userId: PM });
    await t.idle();
    const file = [...t.emulator.files.values()].find((f) => f.filename === "INT-0001-implementation-plan.md");
    expect(file?.content).toContain("| **Project Manager** | user-u0pm |");
    expect(file?.content).toMatch(/Escalations go to user-u0lead in #\S+\./);
    expect(file?.content).not.toMatch(/<@|<#|\bU0[A-Z0-9]+\b/);
  });

  it("refuses text that cannot be the section's, on the box, and saves nothing", async () => {
    await publishPlan();
    const viewId = await openEditor();
    await pick(viewId, "### 1.1 Business Problem");
    const blockId = textBox(viewId)?.block_id ?? "";

    const empty = await save(viewId, "  \n ");
    expect(empty.response_action).toBe("errors");
    expect(empty.errors?.[blockId]).toContain("To go back to the generated text, use Revert");

    const heading = await save(viewId, "Our problem.\n\n### 1.2 Another section");
    expect(heading.errors?.[blockId]).toContain("would start a new section");

    const same = await save(viewId, textBox(viewId)?.element?.initial_value ?? "");
    expect(same.errors?.[blockId]).toContain("This is the section's text already");

    expect(t.db.select().from(sectionEdits).all()).toEqual([]);
    expect(t.emulator.rejections).toEqual([]);
  });

  it("a section that changed while the PM was writing is not overwritten unseen: their text stays in the box", async () => {
    await publishPlan();
    const viewId = await openEditor();
    await pick(viewId, "### 1.1 Business Problem");
    const before = textBox(viewId)?.element?.initial_value ?? "";

    // Meanwhile someone answers the interview section this one is made from.
    await answer(0);
    const ours = "Two people key every order in by hand.";
    const first = await save(viewId, ours);
    expect(first.response_action).toBe("update");
    expect(modalText(viewId)).toContain("While you were writing, this section changed");
    expect(modalText(viewId)).toContain("First item");
    expect(textBox(viewId)?.element?.initial_value).toBe(ours);
    expect(t.db.select().from(sectionEdits).all()).toEqual([]);
    expect(before).not.toContain("First item");

    // Having seen it, the PM saves again: now their text replaces the section's.
    await save(viewId, ours);
    expect(t.db.select().from(sectionEdits).all()).toMatchObject([
      { heading: "### 1.1 Business Problem", body: ours },
    ]);
    expect(planCanvas()).toContain(`### 1.1 Business Problem\n${ours}\n\n### 1.2`);
    expect(t.emulator.rejections).toEqual([]);
  });

  it("the discovery document's sections are edited the same way, into its own canvas", async () => {
    await t.slack.command({ text: "discovery", channelId: CHANNEL, userId: PM });
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create");
    const canvas = () => t.emulator.canvases.get(String(created.answer?.canvas_id))?.markdown ?? "";
    const viewId = await openEditor("discovery");
    expect(validateView(modal(viewId))).toEqual([]);
    await pick(viewId, "### Compliance");
    await save(viewId, "SOC 2 Type II, renewed every spring.");
    expect(canvas()).toContain("### Compliance\nSOC 2 Type II, renewed every spring.\n\n## Performance");
    expect(await historyLines()).toContain("edited *### Compliance* of the Discovery Document");
  });

  it("says what to edit (a document, or the project), and needs the channel's project", async () => {
    const none = await t.slack.command({ text: "edit", channelId: CHANNEL, userId: PM });
    expect(text(none.body)).toContain(
      "Say what to edit: `plan`, `discovery`, `sow`, `specs`, `tests`, `runbook`, `playbook` or `project`",
    );
    expect(text(none.body)).toContain("/intplan edit &lt;document&gt;");
    const wrong = await t.slack.command({ text: "edit answers", channelId: CHANNEL, userId: PM });
    expect(text(wrong.body)).toContain('Cannot edit \\"answers\\"');
    const elsewhere = await t.slack.command({ text: "edit plan", channelId: "C0OTHER", userId: PM });
    await t.idle();
    expect(text(elsewhere.body)).toContain("no integration project");
    expect(t.emulator.callsTo("views.open").filter((c) => c.answer?.ok)).toHaveLength(1);
  });
});
