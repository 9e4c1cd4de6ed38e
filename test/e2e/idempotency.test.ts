/**
 * People double-click and Slack delivers twice: a form submitted twice, a button pressed twice at once, the
 * same confirmation clicked from two windows. Each does its work once.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blockers, phases, projects } from "../../src/db/schema.js";
import { encodeSignOffValue } from "../../src/slack/listeners/sign-off-value.js";
import { form, newProjectForm, stateValues } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";
import { postsContaining as postsIn } from "../support/queries.js";

const CHANNEL = "C0PROJECT";

describe("double submissions and double clicks do their work once", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const postsContaining = (fragment: string) => postsIn(t.emulator, CHANNEL, fragment);

  it("the new-project form submitted twice makes one project and one card", async () => {
    const res = await t.slack.command({ text: "new", channelId: CHANNEL, userId: "U0PM" });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    const submit = () =>
      t.slack.viewSubmission({
        userId: "U0PM",
        viewId: openedViewId(open),
        hash: "h-1",
        values: newProjectForm(),
      });
    const answers = await Promise.all([submit(), submit()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await t.idle();
    expect(t.db.select().from(projects).all()).toHaveLength(1);
    expect(postsContaining("created")).toHaveLength(1);
  });

  it("the blocker modal submitted twice logs one blocker", async () => {
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    const project = t.db.select().from(projects).get();
    const shortcut = await t.slack.messageShortcut({
      callbackId: "log_as_blocker",
      message: { ts: "1700000000.000300", text: "The sandbox is down again", user: "U0DEV" },
      channelId: CHANNEL,
      userId: "U0DEV",
    });
    expect(shortcut.status).toBe(200);
    await t.idle();
    const open = await t.emulator.waitForCall(
      "views.open",
      (c) => (c.args.view as { callback_id?: string }).callback_id === "log_blocker",
    );
    const submit = () =>
      t.slack.viewSubmission({
        userId: "U0DEV",
        viewId: openedViewId(open),
        hash: "h-blocker",
        values: stateValues({ text: form.text("The sandbox is down again") }),
      });
    await Promise.all([submit(), submit()]);
    await t.idle();
    expect(
      t.db
        .select()
        .from(blockers)
        .where(eq(blockers.projectId, project?.id ?? 0))
        .all(),
    ).toHaveLength(1);
    expect(postsContaining("logged blocker")).toHaveLength(1);
  });

  it("the sign-off button pressed twice at once signs the phase off once", async () => {
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    const project = t.db.select().from(projects).get();
    const value = encodeSignOffValue({ projectId: project?.id ?? 0, phaseNumber: 1, note: null });
    const press = () =>
      t.slack.blockAction({
        actionId: "phase_sign_off",
        value,
        userId: "U0PM",
        channelId: CHANNEL,
        messageTs: "1700000000.000400",
      });
    await Promise.all([press(), press(), press()]);
    await t.idle();
    const phase1 = t.db
      .select()
      .from(phases)
      .where(eq(phases.projectId, project?.id ?? 0))
      .all()
      .find((p) => p.number === 1);
    expect(phase1).toMatchObject({ status: "done", signedOffBy: "U0PM" });
    expect(postsContaining("to *Done*")).toHaveLength(1);
  });
});
