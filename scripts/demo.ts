/**
 * `npm run demo`: intplan without a Slack workspace. Starts the app against the project's Slack emulator,
 * plays one example project through real signed requests (new, every interview section, plan, discovery,
 * a phase change, a blocker, a freeze), prints what happened, and writes all seven documents to ./out/: the
 * plan and the discovery document as their canvases read, the five companion documents (SOW, Technical
 * Specifications, Test Cases, Deployment Runbook, Support Playbook) rendered from the app's database as a
 * file reads them, and the frozen plan's Word and Markdown files.
 *
 *   npm run demo                                   the Shopify → QuickBooks Online example
 *   npm run demo -- --example examples/<file>.json  another answer set
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { WebClient } from "@slack/web-api";
import { documents, projects } from "../src/db/schema.js";
import { parseAnswersFile } from "../src/documents/answers-file.js";
import { createDocumentRenderer } from "../src/documents/renderer.js";
import { COMPANION_KINDS, DOCUMENT_FILE_NAMES, DOCUMENT_TITLES } from "../src/domain/document-kinds.js";
import type { Answers } from "../src/domain/questionnaire/answers.js";
import { getQuestionnaire } from "../src/domain/questionnaire/definition.js";
import { TEMPLATES_DIR } from "../src/paths.js";
import { renderDocumentFor } from "../src/services/document-rendering.js";
import { slackPeopleDirectory } from "../src/slack/slack-people-directory.js";
import { form, newProjectForm } from "../test/support/forms.js";
import { startTestApp, TEST_BOT_TOKEN, type TestApp } from "../test/support/harness.js";
import { sectionStateFromAnswers } from "../test/support/interview.js";
import { openedViewId } from "../test/support/projects.js";

const CHANNEL = "C0DEMO";
const PM = "U0PM";
const LEAD = "U0LEAD";

const { values } = parseArgs({
  options: {
    example: { type: "string", default: "examples/shopify-quickbooks-accounting.json" },
    out: { type: "string", default: "out" },
  },
});

const say = (line: string) => process.stdout.write(`${line}\n`);
const replyText = (body: unknown) =>
  typeof body === "object" && body && "text" in body ? String((body as { text: unknown }).text) : "";

function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Runs a slash command and prints the private reply and what the channel saw. */
async function command(t: TestApp, text: string, userId = PM) {
  say(`\n> /intplan ${text}`);
  const before = t.emulator.calls.length;
  const res = await t.slack.command({ text, channelId: CHANNEL, userId });
  const reply = replyText(res.body);
  if (reply) say(`  (only you) ${reply.split("\n")[0]}`);
  await new Promise((r) => setTimeout(r, 150));
  for (const call of t.emulator.calls.slice(before)) {
    if (call.method === "chat.postMessage" && call.args.channel === CHANNEL)
      say(`  #demo: ${String(call.args.text).split("\n")[0]}`);
    if (call.method === "chat.update")
      say(`  #demo (status board updated): ${String(call.args.text).split("\n")[0]}`);
  }
  return res;
}

async function main(): Promise<void> {
  const input = parseAnswersFile(JSON.parse(readFileSync(resolve(values.example), "utf8")));
  const { project } = input;
  const answers = input.answers as Answers;
  const t = await startTestApp({ now: new Date() });
  try {
    say(`intplan demo: ${project.name} (${project.systemA} → ${project.systemB}) in channel #demo`);
    say(`Slack emulator at ${t.emulator.apiUrl}, app at ${t.baseUrl}/slack/events`);

    const opened = await command(t, "new");
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === opened.triggerId);
    say("  modal: New integration project");
    await t.slack.viewSubmission({
      userId: PM,
      viewId: openedViewId(open),
      values: newProjectForm({
        name: form.text(project.name),
        client_name: form.text(project.clientName),
        system_a: form.text(project.systemA),
        system_b: form.text(project.systemB),
        integration_type: form.select(project.integrationType ?? "auto"),
        lead_engineer: form.user(LEAD),
        project_manager: form.user(PM),
        target_go_live: form.date(isoDaysFromNow(75)),
        volume_estimate: form.text(project.volumeEstimate),
        summary: form.text(project.summary),
      }),
    });
    const card = await t.emulator.waitForCall("chat.postMessage", (c) => c.args.channel === CHANNEL);
    say(`  #demo: ${String(card.args.text)}`);

    const questionnaire = getQuestionnaire(project.questionnaireVersion);
    for (const [index, section] of questionnaire.sections.entries()) {
      const res = await t.slack.command({ text: `interview ${index + 1}`, channelId: CHANNEL, userId: PM });
      const call = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
      const view = call.args.view as { callback_id: string; private_metadata: string };
      const submitted = await t.slack.viewSubmission({
        userId: index % 2 === 0 ? PM : LEAD,
        viewId: openedViewId(call),
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: sectionStateFromAnswers(section, answers),
      });
      const ok = (submitted.body as { response_action?: string }).response_action === "update";
      const answered = section.questions.filter((q) => answers[q.id] !== undefined).length;
      say(
        `> interview section ${index + 1}: ${answered} of ${section.questions.length} answered ${ok ? "✓" : "(refused)"}`,
      );
    }

    for (const doc of ["plan", "discovery"] as const) {
      await command(t, doc);
      const shown = t.emulator.calls.length;
      // The channel's announcement is the answer (nothing comes privately when a new version is out).
      const title = DOCUMENT_TITLES[doc];
      const announced = await t.emulator.waitForCall(
        "chat.postMessage",
        (c) => {
          // "published the <permalink|Implementation Plan>": the title is the link to the canvas.
          const text = String(c.args.text);
          return c.args.channel === CHANNEL && text.includes("published the") && text.includes(title);
        },
        10_000,
      );
      if (t.emulator.calls.indexOf(announced) >= shown)
        say(`  #demo: ${String(announced.args.text).split("\n")[0]}`);
    }
    await command(t, "phase discovery in-progress Kick-off held with the client", LEAD);
    await command(t, "blocker Waiting on the client's QuickBooks sandbox credentials --client", PM);
    await command(t, "status");
    await command(t, "freeze plan Sent to the client for sign-off");
    const frozen = await t.emulator.waitForCall(
      "files.completeUploadExternal",
      (c) => c.answer?.ok === true,
      10_000,
    );
    say(`  #demo: ${String(frozen.args.initial_comment)} (a .docx and a .md)`);
    await new Promise((r) => setTimeout(r, 300));
    await t.app.outbox.runDue();

    const outDir = resolve(values.out);
    mkdirSync(outDir, { recursive: true });
    say("\nDocuments written (the plan and the discovery document as their canvases read them):");
    const row = t.db.select().from(projects).get();
    if (!row) throw new Error("The demo project was not created.");
    for (const doc of t.db.select().from(documents).all()) {
      const canvas = t.emulator.canvases.get(doc.canvasId ?? "");
      if (!canvas) continue;
      const file = join(outDir, `${row.code}-${DOCUMENT_FILE_NAMES[doc.kind]}.md`);
      writeFileSync(file, canvas.markdown);
      say(`  ${file}: canvas version ${doc.version}, ${canvas.markdown.length.toLocaleString()} characters`);
    }
    // The five documents the plan refers to, from the same database, as an export reads them (names, no
    // Slack markup); not published, so the plan's section 11 says how to publish each.
    const rendering = {
      db: t.db,
      documents: createDocumentRenderer({ templatesDir: TEMPLATES_DIR }),
      people: slackPeopleDirectory(new WebClient(TEST_BOT_TOKEN, { slackApiUrl: t.emulator.apiUrl })),
    };
    for (const kind of COMPANION_KINDS) {
      const rendered = await renderDocumentFor(rendering, row, kind, "file");
      const file = join(outDir, rendered.filename);
      writeFileSync(file, rendered.markdown);
      say(`  ${file}: ${DOCUMENT_TITLES[kind]}, ${rendered.markdown.length.toLocaleString()} characters`);
    }
    for (const f of t.emulator.files.values()) {
      const file = join(outDir, f.filename ?? "file.md");
      writeFileSync(file, f.bytes ?? "");
      say(`  ${file} (uploaded as a file)`);
    }
    const rejected = t.emulator.rejections.length;
    say(`\nSlack calls made: ${t.emulator.calls.length}; refused by Slack's Block Kit rules: ${rejected}.`);
    if (rejected > 0) process.exitCode = 1;
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
