/**
 * Issue 12's "Done when", tried as a new user would, in one story through the real app over signed HTTP:
 * a workspace of named people, and a project in a private channel. Pat (the PM) starts the project and
 * publishes the plan; the canvas shows people as user cards and is read-only for the channel. Pat exports
 * the plan and freezes a version for the client: files with real names, no Slack ids or markup, the Word
 * document naming the client. Pat rewords a section; it stays through the automatic refresh an answer sets
 * off. Ben, in the workspace but not the channel, does not see the project on Home; Dana, in it, does.
 * Development is marked in progress, and the status board says so in words.
 *
 * The steps share one app and run in order: each `it` is the next thing the people do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { documentParagraphs, openDocx, partText } from "../support/docx-file.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { openHome } from "../support/home.js";
import { answerSectionThroughSlack } from "../support/interview.js";
import { person } from "../support/people.js";
import { createProjectThroughSlack } from "../support/projects.js";
import { sectionEditor } from "../support/section-editor.js";

const CHANNEL = "C0ACMEPRIV";
const PAT = "U0PM";
const LEE = "U0LEAD";
const DANA = "U0DEV";
const BEN = "U0BEN";
const PROJECT = "Acme order sync";
const CLIENT = "Acme Outdoor Co.";
/** The refresh a change asks for comes due this long after it (the debounce); the story moves the clock past it. */
const REFRESH_DELAY_MS = 60_000;

const SLACK_ID = /\b[UWC]0[A-Z0-9]+\b/;
const SLACK_MARKUP = /<@|!\[\]\(@/;

const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");

describe("a new team in a real workspace: from a private channel's project to a version for the client", () => {
  let t: TestApp;
  const command = async (text: string, userId = PAT) => {
    const res = await t.slack.command({ text, channelId: CHANNEL, userId });
    await t.idle();
    return res;
  };
  /** Moves the app's clock past the debounce, so the refresh the last changes asked for runs. */
  const refreshRuns = async () => {
    t.advance(REFRESH_DELAY_MS + 1_000);
    await t.idle();
  };
  const planCanvasId = () => {
    const created = t.emulator
      .callsTo("canvases.create")
      .find((c) => c.answer?.ok === true && String(c.args.title).includes("Implementation Plan"));
    if (!created) throw new Error("the plan canvas was never created");
    return String(created.answer?.canvas_id);
  };
  const planCanvas = () => t.emulator.canvases.get(planCanvasId())?.markdown ?? "";
  const allCanvases = () => [...t.emulator.canvases.values()].map((c) => c.markdown).join("\n\n");
  const filesNamed = (name: string) => [...t.emulator.files.values()].filter((f) => f.filename === name);
  const editor = sectionEditor(() => t, CHANNEL, PAT);

  beforeAll(async () => {
    t = await startTestApp({ timing: { refreshDelayMs: REFRESH_DELAY_MS } });
    // The workspace: Pat goes by a display name, Lee and Dana by their full names; Ben works here too.
    t.emulator.users.set(PAT, person(PAT, { display_name: "Pat", real_name: "Pat Morgan" }));
    t.emulator.users.set(LEE, person(LEE, { display_name: "", real_name: "Lee Chen" }));
    t.emulator.users.set(DANA, person(DANA, { display_name: "", real_name: "Dana Ortiz" }));
    t.emulator.users.set(BEN, person(BEN, { display_name: "", real_name: "Ben Novak" }));
    // The project's channel is private: Pat, Lee and Dana are in it (and intplan, invited); Ben is not.
    t.emulator.addChannel({
      id: CHANNEL,
      name: "int-acme-orders",
      is_private: true,
      members: [PAT, LEE, DANA],
    });
  });
  afterAll(async () => {
    // Also fails the story if the app ever wrote canvas markdown Slack would show as raw text.
    await t.close();
  });

  it("1. /intplan new, then /intplan plan: the canvas shows people as user cards, once each, and the channel cannot edit it", async () => {
    await createProjectThroughSlack(t, { channelId: CHANNEL, userId: PAT });
    await command("plan");
    const canvasId = planCanvasId();
    const markdown = planCanvas();
    expect(markdown).toContain("# IMPLEMENTATION PLAN");
    expect(markdown).toContain(PROJECT);

    // People are user cards, each person at most once; everywhere else, their name.
    const cards = [...markdown.matchAll(/!\[\]\(@([UW][A-Z0-9]+)\)/g)].map((m) => m[1]);
    expect(cards).toContain(PAT);
    expect(cards).toContain(LEE);
    expect(cards.length).toBe(new Set(cards).size);
    expect(markdown).toContain("| **Project Manager** | Pat |");
    expect(markdown).toContain("| **Lead Engineer** | Lee Chen |");
    expect(markdown).toContain(`![](#${CHANNEL})`);
    // No message markup in any canvas: it would show as raw "<@U…>".
    expect(allCanvases()).not.toContain("<@");
    expect(t.emulator.canvasProblems).toEqual([]);

    // It opens by saying who maintains it and how to change it.
    expect(markdown.split("\n")[0]).toContain("`/intplan edit plan`");

    // Right after creation it is read-only for the channel: Dana's edit in Slack is refused.
    expect(t.emulator.callsTo("canvases.access.set")[0]?.args).toMatchObject({
      canvas_id: canvasId,
      access_level: "read",
      channel_ids: [CHANNEL],
    });
    expect(t.emulator.personEditsCanvas({ userId: DANA, canvasId, markdown: "Dana's notes" })).toBe(
      "read-only",
    );
    expect(planCanvas()).toBe(markdown);
  });

  it('2. /intplan export plan and /intplan freeze plan "For Acme sign-off": real names, no Slack ids or markup, a Word document naming the client', async () => {
    await command("export plan");
    const [exported] = filesNamed("INT-0001-implementation-plan.md");
    const content = exported?.content ?? "";
    expect(content).toContain("# IMPLEMENTATION PLAN");
    expect(content).toContain("**Lead Engineer**: Lee Chen  \n**Project Manager**: Pat  \n");
    expect(content).toContain("**Channel**: #int-acme-orders");
    expect(content).not.toMatch(SLACK_ID);
    expect(content).not.toMatch(SLACK_MARKUP);

    await command('freeze plan "For Acme sign-off"');
    const message = t.emulator.messages.get(CHANNEL)?.at(-1);
    expect(message?.text).toContain("*Implementation Plan version 1* “For Acme sign-off”");

    const [docx] = filesNamed("INT-0001-implementation-plan-v1.docx");
    expect(docx?.channelId).toBe(CHANNEL);
    // A .docx Word opens: a well-formed zip, its required parts, well-formed XML, relationships that resolve.
    const parts = openDocx(docx?.bytes ?? Buffer.alloc(0));
    const paragraphs = documentParagraphs(parts);
    expect(paragraphs.slice(0, 3)).toEqual([
      `INT-0001 ${PROJECT}: Implementation Plan`,
      `Prepared for ${CLIENT}`,
      "Version 1: For Acme sign-off",
    ]);
    const wordText = paragraphs.join("\n");
    expect(wordText).toContain("Lead Engineer: Lee Chen");
    expect(wordText).toContain("Project Manager: Pat");
    expect(wordText).toContain("#int-acme-orders");
    expect(wordText).not.toMatch(SLACK_ID);
    expect(wordText).not.toMatch(SLACK_MARKUP);
    // The document's properties (File > Info in Word) name no Slack id either.
    expect(partText(parts, "docProps/core.xml").replace(/<[^>]*>/g, " ")).not.toMatch(SLACK_ID);

    const [frozenMarkdown] = filesNamed("INT-0001-implementation-plan-v1.md");
    expect(frozenMarkdown?.content).toContain("**Project Manager**: Pat");
    expect(frozenMarkdown?.content).not.toMatch(SLACK_ID);
    expect(frozenMarkdown?.content).not.toMatch(SLACK_MARKUP);
  });

  it("3. /intplan edit plan: Pat's wording of a section shows in the canvas, and is still there after the next automatic refresh", async () => {
    const ours = "We go live on **1 February**, after a two-week pilot with Acme's finance team.";
    const viewId = await editor.openEditor("plan");
    await editor.pick(viewId, "## EXECUTIVE SUMMARY");
    const generated = editor.textBox(viewId)?.element?.initial_value ?? "";
    expect(generated.length).toBeGreaterThan(0);
    const saved = await editor.save(viewId, ours);
    expect(saved.response_action).toBe("update");
    expect(editor.modalText(viewId)).toContain("Saved your text of *## EXECUTIVE SUMMARY*");

    await refreshRuns();
    expect(planCanvas()).toContain(`## EXECUTIVE SUMMARY\n\n${ours}\n\n`);
    expect(planCanvas()).not.toContain(generated);

    // Lee answers the first interview section; the automatic refresh comes once the debounce is over.
    const editsBefore = t.emulator.callsTo("canvases.edit").length;
    await answerSectionThroughSlack(t, { channelId: CHANNEL, userId: LEE, index: 0 });
    expect(planCanvas()).not.toContain("First item");
    await refreshRuns();
    expect(t.emulator.callsTo("canvases.edit").length).toBeGreaterThan(editsBefore);
    expect(planCanvas()).toContain("First item");
    expect(planCanvas()).toContain(`## EXECUTIVE SUMMARY\n\n${ours}\n\n`);
    expect(allCanvases()).not.toContain("<@");
  });

  it("4. App Home: Ben, in the workspace but not the private channel, does not see the project; Dana, in it, does", async () => {
    const ben = await openHome(t, BEN);
    expect(ben).not.toContain(PROJECT);
    expect(ben).not.toContain(CLIENT);
    expect(ben).not.toContain(CHANNEL);
    expect(ben).toContain("No projects to show");

    const dana = await openHome(t, DANA);
    expect(dana).toContain(PROJECT);
    expect(dana).toContain(CLIENT);
  });

  it("5. /intplan phase 2 in-progress, then /intplan status: the board says “In progress” in words", async () => {
    await command("phase 2 in-progress");
    await command("status");
    const board = t.emulator.callsTo("chat.postMessage").filter((c) => isBoard(c) && c.answer?.ok === true);
    expect(board).toHaveLength(1);
    const blocks = JSON.stringify(board[0]?.args.blocks);
    expect(blocks).toContain("*2. Development* · In progress");
    expect(blocks).toContain("*1. Discovery &amp; Design* · Not started");
    expect(board[0]?.args.text).toContain("status: phase 2. Development, In progress");
  });
});
