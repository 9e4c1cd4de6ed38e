import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import { loadDraftRow, saveAnswers, saveDraft } from "../../src/db/answer-store.js";
import { answers, asks, auditLog, outbox, pendingImports, projects } from "../../src/db/schema.js";
import {
  allQuestions,
  getQuestionnaire,
  LATEST_QUESTIONNAIRE_VERSION,
} from "../../src/domain/questionnaire/definition.js";
import { fakeImportReader, proposalOf } from "../support/fake-import-reader.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const EXAMPLE = readFileSync(new URL("../../examples/shopify-quickbooks-accounting.json", import.meta.url));

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  element?: Record<string, unknown>;
  elements?: { text: string }[];
}
interface ShownView {
  callback_id: string;
  blocks: Block[];
  submit?: unknown;
}

const textOf = (view: ShownView) =>
  view.blocks.flatMap((b) => [b.text?.text ?? "", ...(b.elements ?? []).map((e) => e.text)]).join("\n");

describe("a PM fills a new project's answers from a file with /intplan import", () => {
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

  const shown = (viewId: string) => t.emulator.views.get(viewId)?.view as unknown as ShownView;

  async function openImportForm(userId = "U0PM") {
    const res = await t.slack.command({ text: "import", channelId: CHANNEL, userId });
    expect(res.body).toBe("");
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    return openedViewId(open);
  }

  /** The person picks a file in the modal and presses Read file. */
  async function submitFile(
    viewId: string,
    upload: { name: string; bytes: Buffer | string },
    userId = "U0PM",
  ) {
    const file = t.emulator.personUploadsFile({ userId, ...upload });
    const res = await t.slack.viewSubmission({
      userId,
      viewId,
      values: { import_file: { file: { type: "file_input", files: [file] } } },
    });
    await t.idle();
    return res;
  }

  /** The review's choices: `replace` lists the labels whose answer the file's replaces. */
  function choices(view: ShownView, replace: string[]) {
    const values: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const block of view.blocks.filter((b) => b.block_id?.startsWith("import_choice_"))) {
      const label = (block as unknown as { label: { text: string } }).label.text;
      const value = replace.includes(label) ? "replace" : "keep";
      const actionId = String(block.element?.action_id);
      values[block.block_id as string] = {
        [actionId]: { type: "radio_buttons", selected_option: { value } },
      };
    }
    return values;
  }

  const answerOf = (questionId: string) =>
    t.db
      .select()
      .from(answers)
      .where(and(eq(answers.projectId, projectId), eq(answers.questionId, questionId)))
      .get();
  const imports = () => t.db.select().from(auditLog).where(eq(auditLog.action, "answers.imported")).all();

  it("reviews, keeps one answer, replaces another, confirms; answers, audit and history show it", async () => {
    const at = new Date("2026-11-22T10:00:00Z");
    saveAnswers(t.db, {
      projectId,
      sectionId: "current_process",
      values: { current_state: "Typed by hand before the import.", hours_per_week: 5 },
      actorId: "U0LEAD",
      at,
    });
    const viewId = await openImportForm();
    expect(validateView(shown(viewId))).toEqual([]);
    const fileInput = shown(viewId).blocks.find((b) => b.block_id === "import_file")?.element;
    expect(fileInput).toMatchObject({ type: "file_input", max_files: 1 });

    const read = await submitFile(viewId, { name: "shopify-quickbooks.json", bytes: EXAMPLE });
    expect(read.body).toMatchObject({ response_action: "update" });
    expect(JSON.stringify(read.body)).toContain("Reading *shopify-quickbooks.json*");
    const review = shown(viewId);
    expect(review.callback_id).toBe("import_review");
    expect(validateView(review)).toEqual([]);
    expect(textOf(review)).toContain("2 answers already answered differently");
    expect(t.db.select().from(pendingImports).all()).toHaveLength(1);
    // Nothing is saved before the review is confirmed.
    expect(answerOf("pain_points")).toBeUndefined();

    const labels = review.blocks
      .filter((b) => b.block_id?.startsWith("import_choice_"))
      .map((b) => (b as unknown as { label: { text: string } }).label.text);
    expect(labels).toHaveLength(2);
    const hoursLabel = labels.find((l) => /hours/i.test(l)) as string;
    const confirmed = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: choices(review, [hoursLabel]),
    });
    await t.idle();
    expect(JSON.stringify(confirmed.body)).toMatch(
      /Imported \d+ answers from shopify-quickbooks\.json \(1 kept as it was/,
    );

    expect(answerOf("current_state")?.value).toBe("Typed by hand before the import.");
    expect(answerOf("current_state")?.source).toBeNull();
    expect(answerOf("hours_per_week")?.value).toBe(22);
    expect(answerOf("hours_per_week")?.source).toEqual({
      from: "import",
      fileName: "shopify-quickbooks.json",
      importedBy: "U0PM",
    });
    expect(answerOf("pain_points")?.source).toMatchObject({ from: "import" });
    expect(t.db.select().from(pendingImports).all()).toHaveLength(0);

    const [audit] = imports();
    expect(audit?.actorId).toBe("U0PM");
    expect(audit?.details).toMatchObject({ fileName: "shopify-quickbooks.json", kept: 1 });
    const imported = (audit?.details ?? {}) as { questions?: string[] };
    expect(imported.questions).toContain("hours_per_week");
    expect(imported.questions).not.toContain("current_state");

    const history = await t.slack.command({ text: "history", channelId: CHANNEL, userId: "U0PM" });
    expect(JSON.stringify(history.body)).toMatch(
      /<@U0PM> imported \d+ answers from \*shopify-quickbooks.json\* \(1 kept as it was/,
    );
  });

  it("keeps what it replaced in its history row, and sets unsaved typing for the imported questions aside there", async () => {
    const at = new Date("2026-11-22T10:00:00Z");
    saveAnswers(t.db, {
      projectId,
      sectionId: "current_state",
      values: { hours_per_week: 5 },
      actorId: "U0LEAD",
      at,
    });
    saveDraft(t.db, {
      projectId,
      sectionId: "current_state",
      raw: { pain_points: "typed, never saved", error_rate: "about 3" },
      actorId: "U0LEAD",
      at,
    });
    const viewId = await openImportForm();
    await submitFile(viewId, { name: "previous-project.json", bytes: EXAMPLE });
    const review = shown(viewId);
    const hours = review.blocks
      .filter((b) => b.block_id?.startsWith("import_choice_"))
      .map((b) => (b as unknown as { label: { text: string } }).label.text)
      .filter((l) => /hours/i.test(l));
    await t.slack.viewSubmission({ userId: "U0PM", viewId, values: choices(review, hours) });
    await t.idle();
    expect(answerOf("hours_per_week")?.value).toBe(22);
    const details = (imports()[0]?.details ?? {}) as {
      replaced?: Array<{ question: string; previous: unknown }>;
      draftsSetAside?: Array<{ question: string; typed: unknown }>;
    };
    expect(details.replaced).toContainEqual({ question: "hours_per_week", previous: 5 });
    expect(details.draftsSetAside).toContainEqual(
      expect.objectContaining({ question: "pain_points", typed: "typed, never saved" }),
    );
    // The modal shows what was imported, not the old typing over it.
    expect(loadDraftRow(t.db, projectId, "current_state")?.raw ?? {}).not.toHaveProperty("pain_points");
  });

  it("saves nothing from a review read before the project moved to another questionnaire version", async () => {
    t.db.update(projects).set({ questionnaireVersion: 2 }).where(eq(projects.id, projectId)).run();
    const viewId = await openImportForm();
    await submitFile(viewId, { name: "previous-project.json", bytes: EXAMPLE });
    t.db.update(projects).set({ questionnaireVersion: 3 }).where(eq(projects.id, projectId)).run();
    const res = await t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} });
    await t.idle();
    expect(JSON.stringify(res.body)).toContain("moved to questionnaire version 3");
    expect(imports()).toHaveLength(0);
    expect(t.db.select().from(pendingImports).all()).toHaveLength(0);
  });

  it("forgets a review left open past its day when the next file is read", async () => {
    const first = await openImportForm();
    await submitFile(first, { name: "previous-project.json", bytes: EXAMPLE });
    t.advance(25 * 60 * 60 * 1000);
    const second = await openImportForm();
    await submitFile(second, { name: "previous-project.json", bytes: EXAMPLE });
    expect(t.db.select().from(pendingImports).all()).toHaveLength(1);
  });

  it("answers the asks for the sections it completes", async () => {
    await t.slack.command({ text: "ask <@U0LEAD> 1", channelId: CHANNEL, userId: "U0PM" });
    await t.idle();
    expect(t.db.select().from(asks).all()).toMatchObject([{ personId: "U0LEAD", closedAt: null }]);
    const viewId = await openImportForm();
    await submitFile(viewId, { name: "previous-project.json", bytes: EXAMPLE });
    await t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} });
    await t.idle();
    expect(t.db.select().from(asks).all()).toMatchObject([{ closedReason: "answered", closedBy: "U0PM" }]);
  });

  it("saves a review double-clicked once", async () => {
    const viewId = await openImportForm();
    await submitFile(viewId, { name: "previous-project.json", bytes: EXAMPLE });
    const [first, second] = await Promise.all([
      t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} }),
      t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} }),
    ]);
    await t.idle();
    const replies = [JSON.stringify(first.body), JSON.stringify(second.body)];
    // A double click: Slack's retry of the same submission is answered once (the other gets an empty ack).
    expect(replies.filter((r) => r.includes("Imported"))).toHaveLength(1);
    expect(imports()).toHaveLength(1);
  });

  it("saves a review confirmed again later once", async () => {
    const viewId = await openImportForm();
    await submitFile(viewId, { name: "previous-project.json", bytes: EXAMPLE });
    const first = await t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} });
    await t.idle();
    expect(JSON.stringify(first.body)).toContain("Imported");
    // The review submitted again later (another tab): said, and nothing more is saved.
    const again = await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      callbackId: "import_review",
      privateMetadata: JSON.stringify({ pendingId: 1 }),
      values: {},
    });
    await t.idle();
    expect(JSON.stringify(again.body)).toContain("already saved or dismissed. Nothing more was saved.");
    expect(imports()).toHaveLength(1);
  });

  it("says what happened to a review that waited more than a day, and saves nothing", async () => {
    const viewId = await openImportForm();
    await submitFile(viewId, { name: "previous-project.json", bytes: EXAMPLE });
    t.advance(25 * 60 * 60 * 1000);
    const res = await t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} });
    await t.idle();
    expect(JSON.stringify(res.body)).toContain("waited more than a day");
    expect(imports()).toHaveLength(0);
    expect(answerOf("pain_points")).toBeUndefined();
  });

  it("never overwrites an answer someone saved after the review was shown", async () => {
    const viewId = await openImportForm();
    await submitFile(viewId, { name: "previous-project.json", bytes: EXAMPLE });
    saveAnswers(t.db, {
      projectId,
      sectionId: "current_process",
      values: { hours_per_week: 7 },
      actorId: "U0LEAD",
      at: new Date(),
    });
    const res = await t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} });
    await t.idle();
    expect(JSON.stringify(res.body)).toContain("Nothing was saved: someone changed");
    expect(answerOf("hours_per_week")?.value).toBe(7);
    expect(imports()).toHaveLength(0);
  });

  it("forgets a review the person closes", async () => {
    const viewId = await openImportForm();
    await submitFile(viewId, { name: "previous-project.json", bytes: EXAMPLE });
    expect(t.db.select().from(pendingImports).all()).toHaveLength(1);
    await t.slack.viewClosed({ userId: "U0PM", viewId });
    await t.idle();
    expect(t.db.select().from(pendingImports).all()).toHaveLength(0);
    expect(imports()).toHaveLength(0);
  });

  describe("a bad file gets a clear message and changes nothing", () => {
    const nothingChanged = () => {
      expect(imports()).toHaveLength(0);
      expect(t.db.select().from(pendingImports).all()).toHaveLength(0);
      expect(answerOf("pain_points")).toBeUndefined();
    };

    it("a PNG is refused on the form, before any download", async () => {
      const viewId = await openImportForm();
      const res = await submitFile(viewId, {
        name: "diagram.png",
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      });
      expect(res.body).toMatchObject({ response_action: "errors" });
      expect(JSON.stringify(res.body)).toContain("diagram.png is not a file intplan reads");
      nothingChanged();
    });

    it("a 2 MB file is refused on the form", async () => {
      const viewId = await openImportForm();
      const res = await submitFile(viewId, { name: "huge.json", bytes: Buffer.alloc(2_000_000, 0x20) });
      expect(JSON.stringify(res.body)).toMatch(/huge.json is 1.9 MB; intplan reads files up to 1.0 MB/);
      nothingChanged();
    });

    it("broken JSON says so in the modal", async () => {
      const viewId = await openImportForm();
      await submitFile(viewId, { name: "broken.json", bytes: '{"format": "intplan-answers", ' });
      expect(textOf(shown(viewId))).toContain("broken.json is not valid JSON on line 1");
      expect(textOf(shown(viewId))).toContain("Nothing was changed.");
      nothingChanged();
    });

    it("a sign-in page instead of the file says to reinstall with files:read", async () => {
      const viewId = await openImportForm();
      const file = t.emulator.personUploadsFile({ userId: "U0PM", name: "answers.json", bytes: EXAMPLE });
      // A url_private the bot token does not open: Slack answers with its sign-in page.
      t.emulator.files.delete(String(file.id));
      const pretend = {
        ...file,
        url_private: `${new URL(t.emulator.apiUrl).origin}/files-pri/F404/answers.json`,
      };
      await t.slack.viewSubmission({
        userId: "U0PM",
        viewId,
        values: { import_file: { file: { type: "file_input", files: [pretend] } } },
      });
      await t.idle();
      expect(textOf(shown(viewId))).toMatch(/Slack answered 404|sign-in page/);
      nothingChanged();
    });
  });
});

describe("a new project started from a previous one's answers", () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it("fills its answers, lists the ids its questionnaire lacks as not placed, and owes the documents a refresh", async () => {
    // A long refresh delay: the refresh the import owes stays queued where the test can see it.
    t = await startTestApp({ timing: { refreshDelayMs: 60 * 60 * 1000 } });
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    const previous = JSON.parse(EXAMPLE.toString("utf8")) as { answers: Record<string, unknown> };
    previous.answers.retired_question = "Asked in an older questionnaire";
    const res = await t.slack.command({ text: "import", channelId: CHANNEL, userId: "U0PM" });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    const viewId = openedViewId(open);
    const file = t.emulator.personUploadsFile({
      userId: "U0PM",
      name: "acme-answers.json",
      bytes: JSON.stringify(previous),
    });
    await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: { import_file: { file: { type: "file_input", files: [file] } } },
    });
    await t.idle();
    const review = t.emulator.views.get(viewId)?.view as unknown as ShownView;
    expect(textOf(review)).toContain(
      '• answers.retired_question: questionnaire version 3 has no question "retired_question"',
    );
    t.db.delete(outbox).run();
    const confirmed = await t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} });
    await t.idle();
    // The unknown id, and two of the file's (version 2) security boxes that version 3 asks as text questions
    // the file already answers: carried over as moving a project would, they have nowhere else to go.
    expect(JSON.stringify(confirmed.body)).toMatch(
      /Imported \d+ answers from acme-answers.json \(3 parts could not be placed\)/,
    );
    expect(t.db.select().from(answers).where(eq(answers.questionId, "retired_question")).all()).toEqual([]);
    expect(
      t.db
        .select({ job: outbox.job })
        .from(outbox)
        .all()
        .map((r) => r.job),
    ).toContain("refresh-discovery");
  });
});

describe("a long file's review stays within Slack's limits", () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it("asks about the first 40 answered questions and summarises what it could not place", async () => {
    const questions = allQuestions(getQuestionnaire(LATEST_QUESTIONNAIRE_VERSION)).filter(
      (q) => q.kind === "short_text" || q.kind === "long_text",
    );
    expect(questions.length).toBeGreaterThan(60);
    const values = Object.fromEntries(questions.map((q) => [q.id, `From the file: ${q.id}`]));
    const unplaced = Array.from({ length: 45 }, (_, i) => ({
      where: `## Extra ${i + 1}`,
      text: "Something else",
    }));
    const fake = fakeImportReader(proposalOf(values, unplaced));
    t = await startTestApp({ readImport: fake.reader });
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    const projectId = t.db.select().from(projects).get()?.id ?? 0;
    // 45 questions already have another answer: the review asks about 40 of them, the rest keep theirs.
    saveAnswers(t.db, {
      projectId,
      sectionId: "any",
      values: Object.fromEntries(questions.slice(0, 45).map((q) => [q.id, "Typed before"])),
      actorId: "U0LEAD",
      at: new Date("2026-11-22T10:00:00Z"),
    });
    const res = await t.slack.command({ text: "import", channelId: CHANNEL, userId: "U0PM" });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    const viewId = openedViewId(open);
    const file = t.emulator.personUploadsFile({
      userId: "U0PM",
      name: "acme-discovery.md",
      bytes: "# Acme\n",
    });
    await t.slack.viewSubmission({
      userId: "U0PM",
      viewId,
      values: { import_file: { file: { type: "file_input", files: [file] } } },
    });
    await t.idle();
    expect(fake.read.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ["acme-discovery.md", "# Acme\n"],
    ]);
    const review = t.emulator.views.get(viewId)?.view as unknown as ShownView;
    expect(t.emulator.rejections).toEqual([]);
    expect(review.callback_id).toBe("import_review");
    expect(validateView(review)).toEqual([]);
    const kept = 45;
    expect(textOf(review)).toContain("…and 5 more answered questions, which keep their answers.");
    // 45 parts not placed: 20 listed, then a count.
    expect(textOf(review)).toContain("…and 25 more.");
    expect(textOf(review)).toContain("## Extra 1: Something else");

    const confirmed = await t.slack.viewSubmission({ userId: "U0PM", viewId, values: {} });
    await t.idle();
    expect(JSON.stringify(confirmed.body)).toContain(
      `Imported ${questions.length - kept} answers from acme-discovery.md (${kept} kept as they were; 45 parts could not be placed)`,
    );
  });
});
