import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answers, documents, projects, publications } from "../../src/db/schema.js";
import { parseAnswersFile } from "../../src/documents/answers-file.js";
import { QUESTIONNAIRE_V3 } from "../../src/domain/questionnaire/definition.js";
import { permalinkGiven } from "../support/canvases.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { answerSectionThroughSlack } from "../support/interview.js";
import { createProjectThroughSlack } from "../support/projects.js";
import { privateReplies } from "../support/replies.js";

const CHANNEL = "C0PROJECT";

describe("publishing the Implementation Plan and the Discovery Document", () => {
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

  const command = (commandText: string) =>
    t.slack.command({ text: commandText, channelId: CHANNEL, userId: "U0PM" });
  const canvasMarkdown = (id: string) => t.emulator.canvases.get(id)?.markdown ?? "";

  const answerSection = (index: number, userId = "U0PM") =>
    answerSectionThroughSlack(t, { channelId: CHANNEL, userId, index });

  it("posts the plan as a canvas in the channel's tabs and announces it: the announcement is the one reply", async () => {
    const res = await command("plan");
    expect(res.body).toBe("");
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create");
    expect(created.answer?.ok).toBe(true);
    expect(created.args.channel_id).toBe(CHANNEL);
    const canvasId = String(created.answer?.canvas_id);
    const markdown = canvasMarkdown(canvasId);
    expect(markdown).toContain("# IMPLEMENTATION PLAN");
    expect(markdown).toContain("Acme order sync");
    expect(markdown).not.toMatch(/\[[A-Z_0-9]{3,}\]|\{\{|<!--/);

    // The link people get is the one Slack gives (files.info's permalink), not one made up from ids.
    const permalink = await permalinkGiven(t.emulator, canvasId);
    const announcement = await t.emulator.waitForCall(
      "chat.postMessage",
      (c) => c.args.channel === CHANNEL && String(c.args.text).includes("published the <"),
    );
    expect(String(announcement.args.text)).toContain("<@U0PM>");
    expect(String(announcement.args.text)).toContain(`<${permalink}|Implementation Plan>`);
    expect(String(announcement.args.text)).toContain("version 1");
    // No "Generating…" and then the result: nothing private at all, the channel's message says it.
    expect(privateReplies(t, res)).toEqual([]);

    const doc = t.db.select().from(documents).where(eq(documents.projectId, projectId)).get();
    expect(doc).toMatchObject({ kind: "plan", canvasId, version: 1, canvasPermalink: permalink });
    expect(t.db.select().from(publications).all()).toMatchObject([
      { kind: "plan", version: 1, target: "canvas", targetId: canvasId, publishedBy: "U0PM" },
    ]);
  });

  it("says so when nothing changed, and edits the same canvas after a change", async () => {
    await command("plan");
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create");
    const canvasId = String(created.answer?.canvas_id);

    const again = await command("plan");
    await t.idle();
    // Nothing new for the channel: this person alone hears it, exactly once.
    expect(privateReplies(t, again)).toEqual([expect.stringContaining("already up to date (version 1)")]);
    expect(t.emulator.callsTo("canvases.edit")).toEqual([]);

    await answerSection(0);
    await t.idle();
    const [edit] = t.emulator.callsTo("canvases.edit");
    expect(edit?.args.canvas_id).toBe(canvasId);
    expect(t.emulator.callsTo("canvases.create")).toHaveLength(1);
    expect(t.db.select().from(documents).get()?.version).toBe(2);
    const painPoint = QUESTIONNAIRE_V3.sections[0]?.questions.find((q) => q.id === "pain_points");
    if (painPoint) expect(canvasMarkdown(canvasId)).toContain("First item");
  });

  it("a burst of changes makes one canvas edit", async () => {
    await t.close();
    // The refresh a change asks for comes due a minute later, so the whole burst lands before it.
    t = await startTestApp({ timing: { refreshDelayMs: 60_000 } });
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    await command("plan");
    await t.idle();
    await t.emulator.waitForCall("canvases.create");
    await Promise.all(["U0PM", "U0LEAD", "U0QA", "U0DEV"].map((user, i) => answerSection(i, user)));
    const answered = t.db.select().from(answers).all();
    expect(new Set(answered.map((a) => a.answeredBy))).toEqual(new Set(["U0PM", "U0LEAD", "U0QA", "U0DEV"]));
    await t.idle();
    t.advance(60_000);
    await t.idle();
    expect(t.emulator.callsTo("canvases.edit")).toHaveLength(1);
  });

  it("posts the Discovery Document as a canvas of its own", async () => {
    await command("plan");
    await t.idle();
    await t.emulator.waitForCall("canvases.create");
    await command("discovery");
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create", (c) =>
      String(c.args.title).includes("Discovery Document"),
    );
    expect(created.args.channel_id).toBe(CHANNEL);
    const markdown = canvasMarkdown(String(created.answer?.canvas_id));
    expect(markdown).toContain("Deep Discovery Document");
  });

  it("falls back to a Markdown file and says why when the workspace has no canvases", async () => {
    t.emulator.setCanvasesAvailable("team_tier_cannot_create_channel_canvases");
    const res = await command("plan");
    await t.idle();
    const file = [...t.emulator.files.values()].find((f) => f.filename === "INT-0001-implementation-plan.md");
    expect(file?.content).toContain("# IMPLEMENTATION PLAN");
    expect(file?.channelId).toBe(CHANNEL);
    // The file's comment in the channel says why; nothing more comes privately.
    expect(file?.initialComment).toContain("team_tier_cannot_create_channel_canvases");
    expect(privateReplies(t, res)).toEqual([]);
    expect(t.db.select().from(publications).get()).toMatchObject({ target: "file", version: 1 });
  });

  it("exports the answers as a JSON file the offline renderer reads back", async () => {
    await answerSection(0);
    const res = await command("export answers");
    await t.idle();
    const file = [...t.emulator.files.values()].find((f) => f.filename === "INT-0001-answers.json");
    expect(file?.initialComment).toBe("<@U0PM> exported the answers.");
    expect(privateReplies(t, res)).toEqual([]);
    const input = parseAnswersFile(JSON.parse(file?.content ?? "{}"));
    expect(input.project.code).toBe("INT-0001");
    expect(Object.keys(input.answers).length).toBeGreaterThan(0);
  });

  it("exports the plan as a file even where canvases work", async () => {
    const res = await command("export plan");
    await t.idle();
    expect(privateReplies(t, res)).toEqual([]);
    expect([...t.emulator.files.values()].map((f) => f.filename)).toContain(
      "INT-0001-implementation-plan.md",
    );
    expect(t.emulator.callsTo("canvases.create")).toEqual([]);
  });

  it("tells the user plainly when Slack refuses, and keeps nothing half-done", async () => {
    t.emulator.failNext("canvases.create", { kind: "error", error: "not_in_channel" });
    const res = await command("plan");
    await t.idle();
    const replies = privateReplies(t, res);
    expect(replies).toEqual([expect.stringContaining("could not publish")]);
    expect(replies[0]).toContain("/invite @intplan");
    expect(t.db.select().from(publications).all()).toEqual([]);
  });
});
