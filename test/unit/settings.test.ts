import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage, validateView } from "../../emulator/block-kit-limits.js";
import { loadReminderSettings } from "../../src/db/reminder-settings-store.js";
import { auditLog, outbox, reminderSettings } from "../../src/db/schema.js";
import { mayChangeSettings, settingsChangers } from "../../src/domain/owners.js";
import { nudgeKey, parseNudgeKey } from "../../src/domain/reminders/nudges.js";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from "../../src/domain/reminders/settings.js";
import {
  describeSettingsChanges,
  readSettingsForm,
  type SettingsForm,
  settingsProblems,
} from "../../src/domain/reminders/settings-form.js";
import { NOT_ALLOWED_REASON, saveSettings } from "../../src/services/settings-service.js";
import { describeAuditEntry } from "../../src/slack/views/history-view.js";
import {
  buildSettingsModal,
  buildSettingsSavedMessage,
  SETTINGS_FIELD,
  type SettingsModalInput,
} from "../../src/slack/views/settings-modal.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const D = DEFAULT_REMINDER_SETTINGS;

/** The form as the modal opens with the defaults. */
const defaultsForm: SettingsForm = {
  enabled: "on",
  nudges: ["blocker", "phase", "ask"],
  blockerDays: "3",
  phaseDays: "1",
  askDays: "2",
  goLiveDays: ["14", "7", "1"],
  digestOn: ["on"],
  digestWeekday: "1",
  digestTime: "09:00",
  workingDays: ["1", "2", "3", "4", "5"],
  quietOn: ["on"],
  quietStart: "18:00",
  quietEnd: "09:00",
  timeZone: null,
  destination: "dm",
};

describe("who may change a channel's reminder settings", () => {
  const roles = { leadEngineerId: "U0LEAD", projectManagerId: "U0PM", createdBy: "U0CREATOR" };
  it.each([
    ["U0LEAD", true],
    ["U0PM", true],
    ["U0CREATOR", true],
    ["U0OTHER", false],
  ])("%s: %s", (user, may) => {
    expect(mayChangeSettings(roles, user)).toBe(may);
  });
  it("names each of them once, without an unnamed role", () => {
    expect(settingsChangers({ leadEngineerId: null, projectManagerId: "U0PM", createdBy: "U0PM" })).toEqual([
      "U0PM",
    ]);
  });
});

describe("reading the settings form", () => {
  it("reads the form as opened back into the same settings", () => {
    expect(readSettingsForm(defaultsForm, D)).toEqual({ ok: true, settings: D });
  });

  it("turns kinds off keeping their thresholds, no go-live day means no notices, no quiet hours", () => {
    const read = readSettingsForm(
      { ...defaultsForm, nudges: ["ask"], blockerDays: null, goLiveDays: [], quietOn: [], enabled: "off" },
      D,
    );
    expect(read).toEqual({
      ok: true,
      settings: {
        ...D,
        enabled: false,
        blocker: { on: false, afterWorkingDays: 3 },
        phase: { on: false, afterWorkingDays: 1 },
        goLive: { on: false, daysBefore: [14, 7, 1] },
        quietHours: null,
      },
    });
  });

  it.each<[string, SettingsForm, Record<string, string>]>([
    [
      "a threshold out of range",
      { blockerDays: "0" },
      { blockerDays: "A whole number of working days from 1 to 30." },
    ],
    [
      "a threshold not whole",
      { askDays: "2.5" },
      { askDays: "A whole number of working days from 1 to 30." },
    ],
    [
      "a threshold missing for a kind that is on",
      { phaseDays: null },
      { phaseDays: "Say after how many working days (1 to 30)." },
    ],
    ["no working day", { workingDays: [] }, { workingDays: "Pick at least one working day." }],
    [
      "quiet hours that end as they start",
      { quietStart: "12:00", quietEnd: "12:00" },
      { quietEnd: "Quiet hours must end at another time than they start." },
    ],
    ["quiet hours without an end", { quietEnd: null }, { quietEnd: "Pick when quiet hours end." }],
    [
      "the digest on without a time",
      { digestTime: null },
      { digestTime: "Pick the time the digest is posted." },
    ],
    [
      "a time zone nobody knows",
      { timeZone: "Nowhere/Special" },
      { timeZone: expect.stringContaining("Not a time zone I know") },
    ],
  ])("refuses %s on its field", (_why, change, errors) => {
    expect(readSettingsForm({ ...defaultsForm, ...change }, D)).toEqual({ ok: false, errors });
  });

  it("keeps the digest's time while the digest is off and its time is left blank", () => {
    const read = readSettingsForm({ ...defaultsForm, digestOn: [], digestTime: null }, D);
    expect(read).toEqual({ ok: true, settings: { ...D, digest: { ...D.digest, on: false } } });
  });

  it("spells a time zone as the runtime does", () => {
    const read = readSettingsForm({ ...defaultsForm, timeZone: " america/new_york " }, D);
    expect(read.ok && read.settings.timeZone).toBe("America/New_York");
  });
});

describe("settings handed to be saved, whatever sent them", () => {
  it.each([
    ["a threshold of 31", { blocker: { on: true, afterWorkingDays: 31 } }],
    ["an unknown time zone", { timeZone: "Mars/Base" }],
    ["quiet hours of no length", { quietHours: { start: "10:00", end: "10:00" } }],
    ["no working days", { workingDays: [] }],
    ["a digest time that is not one", { digest: { on: true, weekday: 1, time: "25:00" } }],
  ])("refuses %s", (_why, change) => {
    expect(settingsProblems({ ...D, ...change }).settings).toBeUndefined();
    expect(settingsProblems({ ...D, ...change }).problems).not.toEqual([]);
  });
});

describe("the settings in words", () => {
  it("lists what changed, setting by setting", () => {
    const after: ReminderSettings = {
      ...D,
      enabled: false,
      blocker: { on: true, afterWorkingDays: 5 },
      digest: { on: true, weekday: 2, time: "10:30" },
      workingDays: [0, 1, 2, 3, 4],
      quietHours: null,
      timeZone: "Europe/Berlin",
      destination: "board-thread",
    };
    expect(describeSettingsChanges(D, after)).toEqual([
      "Reminders: on → off (intplan sends nothing on its own in this channel)",
      "Blocker nudges: after 3 working days → after 5 working days",
      "Weekly digest: Mondays at 09:00 → Tuesdays at 10:30",
      "Working days: Mon, Tue, Wed, Thu, Fri → Mon, Tue, Wed, Thu, Sun",
      "Quiet hours: 18:00–09:00 → none",
      "Time zone: the project manager's, from Slack → Europe/Berlin",
      "Nudges go to: a DM to the person who owns the item → a thread under the status board",
    ]);
    expect(describeSettingsChanges(D, D)).toEqual([]);
  });
});

describe("the settings modal", () => {
  const input = (change: Partial<SettingsModalInput> = {}): SettingsModalInput => ({
    project: { id: 7, channelId: "C0PROJECT", code: "INT-0007", name: "Acme <order> sync" },
    settings: D,
    timeZone: "Europe/Berlin",
    mayChange: true,
    changers: ["U0LEAD", "U0PM"],
    ...change,
  });
  type Block = { type: string; block_id?: string; element?: Record<string, unknown> };
  const blocksOf = (view: ReturnType<typeof buildSettingsModal>) => view.blocks as unknown as Block[];
  const elementOf = (view: ReturnType<typeof buildSettingsModal>, blockId: string) =>
    blocksOf(view).find((b) => b.block_id === blockId)?.element ?? {};

  it("is editable for a person who may change them: every field, prefilled, within Block Kit's limits", () => {
    const view = buildSettingsModal(input());
    expect(validateView(view)).toEqual([]);
    expect(view.callback_id).toBe("reminder_settings");
    expect(view.submit).toBeDefined();
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ projectId: 7, channelId: "C0PROJECT" });
    const inputs = blocksOf(view)
      .filter((b) => b.type === "input")
      .map((b) => b.block_id);
    expect(inputs.sort()).toEqual(Object.values(SETTINGS_FIELD).sort());
    for (const block of blocksOf(view).filter((b) => b.type === "input")) {
      expect(block.element?.action_id).toBe(block.block_id);
    }
    expect(elementOf(view, SETTINGS_FIELD.digestTime)).toMatchObject({
      type: "timepicker",
      initial_time: "09:00",
      timezone: "Europe/Berlin",
    });
    expect(elementOf(view, SETTINGS_FIELD.digestWeekday)).toMatchObject({
      type: "static_select",
      initial_option: { value: "1", text: { text: "Monday" } },
    });
    expect(elementOf(view, SETTINGS_FIELD.enabled)).toMatchObject({
      type: "radio_buttons",
      initial_option: { value: "on" },
    });
    expect(elementOf(view, SETTINGS_FIELD.blockerDays)).toMatchObject({
      type: "number_input",
      initial_value: "3",
      min_value: "1",
      max_value: "30",
    });
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain("Send nothing on my own in this channel");
    expect(shown).toContain("Acme &lt;order&gt; sync");
    expect(shown).toContain("(now Europe/Berlin)");
  });

  it("leaves out initial options where none is picked (checkboxes with nothing ticked)", () => {
    const off: ReminderSettings = {
      ...D,
      blocker: { ...D.blocker, on: false },
      phase: { ...D.phase, on: false },
      ask: { ...D.ask, on: false },
      goLive: { on: false, daysBefore: [30, 7] },
      digest: { ...D.digest, on: false },
      quietHours: null,
      timeZone: "Europe/Berlin",
    };
    const view = buildSettingsModal(input({ settings: off }));
    expect(validateView(view)).toEqual([]);
    expect(elementOf(view, SETTINGS_FIELD.nudges).initial_options).toBeUndefined();
    expect(elementOf(view, SETTINGS_FIELD.quietOn).initial_options).toBeUndefined();
    // A stored go-live day the form does not usually offer is offered, so saving keeps it.
    const goLive = elementOf(view, SETTINGS_FIELD.goLiveDays).options as { value: string }[];
    expect(goLive.map((o) => o.value)).toEqual(["30", "14", "7", "3", "1"]);
    expect(elementOf(view, SETTINGS_FIELD.timeZone).initial_value).toBe("Europe/Berlin");
    expect(JSON.stringify(view.blocks)).not.toContain("the project manager's, from Slack)");
  });

  it("is read-only for anyone else: no Save, no inputs, and who can change them", () => {
    const view = buildSettingsModal(input({ mayChange: false }));
    expect(validateView(view)).toEqual([]);
    expect(view.submit).toBeUndefined();
    expect(view.close?.text).toBe("Close");
    expect(blocksOf(view).some((b) => b.type === "input")).toBe(false);
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain("*Weekly digest*\\nMondays at 09:00");
    expect(shown).toContain("*Quiet hours*\\n18:00–09:00");
    expect(shown).toContain("(<@U0LEAD>, <@U0PM>) can change these");
  });

  it("tells the person who saved what changed, or that nothing did", () => {
    const project = { code: "INT-0007", name: "Acme" };
    const saved = buildSettingsSavedMessage({ project, changes: ["Quiet hours: 18:00–09:00 → none"] });
    expect(validateMessage(saved)).toEqual([]);
    expect(saved.text).toBe(
      "Saved the reminder settings of *Acme* (INT-0007):\n• Quiet hours: 18:00–09:00 → none",
    );
    expect(buildSettingsSavedMessage({ project, changes: [] }).text).toContain("Nothing changed");
  });
});

describe("saving settings", () => {
  let p: ProjectDb;
  const deps = () => ({ db: p.db, clock: () => T0, timing: { refreshDelayMs: 0 } });
  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());
  const audits = () => p.db.select().from(auditLog).where(eq(auditLog.action, "settings.changed")).all();
  const jobs = () =>
    p.db
      .select()
      .from(outbox)
      .all()
      .map((j) => j.job)
      .sort();

  it("saves, audits before and after, and asks for the board and the reminders, for the PM", () => {
    const jobsBefore = jobs();
    const after = { ...D, ask: { on: false, afterWorkingDays: 2 } };
    const outcome = saveSettings(deps(), { project: p.project, userId: "U0PM", settings: after });
    expect(outcome).toEqual({
      kind: "saved",
      before: D,
      after,
      changes: ["Unanswered-ask nudges: after 2 working days → off"],
    });
    expect(loadReminderSettings(p.db, p.project.id)).toEqual(after);
    expect(audits()).toMatchObject([{ actorId: "U0PM", details: { before: D, after } }]);
    expect(jobs()).toEqual([...new Set([...jobsBefore, "refresh-status-board", "reminders"])].sort());
  });

  it("refuses someone who is not the lead, the PM or the creator, and writes nothing", () => {
    const outcome = saveSettings(deps(), {
      project: p.project,
      userId: "U0DEV",
      settings: { ...D, enabled: false },
    });
    expect(outcome).toEqual({ kind: "not-allowed", reason: NOT_ALLOWED_REASON });
    expect(p.db.select().from(reminderSettings).all()).toEqual([]);
    expect(audits()).toEqual([]);
  });

  it("refuses settings that do not validate, and writes nothing", () => {
    const outcome = saveSettings(deps(), {
      project: p.project,
      userId: "U0LEAD",
      settings: { ...D, quietHours: { start: "08:00", end: "08:00" } },
    });
    expect(outcome.kind).toBe("invalid");
    expect(p.db.select().from(reminderSettings).all()).toEqual([]);
  });

  it("writes nothing when nothing changes", () => {
    expect(saveSettings(deps(), { project: p.project, userId: "U0PM", settings: D })).toEqual({
      kind: "unchanged",
      settings: D,
    });
    expect(p.db.select().from(reminderSettings).all()).toEqual([]);
    expect(audits()).toEqual([]);
  });
});

describe("nudge keys read back", () => {
  it.each([
    [nudgeKey.blocker(12, new Date(1_700_000_000_000)), { kind: "blocker", blockerId: 12 }],
    [nudgeKey.phase(2, "2026-12-01"), { kind: "phase", phaseNumber: 2, plannedEnd: "2026-12-01" }],
    [nudgeKey.ask("U0CLIENT", new Date(5)), { kind: "ask", personId: "U0CLIENT" }],
    [nudgeKey.goLive(7, "2027-02-01"), { kind: "go-live", daysBefore: 7, target: "2027-02-01" }],
  ])("%s", (key, item) => {
    expect(parseNudgeKey(key)).toEqual(item);
  });
  it.each(["blocker:x@1", "weird:1@2", "phase:2", ""])("%j is not a key", (key) => {
    expect(parseNudgeKey(key)).toBeUndefined();
  });
});

describe("the history's sentences for reminders", () => {
  it("says what a settings change changed, briefly", () => {
    const after = {
      ...D,
      blocker: { on: true, afterWorkingDays: 5 },
      digest: { ...D.digest, time: "10:30" },
    };
    expect(describeAuditEntry({ action: "settings.changed", details: { before: D, after } })).toBe(
      "changed the reminder settings: Blocker nudges: after 3 working days → after 5 working days; Weekly digest: Mondays at 09:00 → Mondays at 10:30",
    );
    const many = { ...after, enabled: false, quietHours: null, destination: "board-thread" as const };
    expect(describeAuditEntry({ action: "settings.changed", details: { before: D, after: many } })).toMatch(
      /; and 2 more$/,
    );
  });
});
