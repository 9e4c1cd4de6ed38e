import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import { loadAnswers, loadDraftRow, saveAnswers, saveDraft } from "../../src/db/answer-store.js";
import { auditLog, projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V2 } from "../../src/domain/questionnaire/definition.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { partialSectionState } from "../support/interview.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const text = (v: unknown) => JSON.stringify(v);

describe("moving a version 2 project to the agency questionnaire (version 3)", () => {
  let t: TestApp;
  let projectId: number;
  const version = () =>
    t.db.select().from(projects).where(eq(projects.id, projectId)).get()?.questionnaireVersion;

  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t, { channelId: CHANNEL });
    projectId = t.db.select().from(projects).get()?.id ?? 0;
    // A project created before version 3 existed, with answers and an unsaved entry of the security section.
    t.db.update(projects).set({ questionnaireVersion: 2 }).where(eq(projects.id, projectId)).run();
    const at = new Date("2026-01-05T10:00:00.000Z");
    saveAnswers(t.db, {
      projectId,
      sectionId: "current_state",
      values: { current_state: "Orders are keyed by hand", pain_points: ["Invoices a day late"] },
      actorId: "U0PM",
      at,
    });
    saveAnswers(t.db, {
      projectId,
      sectionId: "security",
      values: {
        data_security_checks: ["encryption_in_transit", "pii_handling"],
        audit_logging: "Every sync",
      },
      actorId: "U0PM",
      at,
    });
    saveAnswers(t.db, {
      projectId,
      sectionId: "risks_costs",
      values: { internal_dependencies: ["database_schema", "frontend_framework"] },
      actorId: "U0PM",
      at,
    });
    saveDraft(t.db, {
      projectId,
      sectionId: "security",
      raw: { compliance_checks: ["gdpr", "data_residency"], regulations: "PCI" },
      actorId: "U0PM",
      at,
    });
  });
  afterEach(async () => {
    await t.close();
  });

  const press = (actionId: string, userId = "U0PM") =>
    t.slack.blockAction({
      actionId,
      value: String(projectId),
      userId,
      channelId: CHANNEL,
      messageTs: "1700000000.000100",
    });

  it("says which version the project uses and what version 3 adds, and Cancel moves nothing", async () => {
    const res = await t.slack.command({ text: "questionnaire", channelId: CHANNEL });
    const body = res.body as { text: string; blocks: unknown[] };
    expect(validateMessage(body)).toEqual([]);
    const shown = text(body.blocks);
    expect(shown).toContain("uses questionnaire version 2; the latest is version 3");
    expect(shown).toContain("Environments, access and cut-over");
    expect(shown).toContain("Client-side stakeholders");
    expect(shown).toContain("Move to version 3");
    // The button asks Slack for a confirmation dialog: the move cannot be undone.
    expect(shown).toContain("The move cannot be undone");
    await press("questionnaire_move_cancel");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("keeps its questionnaire version"));
    expect(version()).toBe(2);
  });

  it("moves after the confirmation, carrying the answers over and keeping what does not carry in the history", async () => {
    const res = await t.slack.command({ text: "questionnaire upgrade", channelId: CHANNEL });
    expect(text(res.body)).toContain("Move to version 3");
    expect(version()).toBe(2);

    await press("questionnaire_move_confirm");
    await t.idle();
    const reply = await t.emulator.waitForResponse((r) => text(r.body).includes("Moved"));
    expect(text(reply.body)).toContain("from questionnaire version 2 to 3");
    expect(text(reply.body)).toContain("Not carried over");
    expect(version()).toBe(3);

    const stored = loadAnswers(t.db, projectId);
    expect(stored.current_state).toBe("Orders are keyed by hand");
    expect(stored.data_security_checks).toEqual(["encryption_in_transit"]);
    expect(stored.pii_handling).toBe("Personal data (PII) flows and needs handling.");
    expect(stored.audit_logging).toBe("Every sync");
    expect(stored.internal_dependencies).toEqual(["database_schema"]);
    // The unsaved entry stays in its section, without the box version 3 no longer offers.
    expect(loadDraftRow(t.db, projectId, "security")?.raw).toEqual({
      compliance_checks: ["gdpr"],
      regulations: "PCI",
    });

    const moved = t.db.select().from(auditLog).where(eq(auditLog.action, "questionnaire.moved")).all();
    expect(moved).toHaveLength(1);
    expect(text(moved[0]?.details)).toContain("frontend_framework");

    const history = await t.slack.command({ text: "history", channelId: CHANNEL });
    expect(text(history.body)).toContain("moved the project from questionnaire version 2 to 3");

    // Section 14 of version 3 is the new one.
    const open = await t.slack.command({ text: "interview 14", channelId: CHANNEL });
    await t.idle();
    const call = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === open.triggerId);
    expect(text(call.args.view)).toContain("Environments, access and cut-over");
  });

  it("a section modal opened before the move saves into the same section after it, not the one now at its number", async () => {
    // Section 14 of version 2 is the open questions; in version 3 it is environments, access and cut-over.
    const res = await t.slack.command({ text: "interview 14", channelId: CHANNEL });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(text(view)).toContain("Open questions and sign-off");

    await press("questionnaire_move_confirm");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("Moved"));

    const openQuestions = QUESTIONNAIRE_V2.sections.find((s) => s.id === "open_questions");
    if (!openQuestions) throw new Error("no open questions section");
    await t.slack.viewSubmission({
      userId: "U0PM",
      viewId: openedViewId(open),
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: partialSectionState(openQuestions, { business_questions: form.text("Who owns refunds?") }),
    });
    await t.idle();
    expect(loadAnswers(t.db, projectId).business_questions).toEqual(["Who owns refunds?"]);
    expect(loadDraftRow(t.db, projectId, "environments")).toBeUndefined();
  });

  it("Back on a section modal opened before the move leaves the section now at its number alone", async () => {
    saveAnswers(t.db, {
      projectId,
      sectionId: "open_questions",
      values: { business_questions: ["Who owns refunds?"], review_notes: "Reviewed with finance" },
      actorId: "U0PM",
      at: new Date("2026-01-05T10:00:00.000Z"),
    });
    // Section 15 of version 2 is support after go-live; in version 3, the open questions are section 15.
    const res = await t.slack.command({ text: "interview 15", channelId: CHANNEL });
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    expect(text(open.args.view)).toContain("Support after go-live");
    await press("questionnaire_move_confirm");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("Moved"));

    await t.slack.blockAction({
      actionId: "interview_back",
      value: "14",
      userId: "U0PM",
      view: openedViewId(open),
    });
    await t.idle();
    const answers = loadAnswers(t.db, projectId);
    expect(answers.business_questions).toEqual(["Who owns refunds?"]);
    expect(answers.review_notes).toBe("Reviewed with finance");
  });

  it("a second press moves nothing more", async () => {
    await press("questionnaire_move_confirm");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("Moved"));
    await press("questionnaire_move_confirm");
    await t.idle();
    await t.emulator.waitForResponse((r) => text(r.body).includes("already uses questionnaire version 3"));
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "questionnaire.moved")).all()).toHaveLength(
      1,
    );
  });

  it("a project on the latest version is told so, with no button", async () => {
    t.db.update(projects).set({ questionnaireVersion: 3 }).where(eq(projects.id, projectId)).run();
    const res = await t.slack.command({ text: "questionnaire", channelId: CHANNEL });
    expect(text(res.body)).toContain("uses questionnaire version 3, the latest");
    expect(text(res.body)).not.toContain("Move to version");
  });
});
