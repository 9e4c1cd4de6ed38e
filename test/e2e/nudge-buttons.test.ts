import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { auditLog, blockers, nudges, phases, projects } from "../../src/db/schema.js";
import { QUESTIONNAIRE_V2 } from "../../src/domain/questionnaire/definition.js";
import { nudgeKey } from "../../src/domain/reminders/nudges.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { type PostedNudge, postNudgeForTest, pressNudgeButton, toldAfter } from "../support/nudges.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
const PM = "U0PM";
const DEV = "U0DEV";
const DANA = "U0DANA";
/** Tuesday 1 December 2026, 10:00 UTC. */
const NOW = new Date("2026-12-01T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

const blocksText = (call: RecordedCall | undefined) => JSON.stringify(call?.args.blocks ?? []);

describe("a nudge's buttons: act at once, snooze or dismiss, all audited", () => {
  let t: TestApp;
  let projectId: number;
  beforeEach(async () => {
    t = await startTestApp({ now: NOW });
    await createProjectThroughSlack(t, { channelId: CHANNEL, userId: PM });
    await t.slack.command({ text: "status", userId: PM, channelId: CHANNEL });
    await t.slack.command({ text: `blocker API keys missing <@${DEV}|dev>`, userId: PM, channelId: CHANNEL });
    await t.idle();
    projectId = (t.db.select().from(projects).get() as { id: number }).id;
  });
  afterEach(async () => {
    await t.close();
  });

  const blocker = () => t.db.select().from(blockers).get() as typeof blockers.$inferSelect;
  const ledger = (id: number) => t.db.select().from(nudges).where(eq(nudges.id, id)).get();
  const audits = (action: string) =>
    t.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === action);
  /** The edits of the nudge's own message. */
  const editsOf = (nudge: PostedNudge) =>
    t.emulator
      .callsTo("chat.update")
      .filter((c) => c.args.channel === nudge.channel && c.args.ts === nudge.ts);

  /** Dev's DM: blocker #1 open for 4 working days, with its buttons. */
  const blockerNudge = () => {
    const row = blocker();
    return postNudgeForTest(t, {
      projectId,
      kind: "blocker",
      itemKey: nudgeKey.blocker(row.id, row.createdAt),
      recipientId: DEV,
      at: NOW,
      subject: {
        kind: "blocker",
        blockerNumber: row.number,
        text: row.text,
        openedAt: row.createdAt,
        workingDaysOpen: 4,
        ownerId: DEV,
      },
    });
  };

  it("Dev snoozes a blocker's reminder for 3 days from his DM: saved until then, audited, the message says so without buttons; a double click and a later 1 week", async () => {
    const nudge = await blockerNudge();
    const dm = t.emulator
      .callsTo("chat.postMessage")
      .find((c) => c.args.ts === undefined && c.answer?.ts === nudge.ts);
    expect(String(nudge.channel)).toMatch(/^D/);
    expect(blocksText(dm)).toContain("Blocker #1 has been open for 4 working days: API keys missing");
    expect(blocksText(dm)).toContain(`<@${DEV}>, you own this blocker.`);
    expect(blocksText(dm)).not.toMatch(/<!channel>|<!here>/);
    for (const label of ["Resolve", "Snooze 1 day", "Snooze 3 days", "Snooze 1 week", "Dismiss"])
      expect(blocksText(dm)).toContain(`"text":"${label}"`);

    const res = await pressNudgeButton(t, nudge, "nudge_snooze_3", DEV);
    expect(res.status).toBe(200);

    const row = ledger(nudge.nudgeId);
    expect(row?.state).toBe("snoozed");
    expect(row?.changedBy).toBe(DEV);
    const until = row?.snoozedUntil?.getTime() ?? 0;
    expect(until - NOW.getTime()).toBeGreaterThanOrEqual(3 * DAY);
    expect(until - NOW.getTime()).toBeLessThan(3 * DAY + 60_000);
    expect(audits("nudge.snoozed")).toEqual([
      expect.objectContaining({
        actorId: DEV,
        details: {
          kind: "blocker",
          item: row?.itemKey,
          label: "#1 API keys missing",
          until: row?.snoozedUntil?.toISOString(),
        },
      }),
    ]);
    // The DM, edited in place: what it was about, who snoozed it until when, and no buttons left.
    const edit = editsOf(nudge).at(-1);
    expect(blocksText(edit)).toContain("Blocker #1 has been open for 4 working days");
    expect(blocksText(edit)).toContain(`Snoozed until Fri 4 Dec by <@${DEV}>`);
    expect(blocksText(edit)).not.toContain("nudge_");

    // Pressed twice at once: one change.
    const again = await pressNudgeButton(t, nudge, "nudge_snooze_3", DEV);
    expect(toldAfter(t, again).join("\n")).toContain("already snoozed until Fri 4 Dec");
    expect(audits("nudge.snoozed")).toHaveLength(1);

    // Snoozing again later (another choice) moves it.
    t.advance(DAY);
    await pressNudgeButton(t, nudge, "nudge_snooze_7", DEV);
    const moved = ledger(nudge.nudgeId)?.snoozedUntil?.getTime() ?? 0;
    expect(moved - NOW.getTime()).toBeGreaterThanOrEqual(8 * DAY);
    expect(audits("nudge.snoozed")).toHaveLength(2);

    // The history tells it.
    const history = await t.slack.command({ text: "history", userId: PM, channelId: CHANNEL });
    await t.idle();
    expect(JSON.stringify(history.body)).toContain(
      "snoozed the reminder about blocker #1 API keys missing until",
    );
  });

  it("Dismiss: never again, audited, the message says so; a snooze pressed afterwards changes nothing", async () => {
    const nudge = await blockerNudge();
    await pressNudgeButton(t, nudge, "nudge_dismiss", DEV);
    expect(ledger(nudge.nudgeId)).toMatchObject({ state: "dismissed", changedBy: DEV, snoozedUntil: null });
    expect(audits("nudge.dismissed")).toEqual([
      expect.objectContaining({
        actorId: DEV,
        details: { kind: "blocker", item: ledger(nudge.nudgeId)?.itemKey, label: "#1 API keys missing" },
      }),
    ]);
    expect(blocksText(editsOf(nudge).at(-1))).toContain(`Dismissed by <@${DEV}>`);
    expect(blocksText(editsOf(nudge).at(-1))).not.toContain("nudge_");

    const late = await pressNudgeButton(t, nudge, "nudge_snooze_1", DEV);
    expect(toldAfter(t, late).join("\n")).toContain("dismissed already");
    expect(ledger(nudge.nudgeId)?.state).toBe("dismissed");
    expect(audits("nudge.snoozed")).toHaveLength(0);
    const twice = await pressNudgeButton(t, nudge, "nudge_dismiss", DEV);
    expect(toldAfter(t, twice).join("\n")).toContain("dismissed already");
    expect(audits("nudge.dismissed")).toHaveLength(1);
  });

  it("Resolve resolves the blocker as `/intplan blocker resolve` does: announced in the channel once, audited; pressed again, a clear note", async () => {
    const nudge = await blockerNudge();
    const announcements = () =>
      t.emulator
        .callsTo("chat.postMessage")
        .filter((c) => c.args.channel === CHANNEL && String(c.args.text).includes("resolved"));
    await pressNudgeButton(t, nudge, "nudge_resolve_blocker", DEV);
    expect(blocker()).toMatchObject({ status: "resolved", resolvedBy: DEV });
    expect(announcements()).toHaveLength(1);
    expect(audits("blocker.resolved")).toEqual([
      expect.objectContaining({ actorId: DEV, details: { number: 1, text: "API keys missing", note: null } }),
    ]);
    expect(blocksText(editsOf(nudge).at(-1))).toContain(`Resolved by <@${DEV}>`);
    expect(blocksText(editsOf(nudge).at(-1))).not.toContain("nudge_");

    const again = await pressNudgeButton(t, nudge, "nudge_resolve_blocker", DEV);
    expect(toldAfter(t, again).join("\n")).toContain("Blocker #1 (API keys missing) is already resolved.");
    expect(announcements()).toHaveLength(1);
    expect(audits("blocker.resolved")).toHaveLength(1);
  });

  it("Update status opens a small modal; saving it moves the phase as `/intplan phase` does, and the channel hears it", async () => {
    const phase = t.db.select().from(phases).where(eq(phases.number, 2)).get();
    const status = phase?.status ?? "not-started";
    const target = status === "in-progress" ? "blocked" : "in-progress";
    const nudge = await postNudgeForTest(t, {
      projectId,
      kind: "phase",
      itemKey: nudgeKey.phase(2, "2026-11-27"),
      recipientId: PM,
      at: NOW,
      subject: {
        kind: "phase",
        phaseNumber: 2,
        phaseName: "Design",
        plannedEnd: "2026-11-27",
        status,
        ownerId: PM,
      },
    });
    expect(
      blocksText(t.emulator.callsTo("chat.postMessage").find((c) => c.answer?.ts === nudge.ts)),
    ).toContain("was planned to end on Fri 27 Nov and is still");
    const opensBefore = t.emulator.callsTo("views.open").length;
    await pressNudgeButton(t, nudge, "nudge_update_phase", PM);
    const opened = t.emulator.callsTo("views.open")[opensBefore] as RecordedCall;
    const modal = opened.args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe("nudge_update_phase");

    // Done with exit criteria open waits for a sign-off, as with `/intplan phase`: the modal says so.
    const early = await t.slack.viewSubmission({
      userId: PM,
      viewId: openedViewId(opened),
      values: { status: { status: { type: "radio_buttons", selected_option: { value: "done" } } } },
    });
    expect(JSON.stringify(early.body)).toContain("Exit criteria are still open");
    expect(t.db.select().from(phases).where(eq(phases.number, 2)).get()?.status).toBe(status);

    await t.slack.viewSubmission({
      userId: PM,
      viewId: openedViewId(opened),
      values: {
        status: { status: { type: "radio_buttons", selected_option: { value: target } } },
        note: { note: { type: "plain_text_input", value: "Picked up again" } },
      },
    });
    await t.idle();
    expect(t.db.select().from(phases).where(eq(phases.number, 2)).get()?.status).toBe(target);
    expect(audits("phase.changed").at(-1)).toMatchObject({
      actorId: PM,
      details: expect.objectContaining({ phase: 2, from: status, to: target, note: "Picked up again" }),
    });
    expect(
      t.emulator
        .callsTo("chat.postMessage")
        .filter((c) => c.args.channel === CHANNEL && blocksText(c).includes("Design")),
    ).not.toHaveLength(0);
    expect(blocksText(editsOf(nudge).at(-1))).toContain(`<@${PM}> set it to`);
  });

  it("Answer now opens the asked sections for the person exactly as the ask's own button does", async () => {
    await t.slack.command({ text: `ask <@${DANA}|dana> 5`, userId: PM, channelId: CHANNEL });
    await t.idle();
    const section5 = QUESTIONNAIRE_V2.sections[4] as NonNullable<(typeof QUESTIONNAIRE_V2.sections)[number]>;
    const nudge = await postNudgeForTest(t, {
      projectId,
      kind: "ask",
      itemKey: nudgeKey.ask(DANA, NOW),
      recipientId: DANA,
      at: NOW,
      subject: {
        kind: "ask",
        personId: DANA,
        sections: [{ id: section5.id, label: "5. Second system" }],
        askedAt: new Date(NOW.getTime() - 3 * DAY),
        askedBy: PM,
      },
    });
    expect(
      blocksText(t.emulator.callsTo("chat.postMessage").find((c) => c.answer?.ts === nudge.ts)),
    ).toContain(`<@${PM}> asked you on`);
    const before = t.emulator.callsTo("views.open").length;
    await pressNudgeButton(t, nudge, "nudge_answer_ask", DANA);
    const opened = t.emulator.callsTo("views.open")[before];
    const view = opened?.args.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toMatchObject({ s: 4, a: [4] });
  });

  it("a stale button (its reminder gone, or naming another project) or someone else's changes nothing and says so", async () => {
    const nudge = await blockerNudge();
    // Another project's value with this nudge's id.
    await createProjectThroughSlack(t, { channelId: "C0OTHER", userId: PM });
    await t.idle();
    const other = t.db
      .select()
      .from(projects)
      .all()
      .find((p) => p.channelId === "C0OTHER") as { id: number };
    const forged = await t.slack.blockAction({
      actionId: "nudge_dismiss",
      value: `${other.id}:${nudge.nudgeId}`,
      userId: DEV,
      channelId: nudge.channel,
      messageTs: nudge.ts,
    });
    await t.idle();
    expect(toldAfter(t, forged).join("\n")).toContain("This reminder is no longer current");

    // Someone the DM was not for.
    const eve = await pressNudgeButton(t, nudge, "nudge_snooze_1", "U0EVE");
    expect(toldAfter(t, eve).join("\n")).toContain(`This reminder is for <@${DEV}>`);

    // The ledger row is gone (as when its project is deleted).
    t.db.delete(nudges).where(eq(nudges.id, nudge.nudgeId)).run();
    const stale = await pressNudgeButton(t, nudge, "nudge_resolve_blocker", DEV);
    expect(toldAfter(t, stale).join("\n")).toContain("This reminder is no longer current");
    expect(blocker().status).toBe("open");
    expect(audits("nudge.snoozed")).toHaveLength(0);
    expect(audits("nudge.dismissed")).toHaveLength(0);
    expect(editsOf(nudge)).toHaveLength(0);
  });

  it("a database that cannot take the snooze says so plainly, and nothing changes", async () => {
    const nudge = await blockerNudge();
    const pages = t.database.connection.pragma("page_count", { simple: true });
    t.database.connection.pragma(`max_page_count = ${pages}`);
    t.setNow(new Date(NOW.getTime() + 60_000));
    const res = await pressNudgeButton(t, nudge, "nudge_snooze_3", DEV);
    t.database.connection.pragma("max_page_count = 1073741823");
    expect(toldAfter(t, res).join("\n")).toContain("I could not save this");
    expect(ledger(nudge.nudgeId)?.state).toBe("sent");
    expect(audits("nudge.snoozed")).toHaveLength(0);
    expect(editsOf(nudge)).toHaveLength(0);
  });
});
