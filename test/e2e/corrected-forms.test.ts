/**
 * A form answered with an inline error is corrected and submitted again. Slack keeps the view and its hash
 * after `response_action: "errors"`, so the second submission is the same view with the same hash: it must
 * be processed, not dropped as a double submission.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackRequestResult } from "../../emulator/signed-client.js";
import { answers, blockers, projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V3 } from "../../src/domain/questionnaire/definition.js";
import { form, newProjectForm, stateValues } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { sectionState } from "../support/interview.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";
import { postsContaining as postsIn } from "../support/queries.js";

const CHANNEL = "C0PROJECT";

type SubmissionAnswer = { response_action?: string; errors?: Record<string, string> };
const answerOf = (res: SlackRequestResult) => (res.status === 200 ? (res.body as SubmissionAnswer) : {});

describe("a form corrected after an inline error is saved", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const postsContaining = (fragment: string) => postsIn(t.emulator, CHANNEL, fragment);
  const hashOf = (viewId: string) => t.emulator.views.get(viewId)?.hash;

  it("/intplan new with a go-live in the past, then the date fixed: the project exists and its card is posted once", async () => {
    const res = await t.slack.command({ text: "new", channelId: CHANNEL, userId: "U0PM" });
    const viewId = openedViewId(
      await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId),
    );
    const hash = hashOf(viewId);

    const past = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: newProjectForm({ target_go_live: form.date("2026-11-01") }),
    });
    expect(answerOf(past).response_action).toBe("errors");
    expect(answerOf(past).errors?.target_go_live).toMatch(/in the past/);
    // Slack keeps the view, and its hash, after an errors answer.
    expect(hashOf(viewId)).toBe(hash);
    expect(t.emulator.views.get(viewId)?.closed).toBeFalsy();

    // Pressing Create again without a change shows the error again (the modal does not just close).
    const again = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: newProjectForm({ target_go_live: form.date("2026-11-01") }),
    });
    expect(answerOf(again).response_action).toBe("errors");

    const fixed = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: newProjectForm({ target_go_live: form.date("2027-02-01") }),
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toBe("");
    expect(t.emulator.views.get(viewId)?.closed).toBe(true);
    expect(t.db.select().from(projects).all()).toMatchObject([{ name: "Acme order sync" }]);
    await t.emulator.waitForCall("chat.postMessage", (c) => String(c.args.text).includes("created"));
    expect(postsContaining("created")).toHaveLength(1);
  });

  it("an interview section with a bad table row, then the row fixed: the corrected text is saved", async () => {
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    const projectId = t.db.select().from(projects).get()?.id ?? 0;
    const section = QUESTIONNAIRE_V3.sections.find((s) => s.questions.some((q) => q.id === "risks"));
    if (!section) throw new Error("the questionnaire has a risks table");

    const res = await t.slack.command({ text: "interview risks", channelId: CHANNEL, userId: "U0PM" });
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    const viewId = openedViewId(open);
    const hash = hashOf(viewId);

    const bad = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: sectionState(section, {
        risks: form.text("Carrier API downtime | High | High | Fallback | Ops\nOnly | two"),
      }),
    });
    expect(answerOf(bad).response_action).toBe("errors");
    expect(answerOf(bad).errors?.risks).toMatch(/Line 2/);
    expect(hashOf(viewId)).toBe(hash);

    const fixed = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: sectionState(section, {
        risks: form.text(
          "Carrier API downtime | High | High | Fallback | Ops\nRate limits | Medium | High | Batch calls | Dev",
        ),
      }),
    });
    expect(answerOf(fixed).response_action).toBe("update");
    expect(hashOf(viewId)).not.toBe(hash);
    const risks = t.db
      .select()
      .from(answers)
      .where(eq(answers.projectId, projectId))
      .all()
      .find((a) => a.questionId === "risks");
    expect(JSON.stringify(risks?.value)).toContain("Rate limits");
  });

  it("the Log-as-blocker modal emptied, then described: the blocker is logged and announced once", async () => {
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    const projectId = t.db.select().from(projects).get()?.id ?? 0;
    await t.slack.messageShortcut({
      callbackId: "log_as_blocker",
      message: { ts: "1700000000.000300", text: "The sandbox is down again", user: "U0DEV" },
      channelId: CHANNEL,
      userId: "U0DEV",
    });
    const viewId = openedViewId(
      await t.emulator.waitForCall(
        "views.open",
        (c) => (c.args.view as { callback_id?: string }).callback_id === "log_blocker",
      ),
    );
    const hash = hashOf(viewId);

    const empty = await t.slack.viewSubmission({
      userId: "U0DEV",
      viewId,
      values: stateValues({ text: form.text("  ...  ") }),
    });
    expect(answerOf(empty).response_action).toBe("errors");
    expect(hashOf(viewId)).toBe(hash);

    const fixed = await t.slack.viewSubmission({
      userId: "U0DEV",
      viewId,
      values: stateValues({ text: form.text("The sandbox is down: no test orders since Monday") }),
    });
    expect(fixed.body).toBe("");
    const logged = t.db.select().from(blockers).where(eq(blockers.projectId, projectId)).all();
    expect(logged.map((b) => b.text)).toEqual(["The sandbox is down: no test orders since Monday"]);
    await t.emulator.waitForCall("chat.postMessage", (c) => String(c.args.text).includes("logged blocker"));
    expect(postsContaining("logged blocker")).toHaveLength(1);
  });

  it("the same signed request sent again after an error is still a replay", async () => {
    const res = await t.slack.command({ text: "new", channelId: CHANNEL, userId: "U0PM" });
    const viewId = openedViewId(
      await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId),
    );
    const view = t.emulator.views.get(viewId);
    const payload = {
      type: "view_submission",
      team: { id: t.emulator.teamId },
      user: { id: "U0PM", team_id: t.emulator.teamId },
      api_app_id: t.emulator.appId,
      view: {
        id: viewId,
        hash: view?.hash,
        callback_id: view?.view.callback_id,
        private_metadata: view?.view.private_metadata,
        state: { values: newProjectForm({ target_go_live: form.date("2026-11-01") }) },
      },
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await t.slack.raw({ body, contentType: "application/x-www-form-urlencoded", timestamp });
    expect(answerOf(first).response_action).toBe("errors");
    const replay = await t.slack.raw({ body, contentType: "application/x-www-form-urlencoded", timestamp });
    expect(replay.status).toBe(200);
    expect(replay.body).toBe("");
  });
});
