import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage, validateView } from "../../emulator/block-kit-limits.js";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { recordNudgeSent, snoozeNudge } from "../../src/db/nudge-store.js";
import { loadReminderSettings } from "../../src/db/reminder-settings-store.js";
import { auditLog, blockers, projects, reminderSettings } from "../../src/db/schema.js";
import { nudgeKey } from "../../src/domain/reminders/nudges.js";
import { DEFAULT_REMINDER_SETTINGS } from "../../src/domain/reminders/settings.js";
import { stateValues } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

const CHANNEL = "C0PROJECT";
/** The project's people, as createProjectThroughSlack makes them: U0PM creates it and is its PM; U0LEAD leads. */
const PM = "U0PM";
const LEAD = "U0LEAD";
const TEAMMATE = "U0DEV";

interface Element extends Record<string, unknown> {
  type: string;
  action_id: string;
}
interface Block {
  type: string;
  block_id?: string;
  element?: Element;
}
interface OpenedView {
  callback_id: string;
  submit?: unknown;
  blocks: Block[];
}

type Option = { value: string };
/** The form as Slack would submit it untouched: each input's initial value, in the state shape Slack sends. */
function asOpened(view: OpenedView): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    const e = block.element;
    if (block.type !== "input" || !e || !block.block_id) continue;
    const id = block.block_id;
    if (e.type === "radio_buttons" || e.type === "static_select")
      values[id] = { type: e.type, selected_option: (e.initial_option as Option | undefined) ?? null };
    if (e.type === "checkboxes")
      values[id] = { type: e.type, selected_options: (e.initial_options as Option[] | undefined) ?? [] };
    if (e.type === "number_input" || e.type === "plain_text_input")
      values[id] = { type: e.type, value: (e.initial_value as string | undefined) ?? null };
    if (e.type === "timepicker") values[id] = { type: e.type, selected_time: e.initial_time ?? null };
  }
  return values;
}

const picked = (type: string, values: string[]) => ({
  type,
  selected_options: values.map((value) => ({ value })),
});
const chosen = (type: string, value: string) => ({ type, selected_option: { value } });
const number = (value: string | null) => ({ type: "number_input", value });
const time = (value: string | null) => ({ type: "timepicker", selected_time: value });
const text = (value: string | null) => ({ type: "plain_text_input", value });

const isBoard = (call: RecordedCall) =>
  JSON.stringify(call.args.blocks ?? []).includes("status_board_checklist");

describe("/intplan settings: the channel's reminder settings", () => {
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

  async function openSettings(userId: string) {
    const res = await t.slack.command({ text: "settings", channelId: CHANNEL, userId });
    expect(res.body).toBe("");
    await t.idle();
    const open = await t.emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
    const view = open.args.view as OpenedView;
    return { viewId: openedViewId(open), view, values: asOpened(view) };
  }
  const submit = async (viewId: string, values: Record<string, Record<string, unknown>>, userId: string) => {
    const res = await t.slack.viewSubmission({ userId, viewId, values: stateValues(values) });
    await t.idle();
    return res;
  };
  const settingsAudits = () =>
    t.db.select().from(auditLog).where(eq(auditLog.action, "settings.changed")).all();
  const stored = () => t.db.select().from(reminderSettings).all();
  async function postBoard() {
    await t.slack.command({ text: "status", channelId: CHANNEL, userId: PM });
    await t.idle();
  }
  const lastBoard = () => {
    const calls = [...t.emulator.callsTo("chat.postMessage"), ...t.emulator.callsTo("chat.update")].filter(
      (c) => isBoard(c) && c.answer?.ok === true,
    );
    return calls.sort((a, b) => a.at - b.at).at(-1);
  };
  const boardText = () => JSON.stringify(lastBoard()?.args.blocks ?? []);

  it("is listed in /intplan help", async () => {
    const res = await t.slack.command({ text: "help", channelId: CHANNEL, userId: PM });
    expect(JSON.stringify(res.body)).toContain("/intplan settings");
  });

  it("the PM changes the blocker threshold and the digest time: saved, audited, told back, on the history", async () => {
    await postBoard();
    const { viewId, view, values } = await openSettings(PM);
    expect(view.callback_id).toBe("reminder_settings");
    expect(view.submit).toBeDefined();
    expect(validateView(view)).toEqual([]);
    // The defaults, as the form opens with them.
    expect(values.settings_blocker_days).toEqual(number("3"));
    expect(values.settings_digest_time).toEqual(time("09:00"));
    expect(JSON.stringify(view.blocks)).toContain("Times are in *UTC*");

    const res = await submit(
      viewId,
      { ...values, settings_blocker_days: number("5"), settings_digest_time: time("10:30") },
      PM,
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe("");

    expect(loadReminderSettings(t.db, projectId)).toEqual({
      ...DEFAULT_REMINDER_SETTINGS,
      blocker: { on: true, afterWorkingDays: 5 },
      digest: { ...DEFAULT_REMINDER_SETTINGS.digest, time: "10:30" },
    });
    const [audit, ...more] = settingsAudits();
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorId: PM,
      details: {
        before: DEFAULT_REMINDER_SETTINGS,
        after: { blocker: { on: true, afterWorkingDays: 5 }, digest: { time: "10:30" } },
      },
    });

    const told = await t.emulator.waitForCall("chat.postEphemeral", (c) => c.args.user === PM);
    expect(told.args.channel).toBe(CHANNEL);
    expect(validateMessage(told.args as { text: string })).toEqual([]);
    expect(String(told.args.text)).toContain("Blocker nudges: after 3 working days → after 5 working days");
    expect(String(told.args.text)).toContain("Weekly digest: Mondays at 09:00 → Mondays at 10:30");

    const history = await t.slack.command({ text: "history", channelId: CHANNEL, userId: PM });
    expect(JSON.stringify(history.body)).toContain(
      "<@U0PM> changed the reminder settings: Blocker nudges: after 3 working days → after 5 working days; Weekly digest: Mondays at 09:00 → Mondays at 10:30",
    );

    // Saving the same again writes nothing.
    const again = await openSettings(PM);
    expect(again.values.settings_blocker_days).toEqual(number("5"));
    await submit(again.viewId, again.values, PM);
    expect(settingsAudits()).toHaveLength(1);
    const nothing = await t.emulator.waitForCall(
      "chat.postEphemeral",
      (c) => c.args.user === PM && String(c.args.text).startsWith("Nothing changed"),
    );
    expect(nothing.args.channel).toBe(CHANNEL);
  });

  it("the lead engineer may change them too", async () => {
    const { viewId, values } = await openSettings(LEAD);
    await submit(viewId, { ...values, settings_destination: chosen("radio_buttons", "board-thread") }, LEAD);
    expect(loadReminderSettings(t.db, projectId).destination).toBe("board-thread");
    expect(settingsAudits()).toHaveLength(1);
  });

  it("a teammate who is not the lead, the PM or the creator sees them read-only; a forged save changes nothing", async () => {
    const { viewId, view } = await openSettings(TEAMMATE);
    expect(validateView(view)).toEqual([]);
    expect(view.submit).toBeUndefined();
    expect(view.blocks.some((b) => b.type === "input")).toBe(false);
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain("*Blocker nudges*\\nafter 3 working days");
    expect(shown).toContain("Only the project's lead engineer, project manager or the person who created it");
    expect(shown).toContain("<@U0LEAD>");

    // The same form the PM gets, submitted by the teammate (Slack never shows them a Save button).
    const pmForm = asOpened((await openSettings(PM)).view);
    const res = await submit(viewId, { ...pmForm, settings_blocker_days: number("9") }, TEAMMATE);
    expect(res.body).toMatchObject({
      response_action: "errors",
      errors: { settings_enabled: expect.stringContaining("Only the project's lead engineer") },
    });
    expect(stored()).toEqual([]);
    expect(settingsAudits()).toEqual([]);
  });

  it("a PM who is no longer the PM is refused, and nothing changes", async () => {
    const { viewId, values } = await openSettings(PM);
    // Meanwhile someone else became the PM; U0PM is still the creator, so make the creator someone else too.
    t.db.update(projects).set({ projectManagerId: "U0NEWPM", createdBy: "U0OTHER" }).run();
    const res = await submit(viewId, { ...values, settings_blocker_days: number("7") }, PM);
    expect(res.body).toMatchObject({
      response_action: "errors",
      errors: { settings_enabled: expect.stringContaining("Nothing was changed") },
    });
    expect(stored()).toEqual([]);
    expect(settingsAudits()).toEqual([]);
  });

  it("says what is wrong on each field and changes nothing", async () => {
    const { viewId, values } = await openSettings(PM);
    const res = await submit(
      viewId,
      {
        ...values,
        settings_time_zone: text("Mars/Olympus_Mons"),
        settings_quiet_on: picked("checkboxes", ["on"]),
        settings_quiet_start: time("22:00"),
        settings_quiet_end: time("22:00"),
        settings_working_days: picked("checkboxes", []),
        settings_blocker_days: number("45"),
        settings_digest_time: time(null),
      },
      PM,
    );
    expect(res.body).toEqual({
      response_action: "errors",
      errors: {
        settings_time_zone: expect.stringContaining("Not a time zone I know"),
        settings_quiet_end: "Quiet hours must end at another time than they start.",
        settings_working_days: "Pick at least one working day.",
        settings_blocker_days: "A whole number of working days from 1 to 30.",
        settings_digest_time: "Pick the time the digest is posted.",
      },
    });
    expect(stored()).toEqual([]);
    expect(settingsAudits()).toEqual([]);
  });

  it("takes a time zone in any case and shows it as the one in effect", async () => {
    const { viewId, values } = await openSettings(PM);
    await submit(viewId, { ...values, settings_time_zone: text("europe/berlin") }, PM);
    expect(loadReminderSettings(t.db, projectId).timeZone).toBe("Europe/Berlin");
    const { view } = await openSettings(PM);
    expect(JSON.stringify(view.blocks)).toContain("Times are in *Europe/Berlin*");
  });

  it("with the master switch off the board says reminders are off; back on, it does not", async () => {
    await postBoard();
    expect(boardText()).not.toContain("Reminders are off");
    const { viewId, values } = await openSettings(PM);
    await submit(viewId, { ...values, settings_enabled: chosen("radio_buttons", "off") }, PM);
    expect(loadReminderSettings(t.db, projectId).enabled).toBe(false);
    await t.idle();
    expect(boardText()).toContain("Reminders are off in this channel (`/intplan settings`)");
    expect(validateMessage(lastBoard()?.args as { text: string })).toEqual([]);

    const back = await openSettings(PM);
    await submit(back.viewId, { ...back.values, settings_enabled: chosen("radio_buttons", "on") }, PM);
    await t.idle();
    expect(boardText()).not.toContain("Reminders are off");
  });

  it("the board names snoozed nudges until their snooze runs out", async () => {
    await t.slack.command({ text: "blocker Waiting on sandbox credentials", channelId: CHANNEL, userId: PM });
    await t.idle();
    await postBoard();
    const blocker = t.db.select().from(blockers).get();
    if (!blocker) throw new Error("no blocker");
    const now = new Date("2026-11-23T10:00:00Z");
    const until = new Date("2026-11-27T09:00:00Z");
    const snooze = (kind: "blocker" | "phase", itemKey: string) => {
      const id = recordNudgeSent(t.db, { projectId, kind, itemKey, recipientId: PM, at: now });
      snoozeNudge(t.db, { id, until, by: PM, at: now });
    };
    snooze("blocker", nudgeKey.blocker(blocker.id, blocker.createdAt));
    snooze("phase", nudgeKey.phase(2, "2026-11-20"));
    // A nudge is snoozed through its buttons, which refresh the board (change kind `nudge`); here, a status.
    await postBoard();
    const stamp = Math.floor(until.getTime() / 1000);
    expect(boardText()).toContain(
      `Snoozed reminders: blocker #1 (Waiting on sandbox credentials) until <!date^${stamp}^{date_short_pretty}|${until.toISOString()}>; Development past its end until`,
    );

    // Once the snooze ran out, the next refresh of the board leaves it out.
    t.setNow(new Date("2026-11-28T10:00:00Z"));
    await t.slack.command({ text: "blocker Another one", channelId: CHANNEL, userId: PM });
    await t.idle();
    expect(boardText()).toContain("Another one");
    expect(boardText()).not.toContain("Snoozed reminders");
  });

  it("in a channel without a project, says so as every command does", async () => {
    const res = await t.slack.command({ text: "settings", channelId: "C0EMPTY", userId: PM });
    expect(JSON.stringify(res.body)).toMatch(/no integration project yet/);
    expect(t.emulator.callsTo("views.open").filter((c) => c.args.trigger_id === res.triggerId)).toEqual([]);
  });
});
