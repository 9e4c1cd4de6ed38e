import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { toDocumentProject } from "../../src/db/load-document-input.js";
import { auditLog, documents, documentVersions, phases, projects } from "../../src/db/schema.js";
import { analyse } from "../../src/domain/analysis/analyse.js";
import { getQuestionnaire } from "../../src/domain/questionnaire/definition.js";
import { startTestApp, type TestApp, type TestAppOptions } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";
import { privateReplies } from "../support/replies.js";

const CHANNEL = "C0PROJECT";

const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");

describe("the plan and the board follow the project", () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  async function start(options: TestAppOptions = {}) {
    t = await startTestApp(options);
    await createProjectThroughSlack(t, { channelId: CHANNEL });
  }
  const command = async (text: string, userId = "U0PM") => {
    const res = await t.slack.command({ text, channelId: CHANNEL, userId });
    await t.idle();
    return res;
  };
  const replyText = (res: { body: unknown }) => String((res.body as { text?: string }).text ?? "");
  const project = () => t.db.select().from(projects).get();
  const phaseRow = (number: number) =>
    t.db
      .select()
      .from(phases)
      .where(and(eq(phases.projectId, project()?.id ?? 0), eq(phases.number, number)))
      .get();
  /** The board as Slack shows it now: the last post or edit of it. */
  const board = () => {
    const calls = [...t.emulator.callsTo("chat.postMessage"), ...t.emulator.callsTo("chat.update")].filter(
      (c) => isBoard(c) && c.answer?.ok === true,
    );
    const last = calls.sort((a, b) => a.at - b.at).at(-1);
    return JSON.stringify(last?.args.blocks ?? []);
  };
  const boardLine = (title: string) =>
    board()
      .split('"text":"')
      .find((piece) => piece.includes(title)) ?? "";
  async function publishPlan() {
    await command("plan");
    const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    return String(created.answer?.canvas_id);
  }
  const canvas = (id: string) => t.emulator.canvases.get(id)?.markdown ?? "";

  it("phase owners default from the team, a PM sets one with /intplan phase <n> owner, and `default` gives it back", async () => {
    await start();
    const canvasId = await publishPlan();
    await command("status");
    // Discovery is the lead's, Post-launch the PM's; nobody is named for Testing yet.
    expect(boardLine("1. Discovery")).toContain("<@U0LEAD>");
    expect(boardLine("5. Post")).toContain("<@U0PM>");
    expect(canvas(canvasId)).toMatch(
      /### Phase 3[^#]*\*\*Owner\*\*: _not answered yet: \/intplan phase 3 owner @person_/,
    );

    const set = await command("phase 3 owner <@U0MARIA|maria>");
    expect(replyText(set)).toContain("*3. Testing &amp; Validation* is now owned by <@U0MARIA>");
    expect(phaseRow(3)?.ownerId).toBe("U0MARIA");
    const [audit] = t.db.select().from(auditLog).where(eq(auditLog.action, "phase.owner-set")).all();
    expect(audit).toMatchObject({
      actorId: "U0PM",
      details: { phase: 3, previousOwner: null, owner: "U0MARIA" },
    });
    expect(boardLine("3. Testing")).toContain("<@U0MARIA>");
    // Maria is first named in the document here: her user card.
    expect(canvas(canvasId)).toMatch(/### Phase 3[^#]*\*\*Owner\*\*: !\[\]\(@U0MARIA\)/);

    // A set owner wins over the team's default: the lead stays Discovery's, Maria takes it over.
    await command("phase 1 owner <@U0MARIA>");
    expect(boardLine("1. Discovery")).toContain("<@U0MARIA>");
    const back = await command("phase 1 owner default");
    expect(replyText(back)).toContain(
      "*1. Discovery &amp; Design* is now owned by <@U0LEAD> (the default from the team)",
    );
    expect(phaseRow(1)?.ownerId).toBeNull();
    expect(boardLine("1. Discovery")).toContain("<@U0LEAD>");
  });

  it("refuses an owner that is not one person, and changes nothing", async () => {
    await start();
    for (const text of [
      "phase 3 owner maria",
      "phase 3 owner <@U0A> <@U0B>",
      "phase 9 owner <@U0A>",
      "phase 3 owner",
    ]) {
      const res = await command(text);
      expect((res.body as { response_type?: string }).response_type).toBe("ephemeral");
      expect(replyText(res)).toMatch(/not one person|no phase|Say who owns/);
    }
    expect(phaseRow(3)?.ownerId).toBeNull();
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "phase.owner-set")).all()).toEqual([]);
  });

  it("moving a phase does not make the mover its owner", async () => {
    await start();
    await command("phase dev in-progress", "U0QA");
    expect(phaseRow(2)?.ownerId).toBeNull();
  });

  it("the plan's header status and the board say where the phases are", async () => {
    await start();
    const canvasId = await publishPlan();
    await command("status");
    expect(canvas(canvasId)).toContain("**Status**: Planning");
    expect(board()).toContain("*Planning* · Client");

    await command("phase 1 in-progress");
    expect(canvas(canvasId)).toContain("**Status**: Planning");
    await command("phase 2 in-progress");
    expect(canvas(canvasId)).toContain("**Status**: In development");
    expect(board()).toContain("*In development* · Client");
    await command("phase 3 in-progress");
    expect(canvas(canvasId)).toContain("**Status**: Testing");
    expect(board()).toContain("*Testing* · Client");
  });

  it("a phase still open past its planned end shows as behind plan, on the board and in the plan", async () => {
    await start();
    const row = project();
    if (!row) throw new Error("no project");
    const schedule = analyse({
      project: toDocumentProject(row),
      answers: {},
      questionnaire: getQuestionnaire(row.questionnaireVersion),
    }).schedule;
    const discoveryEnds = schedule?.phases[0]?.end ?? "";
    expect(discoveryEnds).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const canvasId = await publishPlan();
    await command("phase 1 in-progress kick-off held");
    await command("status");
    expect(board()).not.toContain("behind plan");

    // The day after Discovery's planned end, it is still in progress.
    t.setNow(new Date(Date.parse(`${discoveryEnds}T12:00:00Z`) + 24 * 60 * 60 * 1000));
    await command("phase 1 in-progress workshops ran over");
    expect(boardLine("1. Discovery")).toContain(`behind plan since ${discoveryEnds}`);
    expect(boardLine("2. Development")).not.toContain("behind plan");
    expect(canvas(canvasId)).toContain(
      `**Status**: In progress (workshops ran over), behind plan since ${discoveryEnds}`,
    );
  });

  it("Document Control's version counts the publishes a person asked for, not the automatic refreshes", async () => {
    await start({ timing: { refreshDelayMs: 60_000 } });
    const canvasId = await publishPlan();
    const planRow = () =>
      t.db
        .select()
        .from(documents)
        .where(and(eq(documents.projectId, project()?.id ?? 0), eq(documents.kind, "plan")))
        .get();
    expect(canvas(canvasId)).toContain("Version: 1");

    // A change, and its automatic refresh: the canvas follows, the version stays.
    await command("phase 1 in-progress");
    t.advance(60_000);
    await t.idle();
    expect(canvas(canvasId)).toContain("**Status**: In progress");
    expect(canvas(canvasId)).toContain("Version: 1");
    expect(planRow()).toMatchObject({ version: 2, revision: 1 });

    // A change the PM publishes at once: version 2, said in the channel and on the board.
    await command("phase 1 blocked waiting on the client");
    await command("plan");
    expect(canvas(canvasId)).toContain("Version: 2");
    expect(planRow()?.revision).toBe(2);
    const announced = t.emulator
      .callsTo("chat.postMessage")
      .filter((c) => String(c.args.text).includes("published the"))
      .at(-1);
    expect(String(announced?.args.text)).toContain("version 2");

    // Asked again with nothing new: nothing published, nothing counted.
    const again = await command("plan");
    expect(planRow()?.revision).toBe(2);
    expect(privateReplies(t, again)).toEqual([expect.stringContaining("already up to date (version 2)")]);

    // A freeze of what is published keeps its version; a freeze of a change not yet published counts, and
    // the canvas's refresh then shows that version.
    const frozen = () => t.db.select().from(documentVersions).all();
    await command("freeze plan");
    expect(frozen().at(-1)?.markdown).toContain("Version: 2");
    expect(planRow()?.revision).toBe(2);
    await command("phase 1 in-progress client answered");
    await command("freeze plan");
    expect(frozen().at(-1)?.markdown).toContain("Version: 3");
    expect(planRow()?.revision).toBe(3);
    t.advance(60_000);
    await t.idle();
    expect(canvas(canvasId)).toContain("client answered");
    expect(canvas(canvasId)).toContain("Version: 3");
    expect(planRow()?.revision).toBe(3);
  });
});
