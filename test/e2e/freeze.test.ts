import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import { createVersion } from "../../src/db/document-version-store.js";
import { auditLog, documentVersions, projects } from "../../src/db/schema.js";
import { WORD_MAX_MARKDOWN_BYTES } from "../../src/word-writer.js";
import { saveMaximalAnswers } from "../support/big-project.js";
import { documentParagraphs, openDocx, partText } from "../support/docx-file.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

interface Reply {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks: {
    type: string;
    text?: { text: string };
    elements?: { text?: string }[];
    accessory?: { action_id: string; value?: string };
  }[];
}

const CHANNEL = "C0PROJECT";
const text = (v: unknown) => JSON.stringify(v);
const sectionsOf = (reply: Reply) =>
  reply.blocks.flatMap((b) => (b.type === "section" ? [b.text?.text ?? ""] : []));

describe("versions for the client: /intplan freeze and /intplan versions", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
  });
  afterEach(async () => {
    await t.close();
  });

  const command = async (commandText: string, userId = "U0PM") => {
    const res = await t.slack.command({ text: commandText, channelId: CHANNEL, userId });
    await t.idle();
    return res;
  };
  const versions = () => t.db.select().from(documentVersions).orderBy(documentVersions.id).all();
  const filesNamed = (name: string) => [...t.emulator.files.values()].filter((f) => f.filename === name);

  it("freezes the plan with a label: version 1, its Word and Markdown files in the channel, listed with who, when and a link", async () => {
    const res = await command("freeze plan Sent to Acme for sign-off");
    // The files in the channel are the answer: nothing more is said privately.
    expect(res.body).toBe("");
    expect(t.emulator.responses).toEqual([]);

    const [version] = versions();
    expect(versions()).toHaveLength(1);
    expect(version).toMatchObject({
      kind: "plan",
      number: 1,
      label: "Sent to Acme for sign-off",
      frozenBy: "U0PM",
      frozenAt: expect.any(Date),
    });
    expect(version?.markdown).toContain("# IMPLEMENTATION PLAN");

    // One message in the channel carries both files.
    const message = t.emulator.messages.get(CHANNEL)?.at(-1);
    expect(message?.text).toBe(
      ":package: <@U0PM> froze the *Implementation Plan version 1* “Sent to Acme for sign-off”: the Word document and its Markdown.",
    );
    expect(message?.files?.map((f) => f.id)).toEqual([version?.docxFileId, version?.markdownFileId]);

    const [docx] = filesNamed("INT-0001-implementation-plan-v1.docx");
    expect(docx?.channelId).toBe(CHANNEL);
    const parts = openDocx(docx?.bytes ?? Buffer.alloc(0));
    expect(partText(parts, "docProps/core.xml")).toContain(
      "<dc:title>INT-0001 Acme order sync: Implementation Plan</dc:title>",
    );
    const paragraphs = documentParagraphs(parts);
    expect(paragraphs.slice(0, 4)).toEqual([
      "INT-0001 Acme order sync: Implementation Plan",
      "Prepared for Acme Outdoor Co.",
      "Version 1: Sent to Acme for sign-off",
      "Frozen on 2026-11-22",
    ]);
    expect(paragraphs).toContain("IMPLEMENTATION PLAN");

    const [markdown] = filesNamed("INT-0001-implementation-plan-v1.md");
    expect(markdown?.content).toBe(version?.markdown);

    // The link is Slack's permalink of the Word file (files.info), as the version keeps it.
    const info = t.emulator.callsTo("files.info").at(-1);
    expect(info?.args.file).toBe(version?.docxFileId);
    expect(version?.permalink).toBe((info?.answer?.file as { permalink?: string } | undefined)?.permalink);
    expect(version?.permalink).toMatch(/^https:\/\//);

    const list = (await command("versions")).body as Reply;
    expect(list.response_type).toBe("ephemeral");
    expect(validateMessage(list)).toEqual([]);
    const [title, line] = sectionsOf(list);
    expect(title).toBe("*Frozen versions of Acme order sync* · newest first");
    expect(line).toMatch(
      /^\*Implementation Plan version 1\* “Sent to Acme for sign-off” · frozen by <@U0PM> <!date\^\d+\^\{date_short\} \{time\}\|2026-11-22T[\d:.]+Z> · <https:\/\/\S+\|Word document>$/,
    );
    expect(line).toContain(`<${version?.permalink}|Word document>`);

    const history = text((await command("history")).body);
    expect(history).toContain(
      "<@U0PM> froze the Implementation Plan as version 1 “Sent to Acme for sign-off”",
    );
  });

  it("numbers each document's versions on, and never changes an earlier one", async () => {
    await command("freeze plan");
    const [first] = versions();
    await command("phase dev in-progress", "U0LEAD");
    t.setNow(new Date("2026-11-29T09:00:00Z"));
    await command("freeze plan Week 2", "U0LEAD");
    await command("freeze discovery");

    const all = versions();
    expect(all.map((v) => [v.kind, v.number, v.label, v.frozenBy])).toEqual([
      ["plan", 1, null, "U0PM"],
      ["plan", 2, "Week 2", "U0LEAD"],
      ["discovery", 1, null, "U0PM"],
    ]);
    expect(all[0]).toEqual(first);
    expect(all[1]?.markdown).not.toBe(first?.markdown);
    expect(filesNamed("INT-0001-implementation-plan-v1.docx")).toHaveLength(1);
    expect(filesNamed("INT-0001-implementation-plan-v2.docx")).toHaveLength(1);
    expect(filesNamed("INT-0001-discovery-document-v1.md")).toHaveLength(1);
    const [docx2] = filesNamed("INT-0001-implementation-plan-v2.docx");
    expect(documentParagraphs(openDocx(docx2?.bytes ?? Buffer.alloc(0))).slice(2, 4)).toEqual([
      "Version 2: Week 2",
      "Frozen on 2026-11-29",
    ]);

    const lines = sectionsOf((await command("versions")).body as Reply).slice(1);
    expect(lines.map((l) => l.split(" · ")[0])).toEqual([
      "*Discovery Document version 1*",
      "*Implementation Plan version 2* “Week 2”",
      "*Implementation Plan version 1*",
    ]);
  });

  it("keeps the version when Slack does not take its files, says so plainly, and Upload again gets them", async () => {
    t.emulator.failNext("files.completeUploadExternal", { kind: "error", error: "not_in_channel" });
    await command("freeze plan For the kickoff");

    const [version] = versions();
    expect(version).toMatchObject({ number: 1, label: "For the kickoff", docxFileId: null, permalink: null });
    const told = t.emulator.responses.at(-1)?.body as unknown as Reply;
    expect(told.response_type).toBe("ephemeral");
    expect(told.text).toBe(
      ":warning: The *Implementation Plan version 1* “For the kickoff” is saved, but I could not upload its files (Slack said `not_in_channel`). Invite me with `/invite @intplan`, then run `/intplan versions` and press *Upload again* beside it.",
    );
    expect(t.emulator.messages.get(CHANNEL)?.some((m) => m.files)).toBe(false);

    const list = (await command("versions")).body as Reply;
    const row = list.blocks.find((b) => b.accessory);
    expect(row?.text?.text).toContain(":warning: files not uploaded");
    expect(row?.accessory).toMatchObject({
      action_id: `document_version_upload_${version?.id}`,
      value: String(version?.id),
    });

    // Two presses at once make one upload.
    const press = () =>
      t.slack.blockAction({
        actionId: row?.accessory?.action_id ?? "",
        value: row?.accessory?.value,
        userId: "U0LEAD",
        channelId: CHANNEL,
        messageTs: "1.000001",
      });
    await Promise.all([press(), press()]);
    await t.idle();
    expect(t.emulator.callsTo("files.completeUploadExternal").filter((c) => c.answer?.ok)).toHaveLength(1);
    const [uploaded] = versions();
    expect(uploaded?.docxFileId).toMatch(/^F/);
    expect(uploaded?.markdown).toBe(version?.markdown);
    expect(filesNamed("INT-0001-implementation-plan-v1.md")[0]?.content).toBe(version?.markdown);
    const refreshed = t.emulator.responses.at(-1)?.body as unknown as Reply;
    expect(refreshed.replace_original).toBe(true);
    expect(sectionsOf(refreshed)[1]).toContain(`<${uploaded?.permalink}|Word document>`);
    expect(refreshed.blocks.some((b) => b.accessory)).toBe(false);
  });

  it("names people in the frozen files, with no Slack ids or markup; when Slack cannot name them just now, nothing is frozen", async () => {
    await command("freeze plan");
    const [version] = versions();
    expect(version?.markdown).not.toMatch(/<@|!\[\]\(@|\bU0[A-Z0-9]+\b/);
    expect(version?.markdown).toContain("**Project Manager**: user-u0pm");

    // An hour on, the names are asked again, and Slack fails to answer.
    t.advance(61 * 60 * 1000);
    t.emulator.failNext("users.info", { kind: "error", error: "internal_error" }, 50);
    const res = await command("freeze plan");
    expect(res.body).toBe("");
    const told = t.emulator.responses.map((r) => JSON.stringify(r.body)).join("\n");
    expect(told).toContain("Nothing was frozen: Slack did not give me the names");
    expect(versions()).toHaveLength(1);
  });

  it("a document too long for a Word file is frozen and posted as its Markdown alone, saying why", async () => {
    const [project] = t.db.select().from(projects).all();
    if (!project) throw new Error("no project");
    saveMaximalAnswers(t.db, project.id, { listItems: 30, tableRows: 30, risks: 30 }, project.createdAt);
    await command("freeze discovery");
    const [version] = versions();
    expect(Buffer.byteLength(version?.markdown ?? "")).toBeGreaterThan(WORD_MAX_MARKDOWN_BYTES);
    expect(version).toMatchObject({ docxFileId: null, markdownFileId: expect.stringMatching(/^F/) });
    const message = t.emulator.messages.get(CHANNEL)?.at(-1);
    expect(message?.text).toMatch(
      /froze the \*Discovery Document version 1\*: its Markdown \(no Word document: it is \d+ KB, longer than a Word file is made for \(256 KB\)\)\.$/,
    );
    expect(message?.files?.map((f) => f.id)).toEqual([version?.markdownFileId]);
    expect(filesNamed("INT-0001-discovery-document-v1.md")[0]?.content).toBe(version?.markdown);
    expect(filesNamed("INT-0001-discovery-document-v1.docx")).toEqual([]);
    const list = (await command("versions")).body as Reply;
    expect(sectionsOf(list)[1]).toContain(`<${version?.permalink}|Markdown file>`);
    expect(list.blocks.some((b) => b.accessory)).toBe(false);
  });

  it("answers bad input clearly and stores nothing", async () => {
    const cases: [string, string][] = [
      [
        "freeze",
        "Say which document to freeze: `plan`, `discovery`, `sow`, `specs`, `tests`, `runbook` or `playbook`.",
      ],
      ["freeze foo", 'Cannot freeze "foo": say one of `plan`, `discovery`, `sow`'],
      ["freeze answers", 'Cannot freeze "answers"'],
      [
        `freeze plan ${"x".repeat(101)}`,
        "A label is at most 100 characters (yours has 101). Nothing was frozen.",
      ],
      ["versions all", "`versions` takes no arguments."],
    ];
    for (const [input, error] of cases) {
      const reply = (await command(input)).body as Reply;
      expect(reply.response_type).toBe("ephemeral");
      expect(reply.text).toContain(error);
      expect(reply.text).toContain(
        input.startsWith("versions") ? "/intplan versions" : "/intplan freeze &lt;document&gt; [label]",
      );
    }
    expect(versions()).toEqual([]);
    expect(t.emulator.files.size).toBe(0);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "document.frozen")).all()).toEqual([]);
  });

  it("takes a label as typed, escaped wherever it is shown, and quotes around it dropped", async () => {
    await command('freeze plan "<!channel> & <@U0CEO|ceo> *final*"');
    const [version] = versions();
    expect(version?.label).toBe("@channel & @ceo *final*");
    const message = t.emulator.messages.get(CHANNEL)?.at(-1);
    expect(message?.text).toContain("“@channel &amp; @ceo *final*”");
    expect(message?.text).not.toMatch(/<!channel>|<@U0CEO/);
    const [docx] = filesNamed("INT-0001-implementation-plan-v1.docx");
    expect(documentParagraphs(openDocx(docx?.bytes ?? Buffer.alloc(0)))[2]).toBe(
      "Version 1: @channel & @ceo *final*",
    );
  });

  it("lists the most recent versions and says how many more there are", async () => {
    const project = t.db.select().from(projects).get();
    for (let i = 0; i < 17; i++) {
      createVersion(t.db, {
        projectId: project?.id ?? 0,
        kind: i % 2 ? "discovery" : "plan",
        label: `Round ${i + 1}`,
        markdown: "# Plan\n",
        actorId: "U0PM",
        at: new Date(Date.UTC(2026, 10, 1 + i)),
      });
    }
    const list = (await command("versions")).body as Reply;
    expect(validateMessage(list)).toEqual([]);
    const lines = sectionsOf(list).slice(1);
    expect(lines).toHaveLength(15);
    expect(lines[0]).toContain("“Round 17”");
    expect(list.blocks.at(-1)).toMatchObject({
      type: "context",
      elements: [{ text: "…and 2 more, older." }],
    });
  });

  it("on a full disk, freezing says nothing was saved and uploads nothing", async () => {
    const pages = t.database.connection.pragma("page_count", { simple: true });
    t.database.connection.pragma(`max_page_count = ${pages}`);
    t.advance(60_000);
    const res = await command("freeze plan");
    expect(text(res.body)).toContain("I could not save this");
    expect(versions()).toEqual([]);
    expect(t.emulator.files.size).toBe(0);
    t.database.connection.pragma("max_page_count = 1073741823");
  });

  it("says so when nothing has been frozen yet", async () => {
    const list = (await command("versions")).body as Reply;
    expect(list.text).toContain("No version has been frozen yet");
  });
});
