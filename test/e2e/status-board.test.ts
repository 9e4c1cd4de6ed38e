import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage, validateView } from "../../emulator/block-kit-limits.js";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { loadChecklist } from "../../src/db/checklist-store.js";
import { projects, statusBoards } from "../../src/db/schema.js";
import { permalinkGiven } from "../support/canvases.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp, type TestAppOptions } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";

const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");
const boardText = (call: RecordedCall | undefined) => JSON.stringify(call?.args.blocks ?? []);

describe("the status board: one pinned message per project channel, updated in place", () => {
  let t: TestApp;
  let projectId: number;
  async function start(options: TestAppOptions = {}) {
    t = await startTestApp(options);
    await createProjectThroughSlack(t);
    projectId = t.db.select().from(projects).get()?.id ?? 0;
  }
  afterEach(async () => {
    await t.close();
  });

  const boardPosts = () => t.emulator.callsTo("chat.postMessage").filter(isBoard);
  const boardEdits = () => t.emulator.callsTo("chat.update").filter(isBoard);
  /** Presses the board's "Tasks & exit criteria" button; resolves with the views.open call it made. */
  async function openChecklistFrom(boardTs: string) {
    await t.slack.blockAction({
      actionId: "status_board_checklist",
      value: String(projectId),
      userId: "U0DEV",
      channelId: CHANNEL,
      messageTs: boardTs,
    });
    await t.idle();
    return t.emulator.waitForCall(
      "views.open",
      (c) => (c.args.view as { callback_id?: string }).callback_id === "checklist",
    );
  }
  async function postBoard() {
    await t.slack.command({ text: "status", userId: "U0PM" });
    await t.idle();
    const post = await t.emulator.waitForCall("chat.postMessage", (c) => isBoard(c) && c.answer?.ok === true);
    return String(post.answer?.ts);
  }

  describe("with the usual timing", () => {
    beforeEach(() => start());

    it("/intplan status posts the board and pins it once; running it again updates that same message", async () => {
      const res = await t.slack.command({ text: "status", userId: "U0PM" });
      expect(res.body).toBe("");
      await t.idle();
      const post = await t.emulator.waitForCall("chat.postMessage", isBoard);
      expect(validateMessage(post.args)).toEqual([]);
      const ts = String(post.answer?.ts);
      for (const expected of [
        "Acme order sync (INT-0001)",
        "*1. Discovery &amp; Design*",
        "*Open blockers:* none",
        "Next milestone:",
      ]) {
        expect(boardText(post)).toContain(expected);
      }
      await t.idle();
      expect(t.db.select().from(statusBoards).get()).toMatchObject({
        ts,
        pinned: true,
        channelId: CHANNEL,
      });
      expect(t.emulator.pins.get(CHANNEL)).toEqual(new Set([ts]));

      // Nothing on it changed since it was posted moments ago: the answer comes at once, with no Slack call.
      const again = await t.slack.command({ text: "status", userId: "U0DEV" });
      expect(again.body).toMatchObject({
        response_type: "ephemeral",
        text: expect.stringContaining("status board is up to date"),
      });
      await t.idle();
      expect(boardPosts()).toHaveLength(1);
      expect(boardEdits()).toEqual([]);

      // A minute later the same command edits that same message (which also checks it still exists).
      t.setNow(new Date("2026-11-22T10:01:00Z"));
      await t.slack.command({ text: "status", userId: "U0DEV" });
      await t.idle();
      const edit = await t.emulator.waitForCall("chat.update", isBoard);
      expect(edit.args.ts).toBe(ts);
      expect(boardPosts()).toHaveLength(1);
      expect(t.emulator.callsTo("pins.add")).toHaveLength(1);
    });

    it("/intplan status says each phase's status in words, and the current one in the notification", async () => {
      await t.slack.command({ text: "phase 1 in progress", userId: "U0PM" });
      await t.idle();
      const ts = await postBoard();
      const post = boardPosts().find((c) => c.answer?.ts === ts);
      expect(boardText(post)).toContain(":large_blue_circle: *1. Discovery &amp; Design* · In progress");
      expect(boardText(post)).toContain(":white_circle: *2. Development* · Not started");
      expect(post?.args.text).toBe(
        "Acme order sync (INT-0001) status: phase 1. Discovery &amp; Design, In progress; no open blockers",
      );
    });

    it("a burst of /intplan status makes no edit when nothing on the board changed", async () => {
      await postBoard();
      await t.idle();
      expect(t.db.select().from(statusBoards).get()?.pinned).toBe(true);
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => t.slack.command({ text: "status", userId: "U0DEV" })),
      );
      for (const reply of replies) expect(JSON.stringify(reply.body)).toContain("status board is up to date");
      await t.idle();
      expect(boardEdits()).toEqual([]);
      expect(boardPosts()).toHaveLength(1);
    });

    it("a PM marks Development in progress and the status board updates in place", async () => {
      const ts = await postBoard();
      await t.slack.command({ text: "phase dev in-progress", userId: "U0PM" });
      await t.idle();
      const edit = await t.emulator.waitForCall(
        "chat.update",
        (c) => isBoard(c) && boardText(c).includes(":large_blue_circle: *2. Development*"),
      );
      expect(edit.args).toMatchObject({ channel: CHANNEL, ts });
      // In words, not only as a coloured circle: on the phase's line, and in the notification text.
      expect(boardText(edit)).toContain(":large_blue_circle: *2. Development* · In progress");
      expect(edit.args.text).toMatch(
        /\(INT-\d{4}\) status: phase 2\. Development, In progress; no open blockers$/,
      );
      expect(boardText(edit)).toContain("*Next milestone:* finish *2. Development* (exit criteria 0/5)");
      expect(
        t.emulator.messages
          .get(CHANNEL)
          ?.filter((m) => JSON.stringify(m.blocks).includes("status_board_checklist")),
      ).toHaveLength(1);
    });

    it("shows a new blocker with its owner and age, and drops it once resolved", async () => {
      await postBoard();
      await t.slack.command({ text: "blocker Sandbox credentials <@U0MARIA|maria> --client" });
      await t.idle();
      await t.emulator.waitForCall("chat.update", (c) =>
        boardText(c).includes("*#1* Sandbox credentials · just now · <@U0MARIA> · waiting on client"),
      );
      await t.slack.command({ text: "blocker resolve 1" });
      await t.idle();
      await t.emulator.waitForCall(
        "chat.update",
        (c) => isBoard(c) && boardText(c).includes("*Open blockers:* none"),
      );
    });

    it("ticks tasks and exit criteria from the board's button; progress shows per phase", async () => {
      const ts = await postBoard();
      const open = await openChecklistFrom(ts);
      expect(open.answer?.ok).toBe(true);
      expect(validateView(open.args.view)).toEqual([]);
      const viewId = openedViewId(open);

      const exit = loadChecklist(t.db, projectId).filter((i) => i.phaseNumber === 1 && i.kind === "exit");
      const ticked = [String(exit[0]?.id), String(exit[1]?.id)];
      const submitted = await t.slack.viewSubmission({
        userId: "U0DEV",
        viewId,
        values: { p1_exit_0: { p1_exit_0: form.checkboxes(ticked) } },
      });
      expect(submitted.body).toBe("");
      expect(
        loadChecklist(t.db, projectId)
          .filter((i) => i.done)
          .map((i) => [String(i.id), i.doneBy]),
      ).toEqual(ticked.map((id) => [id, "U0DEV"]));
      await t.idle();
      await t.emulator.waitForCall("chat.update", (c) =>
        boardText(c).includes("*1. Discovery &amp; Design* · Not started · tasks 0/7 · exit criteria 2/4"),
      );
    });

    it("publishing the plan puts its canvas link on the board", async () => {
      const ts = await postBoard();
      await t.idle();
      await t.slack.command({ text: "plan", userId: "U0PM" });
      await t.idle();
      const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
      const canvasId = String(created.answer?.canvas_id);
      // The link is the canvas' permalink as files.info gives it.
      const permalink = await permalinkGiven(t.emulator, canvasId);
      const edit = await t.emulator.waitForCall(
        "chat.update",
        (c) => isBoard(c) && boardText(c).includes(permalink),
      );
      expect(edit.args.ts).toBe(ts);
      expect(boardText(edit)).toContain(`<${permalink}|Implementation Plan> v1`);
    });

    it("what is ticked on the board's checklist shows ticked in the plan canvas", async () => {
      await t.slack.command({ text: "plan", userId: "U0PM" });
      await t.idle();
      const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
      const canvasId = String(created.answer?.canvas_id);
      expect(t.emulator.canvases.get(canvasId)?.markdown).toContain(
        "- [ ] All API credentials obtained and tested",
      );
      const ts = await postBoard();
      const open = await openChecklistFrom(ts);
      const items = loadChecklist(t.db, projectId).filter((i) => i.phaseNumber === 1);
      const id = (label: string) => String(items.find((i) => i.label === label)?.id);
      await t.slack.viewSubmission({
        userId: "U0DEV",
        viewId: openedViewId(open),
        values: {
          p1_task_0: { p1_task_0: form.checkboxes([id("Create test data scenarios")]) },
          p1_exit_0: { p1_exit_0: form.checkboxes([id("All API credentials obtained and tested")]) },
        },
      });
      await t.idle();
      await t.emulator.waitForCall("canvases.edit", (c) => c.answer?.ok === true);
      const markdown = t.emulator.canvases.get(canvasId)?.markdown ?? "";
      expect(markdown).toContain("- [x] Create test data scenarios");
      expect(markdown).toContain("- [x] All API credentials obtained and tested");
      expect(markdown).toContain("- [ ] Data mapping approved by client");
      expect(markdown).toContain("- [ ] Document business rules and edge cases");
    });

    it("posts a fresh board when someone deleted the old one", async () => {
      const ts = await postBoard();
      const messages = t.emulator.messages.get(CHANNEL) ?? [];
      messages.splice(
        messages.findIndex((m) => m.ts === ts),
        1,
      );
      t.emulator.pins.get(CHANNEL)?.delete(ts);
      await t.slack.command({ text: "blocker Tax codes" });
      await t.idle();
      const repost = await t.emulator.waitForCall(
        "chat.postMessage",
        (c) => isBoard(c) && boardText(c).includes("Tax codes"),
      );
      const newTs = String(repost.answer?.ts);
      expect(t.db.select().from(statusBoards).get()).toMatchObject({ ts: newTs, pinned: true });
      expect(t.emulator.pins.get(CHANNEL)).toEqual(new Set([newTs]));
    });

    it("two /intplan status at the same moment post one board", async () => {
      await Promise.all([t.slack.command({ text: "status" }), t.slack.command({ text: "status" })]);
      await t.idle();
      await t.emulator.waitForCall("pins.add");
      expect(boardPosts()).toHaveLength(1);
    });

    it("shows the board privately, statuses in words, when Slack will not take it in the channel", async () => {
      t.emulator.failNext("chat.postMessage", { kind: "error", error: "not_in_channel" });
      await t.slack.command({ text: "status", userId: "U0PM" });
      await t.idle();
      const reply = await t.emulator.waitForResponse();
      expect(reply.body.response_type).toBe("ephemeral");
      expect(String(reply.body.text)).toContain(
        "I could not post the status board here (Slack said `not_in_channel`)",
      );
      expect(JSON.stringify(reply.body.blocks)).toContain("Acme order sync (INT-0001)");
      expect(JSON.stringify(reply.body.blocks)).toContain(
        ":white_circle: *1. Discovery &amp; Design* · Not started",
      );
      expect(JSON.stringify(reply.body.blocks)).not.toContain("updates itself");
      expect(t.db.select().from(statusBoards).all()).toEqual([]);

      await postBoard();
      await t.idle();
      expect(
        t.db.select().from(statusBoards).where(eq(statusBoards.projectId, projectId)).get()?.pinned,
      ).toBe(true);
    });

    it("says why when the board can no longer be edited (the bot left the channel)", async () => {
      await postBoard();
      t.setNow(new Date("2026-11-22T10:05:00Z"));
      t.emulator.failNext("chat.update", { kind: "error", error: "channel_not_found" });
      await t.slack.command({ text: "status", userId: "U0PM" });
      await t.idle();
      const reply = await t.emulator.waitForResponse((r) => String(r.body.text).includes("could not post"));
      expect(String(reply.body.text)).toContain("(Slack said `channel_not_found`)");
      expect(boardPosts()).toHaveLength(1);
    });
  });

  describe("with a slower refresh", () => {
    // A change's refresh comes due a minute later, so the whole burst lands before it; then the clock moves.
    beforeEach(() => start({ timing: { refreshDelayMs: 60_000 } }));

    it("a burst of changes makes one board edit", async () => {
      await postBoard();
      await Promise.all(
        ["blocker One", "blocker Two", "blocker Three", "phase 1 in-progress", "phase 2 blocked"].map(
          (text) => t.slack.command({ text }),
        ),
      );
      await t.idle();
      t.advance(60_000);
      await t.idle();
      const edit = await t.emulator.waitForCall("chat.update", isBoard);
      expect(boardEdits()).toEqual([edit]);
      for (const expected of ["*#1*", "*#2*", "*#3*", ":red_circle: *2. Development*"])
        expect(boardText(edit)).toContain(expected);
    });
  });
});
