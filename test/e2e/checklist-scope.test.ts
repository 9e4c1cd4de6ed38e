import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { loadChecklist } from "../../src/db/checklist-store.js";
import { auditLog, projects } from "../../src/db/schema.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");
const boardText = (call: RecordedCall | undefined) => JSON.stringify(call?.args.blocks ?? []);

describe("a PM decides what is in scope from the board's checklist", () => {
  let t: TestApp;
  let projectId: number;
  beforeEach(async () => {
    t = await startTestApp();
    // Shopify → QuickBooks Online, posting orders: an accounting project, auto-detected.
    await createProjectThroughSlack(t);
    projectId = t.db.select().from(projects).get()?.id ?? 0;
  });
  afterEach(async () => {
    await t.close();
  });

  const item = (label: string) => {
    const found = loadChecklist(t.db, projectId).find((i) => i.label === label);
    if (!found) throw new Error(`no checklist item "${label}"`);
    return found;
  };

  async function publishPlan(): Promise<string> {
    await t.slack.command({ text: "plan", userId: "U0PM" });
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    return String(created.answer?.canvas_id);
  }

  /** Presses the board's checklist button; resolves with the views.open call it made (`showing`, when given). */
  async function openChecklist(showing = "") {
    await t.slack.command({ text: "status", userId: "U0PM" });
    await t.idle();
    const post = await t.emulator.waitForCall("chat.postMessage", (c) => isBoard(c) && c.answer?.ok === true);
    await t.slack.blockAction({
      actionId: "status_board_checklist",
      value: String(projectId),
      userId: "U0PM",
      channelId: CHANNEL,
      messageTs: String(post.answer?.ts),
    });
    await t.idle();
    return t.emulator.waitForCall(
      "views.open",
      (c) =>
        (c.args.view as { callback_id?: string }).callback_id === "checklist" &&
        JSON.stringify(c.args.view).includes(showing),
    );
  }

  it("confirms a suggested accounting task and marks an exit criterion not in scope; the board and the plan follow", async () => {
    const canvasId = await publishPlan();
    const before = t.emulator.canvases.get(canvasId)?.markdown ?? "";
    expect(before).toContain(
      "- [ ] Tax calculation integration _suggested for Accounting: confirm or mark not in scope_",
    );

    const open = await openChecklist();
    expect(open.answer?.ok).toBe(true);
    expect(validateView(open.args.view)).toEqual([]);
    const view = JSON.stringify(open.args.view);
    expect(view).toContain("Suggested tasks: tick to confirm");
    expect(view).toContain("Not in scope");

    const submitted = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId: openedViewId(open),
      values: {
        p2_suggested_0: { p2_suggested_0: form.checkboxes([String(item("Tax calculation integration").id)]) },
        p2_scope: { p2_scope: form.multi([String(item("Unit test coverage >80%").id)]) },
      },
    });
    expect(submitted.body).toBe("");

    expect(item("Tax calculation integration")).toMatchObject({ scope: "in", scopedBy: "U0PM" });
    expect(item("Unit test coverage >80%")).toMatchObject({ scope: "out", scopedBy: "U0PM" });
    expect(item("Order-to-invoice mapping").scope).toBe("suggested");
    const audit = t.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === "checklist.updated");
    expect(audit.map((a) => a.details)).toEqual([
      {
        ticked: [],
        unticked: [],
        confirmed: ["Tax calculation integration"],
        outOfScope: ["Unit test coverage >80%"],
      },
    ]);

    await t.idle();
    // Development: ten core and four testing tasks plus the one confirmed; four exit criteria in scope.
    await t.emulator.waitForCall("chat.update", (c) =>
      boardText(c).includes("*2. Development* · Not started · tasks 0/15 · exit criteria 0/4"),
    );
    await t.emulator.waitForCall("canvases.edit", (c) => c.answer?.ok === true);
    const after = t.emulator.canvases.get(canvasId)?.markdown ?? "";
    expect(after).toContain("- [ ] Tax calculation integration\n");
    expect(after).toMatch(/- \[ \] ~~Unit test coverage >80%~~ _not in scope \(.+, 2026-11-22\)_/);
    expect(after).toContain(
      "- [ ] Order-to-invoice mapping _suggested for Accounting: confirm or mark not in scope_",
    );
  });

  it("brings an item back in scope by taking it out of the pick", async () => {
    const open = await openChecklist();
    await t.slack.viewSubmission({
      userId: "U0PM",
      viewId: openedViewId(open),
      values: { p3_scope: { p3_scope: form.multi([String(item("Security review completed").id)]) } },
    });
    expect(item("Security review completed").scope).toBe("out");

    // Who marked it, and when, shows under the phase.
    const again = await openChecklist("~Security review completed~ (<@U0PM>, 2026-11-22)");
    await t.slack.viewSubmission({
      userId: "U0PM",
      viewId: openedViewId(again),
      values: { p3_scope: { p3_scope: form.multi([]) } },
    });
    expect(item("Security review completed")).toMatchObject({ scope: "in", scopedBy: "U0PM" });
  });
});
