import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webClientFor } from "../../emulator/slack-emulator-test-client.js";
import { findDocument, recordPublication } from "../../src/db/document-store.js";
import { projects } from "../../src/db/schema.js";
import { maintainedByLine } from "../../src/documents/canvas-notice.js";
import { permalinkGiven } from "../support/canvases.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const MEMBER = "U0DEV";

/**
 * The documents' canvases as people in the channel meet them: intplan's own canvases in the channel's tabs,
 * which people can read but not edit (so no refresh wipes their work), and the channel canvas left to them.
 */
describe("managed canvases", () => {
  let t: TestApp;
  let projectId: number;

  beforeEach(async () => {
    t = await startTestApp();
    t.emulator.joinChannel(CHANNEL, "U0PM", MEMBER);
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    projectId = t.db.select().from(projects).get()?.id ?? 0;
  });
  afterEach(async () => {
    await t.close();
  });

  const command = (text: string) => t.slack.command({ text, channelId: CHANNEL, userId: "U0PM" });
  const planCanvasId = async () => {
    const created = await t.emulator.waitForCall(
      "canvases.create",
      (c) => c.answer?.ok === true && String(c.args.title).includes("Implementation Plan"),
    );
    return String(created.answer?.canvas_id);
  };
  const notices = () =>
    t.emulator
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === CHANNEL && String(c.args.text).includes("read-only"));

  it("right after /intplan plan the canvas is read-only for the channel: a member's edit is refused", async () => {
    await command("plan");
    await t.idle();
    const canvasId = await planCanvasId();
    const canvas = t.emulator.canvases.get(canvasId);
    expect(canvas).toMatchObject({ channelId: CHANNEL, isChannelCanvas: false });
    expect(t.emulator.lastCall("canvases.access.set")?.args).toMatchObject({
      canvas_id: canvasId,
      access_level: "read",
      channel_ids: [CHANNEL],
    });
    const before = canvas?.markdown ?? "";
    expect(before.startsWith(`${maintainedByLine("plan")}\n\n# IMPLEMENTATION PLAN`)).toBe(true);

    expect(t.emulator.personEditsCanvas({ userId: MEMBER, canvasId, markdown: "my notes" })).toBe(
      "read-only",
    );
    expect(t.emulator.canvases.get(canvasId)?.markdown).toBe(before);
    expect(findDocument(t.db, projectId, "plan")?.canvasAccess).toBe("read");
    expect(notices()).toEqual([]);
  });

  it("leaves the channel canvas to the team: theirs stays as it is, the plan gets a canvas of its own", async () => {
    const team = await webClientFor(t.emulator).conversations.canvases.create({
      channel_id: CHANNEL,
      document_content: { type: "markdown", markdown: "# Our notes\n- standup at 10\n" },
    });
    const channelCanvas = String(team.canvas_id);
    await command("plan");
    await command("discovery");
    await t.idle();
    expect(t.emulator.callsTo("conversations.canvases.create")).toHaveLength(1);
    expect(t.emulator.callsTo("canvases.edit")).toEqual([]);
    expect(t.emulator.canvases.get(channelCanvas)?.markdown).toBe("# Our notes\n- standup at 10\n");
    expect(t.emulator.personEditsCanvas({ userId: MEMBER, canvasId: channelCanvas, markdown: "ok" })).toBe(
      "edited",
    );
    expect((await planCanvasId()) === channelCanvas).toBe(false);
  });

  it("where Slack refuses the read-only change, the channel is told once, not again at the next refresh", async () => {
    t.emulator.refuseCanvasAccess("restricted_action");
    await command("plan");
    await t.idle();
    const canvasId = await planCanvasId();
    const [notice, ...more] = notices();
    expect(more).toEqual([]);
    const said = String(notice?.args.text);
    expect(said).toContain("restricted_action");
    expect(said).toContain("People here can still edit it, and their edits will be overwritten");
    expect(said).toContain("`/intplan edit plan`");
    expect(said).toContain("workspace admin");
    expect(said).not.toMatch(/<[@!]/);
    // The publish itself went through.
    expect(findDocument(t.db, projectId, "plan")).toMatchObject({ version: 1, canvasAccess: "refused" });

    // A member can edit it, and the next refresh overwrites the edit, as the notice said; no second notice.
    expect(t.emulator.personEditsCanvas({ userId: MEMBER, canvasId, markdown: "my notes" })).toBe("edited");
    await command("blocker Waiting on the client's API keys");
    await t.idle();
    await t.emulator.waitForCall("canvases.edit", (c) => c.answer?.ok === true);
    expect(t.emulator.canvases.get(canvasId)?.markdown).toContain("Waiting on the client's API keys");
    expect(t.emulator.canvases.get(canvasId)?.markdown).not.toContain("my notes");
    expect(t.emulator.callsTo("canvases.access.set")).toHaveLength(1);
    expect(notices()).toHaveLength(1);
  });

  it("a plan from before in the channel canvas keeps it; its next refresh tries the change once, and links it", async () => {
    // Before this change, the plan took the channel canvas and its access was never set.
    const old = await webClientFor(t.emulator).conversations.canvases.create({
      channel_id: CHANNEL,
      document_content: { type: "markdown", markdown: "# IMPLEMENTATION PLAN\n" },
    });
    const canvasId = String(old.canvas_id);
    recordPublication(t.db, {
      projectId,
      kind: "plan",
      target: "canvas",
      targetId: canvasId,
      asked: true,
      contentHash: "from-before",
      actorId: "U0PM",
      at: new Date("2026-11-01T10:00:00Z"),
      canvasId,
    });
    await t.idle();
    await command("blocker Sandbox is down");
    await command("blocker Sandbox is down again");
    await t.idle();
    expect(t.emulator.canvases.get(canvasId)?.markdown).toContain("Sandbox is down again");
    expect(t.emulator.callsTo("canvases.create")).toEqual([]);
    // Slack does not set a channel canvas' access through the API (canvas_not_found): told once, how to fix.
    expect(t.emulator.callsTo("canvases.access.set")).toHaveLength(1);
    expect(notices()).toHaveLength(1);
    expect(String(notices()[0]?.args.text)).toContain("this channel's own canvas");
    expect(findDocument(t.db, projectId, "plan")).toMatchObject({
      canvasAccess: "refused",
      canvasPermalink: await permalinkGiven(t.emulator, canvasId),
    });
  });

  it("when Slack will not give the canvas' link, nothing is made up, and it is asked again later", async () => {
    t.emulator.failNext("files.info", { kind: "error", error: "missing_scope" });
    await command("plan");
    await t.idle();
    const canvasId = await planCanvasId();
    // The one reply is the channel's announcement: it names the canvas without a made-up link.
    const announcement = await t.emulator.waitForCall("chat.postMessage", (c) =>
      String(c.args.text).includes("version 1"),
    );
    expect(JSON.stringify(announcement.args)).not.toContain(canvasId);
    expect(findDocument(t.db, projectId, "plan")?.canvasPermalink).toBeNull();

    await command("blocker Certificates expired");
    await t.idle();
    const permalink = await permalinkGiven(t.emulator, canvasId);
    expect(findDocument(t.db, projectId, "plan")?.canvasPermalink).toBe(permalink);
    expect(t.emulator.callsTo("files.info")).toHaveLength(2);
  });
});
