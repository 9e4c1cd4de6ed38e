/**
 * The document suite from Slack: `/intplan publish <document>`, `/intplan export <document>`, `/intplan freeze
 * <document>` for the five companion documents (SOW, Technical Specifications, Test Cases, Deployment Runbook,
 * Support Playbook), and `/intplan docs`, the list of all seven with their state and buttons. The real app
 * over signed HTTP against the emulator, as a PM would use it.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import type { SlackRequestResult } from "../../emulator/signed-client.js";
import { documents, publications } from "../../src/db/schema.js";
import { DOCUMENT_KINDS, DOCUMENT_TITLES } from "../../src/domain/document-kinds.js";
import { documentParagraphs, openDocx } from "../support/docx-file.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { answerSectionThroughSlack } from "../support/interview.js";
import { createProjectThroughSlack } from "../support/projects.js";
import { privateReplies } from "../support/replies.js";

const CHANNEL = "C0PROJECT";
const CLIENT = "Acme Outdoor Co.";
const PROJECT = "Acme order sync";
/** Each companion document and the file its export uploads. */
const COMPANION_FILES = [
  ["sow", "INT-0001-statement-of-work.md"],
  ["specs", "INT-0001-technical-specifications.md"],
  ["tests", "INT-0001-test-cases.md"],
  ["runbook", "INT-0001-deployment-runbook.md"],
  ["playbook", "INT-0001-support-playbook.md"],
] as const;

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
}
interface Message {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks: Block[];
}

describe("the document suite: publish, export, freeze and list any of the seven documents", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
  });
  afterEach(async () => {
    await t.close();
  });

  /** Restarts with refreshes a minute after a change, so a change can be seen waiting before its refresh. */
  const startWithSlowRefreshes = async () => {
    await t.close();
    t = await startTestApp({ timing: { refreshDelayMs: 60_000 } });
    await createProjectThroughSlack(t, { channelId: CHANNEL });
  };
  const command = async (text: string, userId = "U0PM") => {
    const res = await t.slack.command({ text, channelId: CHANNEL, userId });
    await t.idle();
    return res;
  };
  const channelPosts = () => t.emulator.messages.get(CHANNEL) ?? [];
  const filesNamed = (name: string) => [...t.emulator.files.values()].filter((f) => f.filename === name);
  const canvasesTitled = (title: string) =>
    t.emulator.callsTo("canvases.create").filter((c) => c.answer?.ok && String(c.args.title).includes(title));
  const sowCanvasId = () => String(canvasesTitled("Statement of Work")[0]?.answer?.canvas_id);
  const editsOf = (canvasId: string) =>
    t.emulator.callsTo("canvases.edit").filter((c) => c.args.canvas_id === canvasId && c.answer?.ok);
  const answerSection = async (index: number) => {
    await answerSectionThroughSlack(t, { channelId: CHANNEL, userId: "U0PM", index });
    await t.idle();
  };
  /** The list `/intplan docs` answered with (after its empty ack), through the command's response URL. */
  const docsList = async (): Promise<Message> => {
    const res = await command("docs");
    expect(res.body).toBe("");
    const replies = t.emulator.responses.filter((r) => r.url === res.responseUrl);
    expect(replies).toHaveLength(1);
    return replies[0]?.body as unknown as Message;
  };
  /** The text of each document's section in the list, by kind. */
  const stateOf = (list: Message, kind: string) =>
    list.blocks.find((b) => b.type === "section" && b.text?.text.includes(`(\`${kind}\`)`))?.text?.text ?? "";
  const buttonOf = (list: Message, actionId: string) =>
    list.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);
  const press = (actionId: string, value: string | undefined, userId = "U0PM") =>
    t.slack.blockAction({
      actionId,
      value,
      userId,
      channelId: CHANNEL,
      messageTs: "1.000001",
      ephemeral: true,
    });
  const responsesTo = (res: SlackRequestResult) =>
    t.emulator.responses.filter((r) => r.url === res.responseUrl);

  it("/intplan publish sow creates one read-only canvas and announces it; a publish after a change edits that canvas", async () => {
    await startWithSlowRefreshes();
    const before = channelPosts().length;
    const first = await command("publish sow");
    expect(first.body).toBe("");
    expect(privateReplies(t, first)).toEqual([]);

    const created = canvasesTitled("Statement of Work");
    expect(created).toHaveLength(1);
    expect(created[0]?.args.channel_id).toBe(CHANNEL);
    const canvasId = sowCanvasId();
    expect(t.emulator.canvases.get(canvasId)?.markdown).toContain(CLIENT);
    // Read-only for the channel, as the plan's canvas.
    expect(t.emulator.callsTo("canvases.access.set").map((c) => c.args)).toContainEqual(
      expect.objectContaining({ canvas_id: canvasId, access_level: "read", channel_ids: [CHANNEL] }),
    );
    expect(
      channelPosts()
        .slice(before)
        .map((m) => m.text),
    ).toEqual([
      expect.stringMatching(/<@U0PM> published the <https:\S+\|Statement of Work>, version 1, as a canvas/),
    ]);

    // Nothing changed: said to this person alone, once; the canvas is left alone.
    const again = await command("publish statement-of-work");
    expect(privateReplies(t, again)).toEqual([expect.stringContaining("already up to date (version 1)")]);
    expect(editsOf(canvasId)).toEqual([]);

    // An answer changes; before its refresh comes due, a publish brings the same canvas up to date.
    await answerSection(0);
    const afterAnswer = channelPosts().length;
    const third = await command("publish sow");
    expect(privateReplies(t, third)).toEqual([]);
    expect(editsOf(canvasId)).toHaveLength(1);
    expect(canvasesTitled("Statement of Work")).toHaveLength(1);
    expect(
      channelPosts()
        .slice(afterAnswer)
        .map((m) => m.text),
    ).toEqual([
      expect.stringMatching(/published the <https:\S+\|Statement of Work>, version 2, in its canvas/),
    ]);
    // The refresh the answer asked for finds nothing left to do.
    t.advance(61_000);
    await t.idle();
    expect(editsOf(canvasId)).toHaveLength(1);
    expect(t.db.select().from(documents).where(eq(documents.kind, "sow")).get()).toMatchObject({
      canvasId,
      revision: 2,
    });
  });

  it("a companion document becomes a canvas only when published; after that each answer refreshes it", async () => {
    await answerSection(0);
    expect(canvasesTitled("Statement of Work")).toEqual([]);
    expect(t.db.select().from(documents).where(eq(documents.kind, "sow")).all()).toEqual([]);

    await command("publish sow");
    const canvasId = sowCanvasId();
    const other = await command("publish specs");
    expect(privateReplies(t, other)).toEqual([]);
    expect(canvasesTitled("Technical Specifications")).toHaveLength(1);

    await answerSection(1);
    expect(editsOf(canvasId)).toHaveLength(1);
    expect(t.emulator.canvases.get(canvasId)?.markdown).toContain(CLIENT);
    // The documents nobody published are still not canvases.
    for (const title of ["Test Cases", "Deployment Runbook", "Support Playbook"]) {
      expect(canvasesTitled(title)).toEqual([]);
    }
    // The refresh kept its version: it was not a publish anyone asked for.
    expect(t.db.select().from(documents).where(eq(documents.kind, "sow")).get()?.revision).toBe(1);
  });

  it.each(COMPANION_FILES)(
    "/intplan export %s uploads the document as Markdown, naming the client",
    async (kind, filename) => {
      const res = await command(`export ${kind}`);
      expect(privateReplies(t, res)).toEqual([]);
      const [file] = filesNamed(filename);
      expect(file?.channelId).toBe(CHANNEL);
      expect(file?.initialComment).toBe(`<@U0PM> exported the ${DOCUMENT_TITLES[kind]}.`);
      expect(file?.title).toBe(`INT-0001 ${PROJECT}: ${DOCUMENT_TITLES[kind]}`);
      expect(file?.content).toContain(CLIENT);
      expect(file?.content).toContain("Shopify");
      expect(file?.content).not.toMatch(/\{\{|\[[A-Z_0-9]{3,}\]|<@|\bU0[A-Z0-9]+\b/);
      // An export is a file, never a canvas nor a publish.
      expect(t.emulator.callsTo("canvases.create")).toEqual([]);
      expect(t.db.select().from(publications).all()).toEqual([]);
    },
  );

  it("/intplan freeze specs keeps version 1 and posts it as a Word document and its Markdown", async () => {
    const res = await command("freeze specs For the engineers");
    expect(privateReplies(t, res)).toEqual([]);
    const message = channelPosts().at(-1);
    expect(message?.text).toBe(
      ":package: <@U0PM> froze the *Technical Specifications version 1* “For the engineers”: the Word document and its Markdown.",
    );
    const [docx] = filesNamed("INT-0001-technical-specifications-v1.docx");
    const [markdown] = filesNamed("INT-0001-technical-specifications-v1.md");
    expect(message?.files?.map((f) => t.emulator.files.get(f.id)?.filename)).toEqual([
      "INT-0001-technical-specifications-v1.docx",
      "INT-0001-technical-specifications-v1.md",
    ]);
    expect(documentParagraphs(openDocx(docx?.bytes ?? Buffer.alloc(0))).slice(0, 3)).toEqual([
      `INT-0001 ${PROJECT}: Technical Specifications`,
      `Prepared for ${CLIENT}`,
      "Version 1: For the engineers",
    ]);
    expect(markdown?.content).toContain(CLIENT);
  });

  it("/intplan docs lists the seven documents in order, each with its state and its Publish and Export buttons", async () => {
    await startWithSlowRefreshes();
    await command("publish sow");
    await command("freeze specs Sent to Acme");
    t.emulator.setCanvasesAvailable("team_tier_cannot_create_channel_canvases");
    await command("publish tests");
    t.emulator.setCanvasesAvailable(true);
    await command("publish runbook");
    await answerSection(0);

    const list = await docsList();
    expect(list.response_type).toBe("ephemeral");
    expect(validateMessage(list)).toEqual([]);
    const titles = list.blocks
      .filter((b) => b.type === "section" && b.text?.text.includes("(`"))
      .map((b) => /^\*([^*]+)\*/.exec(b.text?.text ?? "")?.[1]);
    expect(titles).toEqual(DOCUMENT_KINDS.map((kind) => DOCUMENT_TITLES[kind]));

    expect(stateOf(list, "plan")).toContain("Never published: `/intplan publish plan`");
    expect(stateOf(list, "plan")).toContain("Never frozen: `/intplan freeze plan`");
    // Published, then the project changed: its refresh is still a minute away.
    const sowLink = t.db.select().from(documents).where(eq(documents.kind, "sow")).get()?.canvasPermalink;
    expect(stateOf(list, "sow")).toContain(`<${sowLink}|Canvas>, version 1`);
    expect(stateOf(list, "sow")).toContain("*changes waiting*");
    // Frozen, never published.
    const [frozen] = filesNamed("INT-0001-technical-specifications-v1.docx");
    expect(stateOf(list, "specs")).toContain("Never published");
    expect(stateOf(list, "specs")).toMatch(
      /Last frozen: version 1 “Sent to Acme”, <!date\^\d+\^\{date_short\}\|2026-11-22> · <https:\S+\|its files>/,
    );
    expect(frozen).toBeDefined();
    expect(stateOf(list, "tests")).toContain("Posted as a Markdown file (no canvases here), version 1");
    expect(stateOf(list, "tests")).toContain("*changes waiting*");

    // The refresh comes due: the canvases catch up, the file does not (only a publish posts a file).
    t.advance(61_000);
    await t.idle();
    const later = await docsList();
    expect(stateOf(later, "sow")).toMatch(/version 1, updated .* · up to date$/m);
    expect(stateOf(later, "runbook")).toContain("· up to date");
    expect(stateOf(later, "tests")).toContain("*changes waiting*");

    for (const kind of DOCUMENT_KINDS) {
      expect(buttonOf(later, `document_suite_publish_${kind}`)?.text?.text).toBe("Publish");
      expect(buttonOf(later, `document_suite_export_${kind}`)?.text?.text).toBe("Export Markdown");
    }
  });

  it("the list's buttons publish and export as the commands do: acked at once, one reply, the list brought up to date", async () => {
    const list = await docsList();
    const publish = buttonOf(list, "document_suite_publish_playbook");
    const before = channelPosts().length;
    const pressed = await press(publish?.action_id ?? "", publish?.value);
    expect(pressed.status).toBe(200);
    expect(pressed.body).toBe("");
    await t.idle();
    expect(canvasesTitled("Support Playbook")).toHaveLength(1);
    expect(
      channelPosts()
        .slice(before)
        .map((m) => m.text),
    ).toEqual([expect.stringMatching(/<@U0PM> published the <https:\S+\|Support Playbook>, version 1/)]);
    // Nothing new privately; the list itself now says the playbook is a canvas.
    const answered = responsesTo(pressed);
    expect(answered.map((r) => r.effect)).toEqual(["replaced-original"]);
    const updated = answered[0]?.body as unknown as Message;
    expect(validateMessage(updated)).toEqual([]);
    expect(stateOf(updated, "playbook")).toMatch(/<https:\S+\|Canvas>, version 1, updated .* · up to date/);

    // Pressed again: already up to date, said once, privately; the canvas is left alone.
    const again = await press(publish?.action_id ?? "", publish?.value);
    await t.idle();
    const second = responsesTo(again);
    // One reply and nothing else: the list is not replaced as well.
    expect(second.map((r) => [r.effect, String(r.body.text)])).toEqual([
      ["new-message", expect.stringContaining("already up to date (version 1)")],
    ]);
    expect(canvasesTitled("Support Playbook")).toHaveLength(1);

    const exportButton = buttonOf(list, "document_suite_export_runbook");
    const exported = await press(exportButton?.action_id ?? "", exportButton?.value, "U0LEAD");
    await t.idle();
    const [file] = filesNamed("INT-0001-deployment-runbook.md");
    expect(file?.initialComment).toBe("<@U0LEAD> exported the Deployment Runbook.");
    expect(file?.content).toContain(CLIENT);
    expect(responsesTo(exported)).toEqual([]);
    expect(canvasesTitled("Deployment Runbook")).toEqual([]);
  });

  it("a stale or foreign button is answered plainly and does nothing", async () => {
    const list = await docsList();
    const publish = buttonOf(list, "document_suite_publish_sow");

    // A list of another project (another channel's, or one deleted since): its project id is not this one's.
    const foreign = await press(publish?.action_id ?? "", String(Number(publish?.value) + 1));
    await t.idle();
    expect(responsesTo(foreign).map((r) => String(r.body.text))).toEqual([
      expect.stringContaining("not in this channel any more: nothing was done"),
    ]);
    // A document no list offers any more.
    const stale = await press("document_suite_publish_brochure", publish?.value);
    await t.idle();
    expect(responsesTo(stale).map((r) => String(r.body.text))).toEqual([
      expect.stringContaining("run `/intplan docs` for the current one"),
    ]);
    expect(t.emulator.callsTo("canvases.create")).toEqual([]);
    expect(t.db.select().from(publications).all()).toEqual([]);
  });

  it.each([
    ["publish nonsense", 'Cannot publish "nonsense": say one of `plan`, `discovery`, `sow`'],
    ["publish", "Say which document to publish"],
    ["export sow extra", 'Cannot export "sow extra": say one of'],
    ["freeze brochure", 'Cannot freeze "brochure"'],
    ["edit brochure", 'Cannot edit "brochure"'],
    ["docs please", "`docs` takes no arguments."],
  ])("`/intplan %s` gets a clear reply and changes nothing", async (text, error) => {
    const before = channelPosts().length;
    const res = await command(text);
    const replies = privateReplies(t, res);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(error);
    expect(replies[0]).toContain("Usage: `/intplan");
    expect(channelPosts().slice(before)).toEqual([]);
    expect(t.emulator.files.size).toBe(0);
    expect(t.emulator.callsTo("canvases.create")).toEqual([]);
    expect(t.emulator.callsTo("views.open").filter((c) => c.args.trigger_id === res.triggerId)).toEqual([]);
    expect(t.db.select().from(publications).all()).toEqual([]);
    expect(
      t.db
        .select()
        .from(documents)
        .where(and(eq(documents.kind, "sow")))
        .all(),
    ).toEqual([]);
  });
});
