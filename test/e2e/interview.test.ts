import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import type { StateValues } from "../../emulator/signed-client.js";
import { auditLog, projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V3 } from "../../src/domain/questionnaire/definition.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { partialSectionState, sectionState } from "../support/interview.js";
import { createProjectThroughSlack } from "../support/projects.js";
import { storedAnswers as answersOf } from "../support/queries.js";

interface ModalView {
  id?: string;
  title: { text: string };
  private_metadata: string;
  callback_id: string;
  blocks: { type: string; block_id?: string; text?: { text: string }; element?: Record<string, unknown> }[];
}

const sections = QUESTIONNAIRE_V3.sections;
const headerOf = (view: ModalView) => view.blocks.find((b) => b.type === "header")?.text?.text;

describe("the discovery interview, walked through Slack modals", () => {
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

  /** Opens the interview with the slash command; returns the modal Slack shows. */
  async function openInterview(
    text = "interview",
    userId = "U0PM",
  ): Promise<{ viewId: string; view: ModalView }> {
    const res = await t.slack.command({ text, userId, channelId: "C0PROJECT" });
    expect(res.status).toBe(200);
    await t.idle();
    const call = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    expect(call.answer?.ok).toBe(true);
    const view = call.args.view as ModalView;
    const opened = call.answer?.view as { id: string } | undefined;
    return { viewId: String(opened?.id), view };
  }

  /** Presses Next on the modal on screen; returns Slack's answer (the next view, or errors). */
  async function submit(viewId: string, view: ModalView, values: StateValues, userId = "U0PM") {
    const res = await t.slack.viewSubmission({
      userId,
      viewId,
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values,
    });
    expect(res.status).toBe(200);
    return res.body as { response_action: string; view?: ModalView; errors?: Record<string, string> };
  }

  const storedAnswers = () => answersOf(t.db, projectId);

  it("walks every section from the first to the summary, saving each one", async () => {
    let { viewId, view } = await openInterview();
    expect(headerOf(view)).toBe(`Section 1 of ${sections.length}: ${sections[0]?.title}`);

    for (const [index, section] of sections.entries()) {
      expect(view.title.text.length).toBeLessThanOrEqual(24);
      expect(validateView(view)).toEqual([]);
      const answer = await submit(viewId, view, sectionState(section));
      expect(answer.response_action).toBe("update");
      expect(Object.keys(storedAnswers())).toEqual(
        expect.arrayContaining(sections.slice(0, index + 1).flatMap((s) => s.questions.map((q) => q.id))),
      );
      view = answer.view as ModalView;
    }
    expect(view.title.text).toBe("Discovery summary");
    expect(validateView(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).not.toContain("Still needed");

    await t.slack.command({ text: "status", channelId: "C0PROJECT" });
    await t.idle();
    const board = await t.emulator.waitForCall("chat.postMessage", (c) =>
      String(c.args.text).startsWith("Acme order sync (INT-0001) status:"),
    );
    expect(JSON.stringify(board.args.blocks)).toContain(
      `Discovery interview: ${sections.length} of ${sections.length} sections complete, no required answers missing`,
    );
    expect(t.emulator.rejections).toEqual([]);
    void viewId;
  });

  it("rejects a malformed answer inline, on its own block, and keeps the rest", async () => {
    const { viewId, view } = await openInterview("interview risks");
    const section = sections.find((s) => s.questions.some((q) => q.id === "risks"));
    if (!section) throw new Error("the questionnaire has a risks table");
    const answer = await submit(
      viewId,
      view,
      sectionState(section, {
        risks: form.text("Carrier API downtime | High | High | Fallback carrier | Ops\nOnly two | cells"),
      }),
    );
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors ?? {})).toEqual(["risks"]);
    expect(answer.errors?.risks).toMatch(/Line 2/);
    const saved = storedAnswers();
    expect(saved.risks).toBeUndefined();
    const others = section.questions.filter((q) => q.id !== "risks").map((q) => q.id);
    for (const id of others) expect(saved[id]).toBeDefined();
  });

  it("closing midway and reopening returns to the same section with everything typed still there", async () => {
    const third = sections[2];
    if (!third) throw new Error("three sections at least");
    const { viewId, view } = await openInterview("interview 3");
    expect(headerOf(view)).toContain("Section 3 of");
    const [first, second] = third.questions;
    if (!first || !second) throw new Error("two questions at least");
    const typed = partialSectionState(third, {
      [first.id]: { type: "plain_text_input", value: "We export CSVs every Friday" },
    });
    const closed = await t.slack.viewClosed({
      userId: "U0PM",
      viewId,
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: typed,
    });
    expect(closed.status).toBe(200);
    await t.idle();

    const reopened = await openInterview();
    expect(headerOf(reopened.view)).toContain("Section 3 of");
    expect(JSON.stringify(reopened.view.blocks)).toContain("We export CSVs every Friday");
  });

  it("a typed TBD is kept as typed, shown again in the modal, and still counts as a required answer missing", async () => {
    const first = sections[0];
    if (!first) throw new Error("one section at least");
    const { viewId, view } = await openInterview("interview 1");
    const answer = await submit(viewId, view, sectionState(first, { current_state: form.text("TBD") }));
    expect(answer.response_action).toBe("update");
    expect(storedAnswers().current_state).toBe("TBD");

    await t.slack.command({ text: "status", channelId: "C0PROJECT" });
    await t.idle();
    const board = await t.emulator.waitForCall("chat.postMessage", (c) =>
      String(c.args.text).startsWith("Acme order sync (INT-0001) status:"),
    );
    const required = sections.flatMap((s) => s.questions).filter((q) => q.required).length;
    // Section 1's other required answer is given: only "How is this done today?" (typed TBD) is missing there.
    expect(JSON.stringify(board.args.blocks)).toContain(`${required - 1} required answers missing`);

    const reopened = await openInterview("interview 1");
    expect(JSON.stringify(reopened.view.blocks)).toContain('"TBD"');
  });

  it("keeps malformed text typed before closing, exactly as typed", async () => {
    const { viewId, view } = await openInterview("interview risks");
    const section = sections.find((s) => s.questions.some((q) => q.id === "risks"));
    if (!section) throw new Error("risks section");
    const typed = partialSectionState(section, { risks: form.text("Sandbox access | sometimes") });
    await t.slack.viewClosed({
      userId: "U0PM",
      viewId,
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: typed,
    });
    await t.idle();
    const reopened = await openInterview();
    const risks = reopened.view.blocks.find((b) => b.block_id === "risks");
    expect(risks?.element?.initial_value).toBe("Sandbox access | sometimes");
  });

  it("records who answered what when two people answer different sections", async () => {
    const one = await openInterview("interview 1", "U0PM");
    await submit(one.viewId, one.view, sectionState(sections[0] as (typeof sections)[number]), "U0PM");
    const two = await openInterview("interview 2", "U0LEAD");
    await submit(two.viewId, two.view, sectionState(sections[1] as (typeof sections)[number]), "U0LEAD");
    const audit = t.db.select().from(auditLog).where(eq(auditLog.projectId, projectId)).all();
    const saved = audit.filter((a) => a.action === "answer.saved");
    expect(new Set(saved.map((a) => a.actorId))).toEqual(new Set(["U0PM", "U0LEAD"]));
    const firstQuestion = sections[1]?.questions[0]?.id;
    expect(saved.find((a) => a.details.question === firstQuestion)?.actorId).toBe("U0LEAD");
  });

  it("audits an edit with its previous value; the last edit wins", async () => {
    const section = sections[0] as (typeof sections)[number];
    const question = section.questions.find((q) => q.kind === "long_text" || q.kind === "short_text");
    if (!question) throw new Error("a text question");
    const a = await openInterview("interview 1", "U0PM");
    await submit(
      a.viewId,
      a.view,
      sectionState(section, { [question.id]: form.text("Spreadsheets") }),
      "U0PM",
    );
    const b = await openInterview("interview 1", "U0LEAD");
    await submit(
      b.viewId,
      b.view,
      sectionState(section, { [question.id]: form.text("Spreadsheets and email") }),
      "U0LEAD",
    );
    expect(storedAnswers()[question.id]).toBe("Spreadsheets and email");
    const edits = t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.projectId, projectId))
      .all()
      .filter((e) => e.details.question === question.id);
    expect(edits.map((e) => [e.actorId, e.details.previous, e.details.value])).toEqual([
      ["U0PM", null, "Spreadsheets"],
      ["U0LEAD", "Spreadsheets", "Spreadsheets and email"],
    ]);
  });

  it("moves Back and Skip with views.update, keeping the stack at one modal", async () => {
    const { viewId } = await openInterview("interview 2");
    await t.slack.blockAction({ actionId: "interview_skip", value: "1", userId: "U0PM", view: viewId });
    await t.idle();
    const skipped = await t.emulator.waitForCall("views.update");
    expect(skipped.answer?.ok).toBe(true);
    expect(headerOf(skipped.args.view as ModalView)).toContain("Section 3 of");
    expect(skipped.args.view_id).toBe(viewId);

    await t.slack.blockAction({ actionId: "interview_back", value: "2", userId: "U0PM", view: viewId });
    await t.idle();
    const back = await t.emulator.waitForCall(
      "views.update",
      (c) => t.emulator.callsTo("views.update").indexOf(c) === 1,
    );
    expect(back.answer?.ok).toBe(true);
    expect(headerOf(back.args.view as ModalView)).toContain("Section 2 of");
    expect(t.emulator.callsTo("views.push")).toEqual([]);
  });

  it("says which sections exist when the named one does not", async () => {
    const res = await t.slack.command({ text: "interview astrology", channelId: "C0PROJECT" });
    expect(JSON.stringify(res.body)).toContain('No section matches \\"astrology\\"');
    await t.idle();
    expect(t.emulator.callsTo("views.open").length).toBe(1);
  });

  it("the project card's button opens the interview", async () => {
    const card = t.emulator.lastCall("chat.postMessage");
    await t.slack.blockAction({
      actionId: "project_start_interview",
      value: String(projectId),
      userId: "U0PM",
      channelId: "C0PROJECT",
      messageTs: String(card?.answer?.ts),
    });
    await t.idle();
    const open = await t.emulator.waitForCall(
      "views.open",
      (c) => (c.args.view as ModalView).callback_id === "interview_section",
    );
    expect(open.answer?.ok).toBe(true);
  });
});
