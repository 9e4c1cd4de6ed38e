import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage, validateView } from "../../emulator/block-kit-limits.js";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { webClientFor } from "../../emulator/slack-emulator-test-client.js";
import { auditLog, blockers, projects } from "../../src/db/schema.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

interface Reply {
  response_type?: string;
  text: string;
}

const CHANNEL = "C0PROJECT";
const opensBlockerModal = (call: RecordedCall) =>
  (call.args.view as { callback_id?: string }).callback_id === "log_blocker";

describe("the team logs and resolves blockers", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
  });
  afterEach(async () => {
    await t.close();
  });

  /** The channel message holding `fragment`, once the app has done all it set out to. */
  const posted = async (fragment: string, channel = CHANNEL) => {
    await t.idle();
    return t.emulator.waitForCall(
      "chat.postMessage",
      (c) => c.args.channel === channel && String(c.args.text).includes(fragment),
    );
  };
  const stored = () => t.db.select().from(blockers).all();
  /** Runs the message shortcut and resolves with the views.open call it made. */
  async function logAsBlocker(message: { ts: string; text: string; user: string }) {
    const before = t.emulator.callsTo("views.open").length;
    await t.slack.messageShortcut({
      callbackId: "log_as_blocker",
      message,
      channelId: CHANNEL,
      userId: "U0DEV",
    });
    await t.idle();
    return t.emulator.waitForCall(
      "views.open",
      (c) => opensBlockerModal(c) && t.emulator.callsTo("views.open").indexOf(c) >= before,
    );
  }

  it("a PM logs a blocker owned by a teammate and waiting on the client; the channel hears it", async () => {
    const res = await t.slack.command({
      text: "blocker Sandbox credentials for QBO <@U0MARIA|maria> --client",
      userId: "U0PM",
    });
    expect(res.body).toBe("");
    const announcement = await posted("logged blocker");
    expect(announcement.args.text).toBe(
      ":construction: <@U0PM> logged blocker *#1* Sandbox credentials for QBO · <@U0MARIA> · waiting on client",
    );
    expect(stored()).toMatchObject([
      {
        number: 1,
        text: "Sandbox credentials for QBO",
        ownerId: "U0MARIA",
        waitingOnClient: true,
        status: "open",
      },
    ]);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "blocker.added")).all()).toHaveLength(1);
  });

  it("the plan canvas shows the new blocker, and drops it once resolved", async () => {
    await t.slack.command({ text: "plan" });
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    const canvasId = String(created.answer?.canvas_id);
    const markdown = () => t.emulator.canvases.get(canvasId)?.markdown ?? "";
    expect(markdown()).toContain("No current blockers.");

    await t.slack.command({ text: "blocker Sandbox credentials <@U0MARIA|maria> --client" });
    await t.idle();
    const edit = await t.emulator.waitForCall("canvases.edit", (c) =>
      JSON.stringify(c.args.changes).includes("Sandbox credentials"),
    );
    expect(edit.args.canvas_id).toBe(canvasId);
    expect(markdown()).toMatch(
      /### 9\.2 Current Blockers\n- Sandbox credentials \(owner: !\[\]\(@U0MARIA\).*_waiting on client_/,
    );

    await t.slack.command({ text: "blocker resolve 1" });
    await t.idle();
    expect(markdown()).toContain("No current blockers.");
  });

  it("lists open blockers with id, age and owner", async () => {
    await t.slack.command({ text: "blocker Sandbox credentials <@U0MARIA|maria>" });
    await posted("*#1*");
    t.setNow(new Date("2026-11-25T11:00:00Z"));
    await t.slack.command({ text: "blocker Tax codes unclear" });
    await posted("*#2*");
    const res = await t.slack.command({ text: "blockers", userId: "U0DEV" });
    const list = res.body as Reply & { blocks: unknown[] };
    expect(list.response_type).toBe("ephemeral");
    expect(validateMessage(list)).toEqual([]);
    const text = JSON.stringify(list.blocks);
    expect(text).toContain("*Open blockers (2)*");
    expect(text).toContain("*#1* Sandbox credentials · 3d · <@U0MARIA>");
    expect(text).toContain("*#2* Tax codes unclear · just now · no owner");
  });

  it("resolves a blocker by its id with a note, and says so in the channel", async () => {
    await t.slack.command({ text: "blocker Sandbox credentials" });
    await posted("*#1*");
    const res = await t.slack.command({
      text: "blocker resolve #1 keys arrived &amp; tested",
      userId: "U0LEAD",
    });
    expect(res.body).toBe("");
    const announcement = await posted("resolved blocker");
    expect(announcement.args.text).toBe(
      ":white_check_mark: <@U0LEAD> resolved blocker *#1* Sandbox credentials\n>keys arrived &amp; tested",
    );
    expect(stored()[0]).toMatchObject({
      status: "resolved",
      resolvedBy: "U0LEAD",
      resolutionNote: "keys arrived & tested",
    });
    const list = await t.slack.command({ text: "blockers" });
    expect((list.body as Reply).text).toContain("No open blockers");
  });

  it("answers a wrong or resolved id privately and changes nothing", async () => {
    const missing = await t.slack.command({ text: "blocker resolve 7" });
    expect((missing.body as Reply).text).toContain("This project has no blocker #7");
    await t.slack.command({ text: "blocker Sandbox credentials" });
    await posted("*#1*");
    await t.slack.command({ text: "blocker resolve 1" });
    await posted("resolved blocker");
    const again = await t.slack.command({ text: "blocker resolve 1" });
    expect((again.body as Reply).text).toContain("Blocker #1 (Sandbox credentials) is already resolved.");
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "blocker.resolved")).all()).toHaveLength(1);
  });

  it("refuses an empty or too long blocker with the usage, storing nothing", async () => {
    for (const text of ["blocker --client", `blocker ${"x".repeat(600)}`]) {
      const res = await t.slack.command({ text });
      const reply = res.body as Reply;
      expect(reply.response_type).toBe("ephemeral");
      expect(reply.text).toContain("Usage: `/intplan blocker &lt;text&gt; [@owner] [--client]`");
    }
    expect(stored()).toEqual([]);
  });

  it("turns a message into a blocker linked to it with the Log as blocker shortcut", async () => {
    const { ts } = await webClientFor(t.emulator).chat.postMessage({
      channel: CHANNEL,
      text: "Client says the QBO sandbox is <b>locked</b> until Monday",
    });
    const message = {
      ts: ts ?? "",
      text: "Client says the QBO sandbox is &lt;b&gt;locked&lt;/b&gt; until Monday",
      user: "U0CLIENT",
    };
    const open = await logAsBlocker(message);
    const view = open.args.view as { blocks: { block_id?: string; element?: { initial_value?: string } }[] };
    expect(validateView(view)).toEqual([]);
    expect(view.blocks.find((b) => b.block_id === "text")?.element?.initial_value).toBe(
      "Client says the QBO sandbox is <b>locked</b> until Monday",
    );
    const viewId = openedViewId(open);

    const values = {
      text: { text: form.text("QBO sandbox locked until Monday") },
      owner: { owner: form.user("U0MARIA") },
      client: { client: form.checkboxes(["waiting_on_client"]) },
    };
    const submitted = await t.slack.viewSubmission({ userId: "U0DEV", viewId, values });
    expect(submitted.body).toBe("");
    const announcement = await posted("logged blocker");
    expect(String(announcement.args.text)).toContain(
      `<https://emulator.slack.com/archives/${CHANNEL}/p${(ts ?? "").replace(".", "")}|message>`,
    );
    expect(stored()).toMatchObject([
      {
        number: 1,
        text: "QBO sandbox locked until Monday",
        ownerId: "U0MARIA",
        waitingOnClient: true,
        sourceTs: ts,
        createdBy: "U0DEV",
      },
    ]);

    // The same message again is not a second blocker.
    const again = openedViewId(await logAsBlocker(message));
    const twice = await t.slack.viewSubmission({ userId: "U0DEV", viewId: again, values });
    expect(JSON.stringify(twice.body)).toContain("This message is already open blocker #1.");
    expect(stored()).toHaveLength(1);
  });

  it("tells someone using the shortcut outside a project channel what to do", async () => {
    await t.slack.messageShortcut({
      callbackId: "log_as_blocker",
      message: { ts: "1.000001", text: "hello", user: "U0X" },
      channelId: "C0RANDOM",
      userId: "U0DEV",
    });
    await t.idle();
    const reply = await t.emulator.waitForResponse();
    expect(String(reply.body.text)).toContain("This channel has no integration project yet");
    expect(t.emulator.callsTo("views.open").filter(opensBlockerModal)).toEqual([]);
  });

  it("keeps each channel's and each workspace's blockers apart", async () => {
    await createProjectThroughSlack(t, { channelId: "C0OTHER" });
    await t.slack.command({ text: "blocker Ours", channelId: CHANNEL });
    await posted("*#1* Ours");
    await t.slack.command({ text: "blocker Theirs", channelId: "C0OTHER" });
    await posted("*#1* Theirs", "C0OTHER");

    await t.slack.command({ text: "blocker resolve 1", channelId: "C0OTHER" });
    await posted("resolved blocker *#1* Theirs", "C0OTHER");
    expect(stored().map((b) => [b.text, b.status])).toEqual([
      ["Ours", "open"],
      ["Theirs", "resolved"],
    ]);

    const elsewhere = await t.slack.command({ text: "blockers", channelId: CHANNEL, teamId: "T0ELSEWHERE" });
    expect((elsewhere.body as Reply).text).toContain("has no integration project yet");
    expect(t.db.select().from(projects).all()).toHaveLength(2);
  });
});
