/**
 * Two people in one interview section: Dana (the lead engineer) and Pat (the PM) open "Current state" at
 * the same time. Each submission writes only what that person changed in their modal, so neither loses
 * the other's answers; when both change the same question, the later one wins, the earlier stays in the
 * audit history, and the person whose modal was stale is told.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StateValues } from "../../emulator/signed-client.js";
import { auditLog, interviewDrafts, projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V3 } from "../../src/domain/questionnaire/definition.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { stateShownIn } from "../support/interview.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";
import { storedAnswers } from "../support/queries.js";

const CHANNEL = "C0PROJECT";
const DANA = "U0LEAD";
const PAT = "U0PM";
const sectionIndex = QUESTIONNAIRE_V3.sections.findIndex((s) => s.id === "current_state");
const section = QUESTIONNAIRE_V3.sections[sectionIndex] as (typeof QUESTIONNAIRE_V3.sections)[number];

interface ModalView {
  callback_id: string;
  blocks: { type: string; block_id?: string; elements?: { text?: string }[] }[];
}
interface Modal {
  viewId: string;
  view: ModalView;
  user: string;
}

describe("two people editing one interview section", () => {
  let t: TestApp;
  let projectId: number;

  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    projectId = t.db.select().from(projects).get()?.id ?? 0;
  });
  afterEach(async () => {
    await t.close();
  });

  async function open(user: string): Promise<Modal> {
    const res = await t.slack.command({
      text: `interview ${sectionIndex + 1}`,
      userId: user,
      channelId: CHANNEL,
    });
    const call = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    return { viewId: openedViewId(call), view: call.args.view as ModalView, user };
  }

  /** Presses Next with the modal as shown, but for the fields this person changed. */
  async function next(modal: Modal, changed: Record<string, Record<string, unknown>>) {
    const values: StateValues = stateShownIn(section, modal.view, changed);
    const res = await t.slack.viewSubmission({ userId: modal.user, viewId: modal.viewId, values });
    expect(res.status).toBe(200);
    const answer = res.body as { response_action: string; view?: ModalView };
    expect(answer.response_action).toBe("update");
    return answer.view as ModalView;
  }

  const stored = () => storedAnswers(t.db, projectId);
  const answerAudit = () =>
    t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.projectId, projectId))
      .all()
      .filter((e) => e.action.startsWith("answer."));
  const notesIn = (view: ModalView) =>
    view.blocks.flatMap((b) => (b.type === "context" ? (b.elements ?? []).map((e) => e.text ?? "") : []));

  it("Dana saves, then Pat changes one other field in the modal opened earlier: both keep their answers", async () => {
    const dana = await open(DANA);
    const pat = await open(PAT);
    await next(dana, {
      current_state: form.text("Two people copy each order into QuickBooks by hand"),
      pain_points: form.text("Invoices are a day late\nTypos in amounts"),
    });
    const patNext = await next(pat, { hours_per_week: form.number("12") });

    expect(stored()).toEqual({
      current_state: "Two people copy each order into QuickBooks by hand",
      pain_points: ["Invoices are a day late", "Typos in amounts"],
      hours_per_week: 12,
    });
    expect(answerAudit().map((e) => [e.actorId, e.action, e.details.question])).toEqual([
      [DANA, "answer.saved", "current_state"],
      [DANA, "answer.saved", "pain_points"],
      [PAT, "answer.saved", "hours_per_week"],
    ]);
    expect(notesIn(patNext).join("\n")).not.toContain("while you were editing");
  });

  it("both change the same question: Pat's later answer wins, Dana's stays in history, and Pat is told", async () => {
    const dana = await open(DANA);
    const pat = await open(PAT);
    const danaNext = await next(dana, { hours_per_week: form.number("12") });
    const patNext = await next(pat, { hours_per_week: form.number("20") });

    expect(stored()).toEqual({ hours_per_week: 20 });
    expect(answerAudit().map((e) => [e.actorId, e.details.previous, e.details.value])).toEqual([
      [DANA, null, 12],
      [PAT, 12, 20],
    ]);
    expect(notesIn(patNext)).toContain(
      `:information_source: <@${DANA}> changed *Hours per week spent on it by hand* while you were editing; your answer replaced theirs.`,
    );
    expect(notesIn(danaNext).join("\n")).not.toContain("while you were editing");
  });

  it("closing an unchanged modal opened before someone else's answers writes nothing", async () => {
    const dana = await open(DANA);
    const pat = await open(PAT);
    await next(dana, {
      current_state: form.text("Orders are typed in twice"),
      hours_per_week: form.number("12"),
    });
    const before = { answers: stored(), audit: answerAudit().length };

    const closed = await t.slack.viewClosed({
      userId: PAT,
      viewId: pat.viewId,
      values: stateShownIn(section, pat.view),
    });
    expect(closed.status).toBe(200);

    expect(stored()).toEqual(before.answers);
    expect(answerAudit()).toHaveLength(before.audit);
  });

  it("Skip in an unchanged stale modal writes nothing either", async () => {
    const dana = await open(DANA);
    const pat = await open(PAT);
    await next(dana, { current_state: form.text("Orders are typed in twice") });
    const before = { answers: stored(), audit: answerAudit().length };

    await t.slack.blockAction({
      actionId: "interview_skip",
      value: String(sectionIndex),
      userId: PAT,
      view: pat.viewId,
      values: stateShownIn(section, pat.view),
    });
    // The modal moves on only after the section is kept (or left alone).
    const moved = await t.emulator.waitForCall("views.update", (c) => c.args.view_id === pat.viewId);
    expect(moved.answer?.ok).toBe(true);

    expect(stored()).toEqual(before.answers);
    expect(answerAudit()).toHaveLength(before.audit);
  });

  it("text Dana kept as typed (not yet valid) survives Pat's stale Next", async () => {
    const dana = await open(DANA);
    const pat = await open(PAT);
    await t.slack.viewClosed({
      userId: DANA,
      viewId: dana.viewId,
      values: stateShownIn(section, dana.view, { hours_per_week: form.number("twelve-ish") }),
    });
    await next(pat, { current_state: form.text("Orders are typed in twice") });

    expect(stored()).toEqual({ current_state: "Orders are typed in twice" });
    const draft = t.db.select().from(interviewDrafts).where(eq(interviewDrafts.projectId, projectId)).get();
    expect(draft?.raw).toEqual({ hours_per_week: "twelve-ish" });
    const reopened = await open(DANA);
    expect(JSON.stringify(reopened.view.blocks)).toContain("twelve-ish");
  });

  it("a stale modal is not refused for text someone else has since fixed", async () => {
    const pat = await open(PAT);
    await t.slack.viewClosed({
      userId: PAT,
      viewId: pat.viewId,
      values: stateShownIn(section, pat.view, { hours_per_week: form.number("twelve-ish") }),
    });
    const dana = await open(DANA);
    expect(JSON.stringify(dana.view.blocks)).toContain("twelve-ish");
    const patAgain = await open(PAT);
    await next(patAgain, { hours_per_week: form.number("12") });

    // Dana's modal still shows "twelve-ish"; she changes another question and presses Next.
    await next(dana, { current_state: form.text("Orders are typed in twice") });
    expect(stored()).toEqual({ hours_per_week: 12, current_state: "Orders are typed in twice" });
    expect(t.db.select().from(interviewDrafts).where(eq(interviewDrafts.projectId, projectId)).all()).toEqual(
      [],
    );
  });

  it("the notice also comes with the section Skip moves to", async () => {
    const dana = await open(DANA);
    const pat = await open(PAT);
    await next(dana, { hours_per_week: form.number("12") });
    await t.slack.blockAction({
      actionId: "interview_skip",
      value: String(sectionIndex),
      userId: PAT,
      view: pat.viewId,
      values: stateShownIn(section, pat.view, { hours_per_week: form.number("20") }),
    });
    const moved = await t.emulator.waitForCall("views.update", (c) => c.args.view_id === pat.viewId);
    expect(stored()).toEqual({ hours_per_week: 20 });
    expect(notesIn(moved.args.view as ModalView).join("\n")).toContain(
      `<@${DANA}> changed *Hours per week spent on it by hand* while you were editing`,
    );
  });
});
