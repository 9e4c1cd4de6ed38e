import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "../../src/db/schema.js";
import { DOCUMENT_MAX_BYTES } from "../../src/documents/bounds.js";
import { saveMaximalAnswers, seedOpenBlockers } from "../support/big-project.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0PROJECT";

/**
 * A long-running project with 1,200 open blockers and answers longer than one canvas can hold. The
 * emulator refuses canvases over 1 MiB and tables over 300 cells, as Slack does; both documents are
 * published anyway, and say what they left out.
 */
describe("publishing the documents of a project too big for one canvas", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    const project = t.db.select().from(projects).get();
    if (!project) throw new Error("No project was created.");
    saveMaximalAnswers(t.db, project.id, { listItems: 300, tableRows: 300, risks: 1000 }, project.createdAt);
    seedOpenBlockers(t.db, project.id, 1200, project.createdAt);
  });
  afterAll(async () => {
    await t.close();
  });

  const command = (commandText: string) =>
    t.slack.command({ text: commandText, channelId: CHANNEL, userId: "U0PM" });

  it("the plan becomes the channel canvas, listing the 50 most recent blockers", async () => {
    await command("plan");
    const created = await t.emulator.waitForCall("canvases.create", () => true, 10_000);
    expect(created.answer?.ok).toBe(true);
    const markdown = t.emulator.canvases.get(String(created.answer?.canvas_id))?.markdown ?? "";
    expect(Buffer.byteLength(markdown)).toBeLessThan(DOCUMENT_MAX_BYTES);
    expect(markdown).toContain("- …and 1,150 more: `/intplan blockers`");
    expect(markdown).toMatch(/^- blocker 1200 /m);
    expect(markdown).not.toMatch(/^- blocker 1150 /m);
    await t.emulator.waitForCall(
      "chat.postMessage",
      (c) => /published the \S*Implementation Plan/.test(String(c.args.text)),
      10_000,
    );
  });

  it("the discovery document becomes a canvas too, saying where the rest of the answers are", async () => {
    await command("discovery");
    const created = await t.emulator.waitForCall("canvases.create", () => true, 10_000);
    expect(created.answer?.ok).toBe(true);
    const markdown = t.emulator.canvases.get(String(created.answer?.canvas_id))?.markdown ?? "";
    expect(Buffer.byteLength(markdown)).toBeLessThan(DOCUMENT_MAX_BYTES);
    expect(markdown).toContain("more rows in /intplan interview");
    expect(markdown).toContain("more items in /intplan interview");
  });
});
