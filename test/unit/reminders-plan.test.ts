/**
 * The reminders planner: which nudges, which go-live notice and whether the digest are due at a given
 * moment, in the project's working time, with the ledger of what was already sent.
 */
import { describe, expect, it } from "vitest";
import { nudgeKey } from "../../src/domain/reminders/nudges.js";
import {
  type LedgerEntry,
  planReminders,
  type ReminderFacts,
  workingDaysSince,
} from "../../src/domain/reminders/plan.js";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from "../../src/domain/reminders/settings.js";

// 2026-11-27 is a Friday; 2026-12-02 the Wednesday after.
const FRIDAY_2PM = new Date("2026-11-27T14:00:00Z");
const blocker = (overrides: Partial<ReminderFacts["blockers"][number]> = {}) => ({
  id: 7,
  number: 1,
  text: "Sandbox credentials",
  ownerId: "U0MARIA",
  createdAt: FRIDAY_2PM,
  ...overrides,
});

type FactsOverrides = Partial<Omit<ReminderFacts, "settings">> & { settings?: Partial<ReminderSettings> };

function facts(overrides: FactsOverrides = {}): ReminderFacts {
  const { settings, ...rest } = overrides;
  const now = rest.now ?? FRIDAY_2PM;
  return {
    now,
    settings: {
      ...DEFAULT_REMINDER_SETTINGS,
      digest: { ...DEFAULT_REMINDER_SETTINGS.digest, on: false },
      ...settings,
    },
    timeZone: "UTC",
    projectCreatedAt: new Date("2026-11-01T10:00:00Z"),
    blockers: [],
    phases: [],
    asks: [],
    goLive: { target: null, open: { exitCriteria: [], blockers: [], requiredMissing: 0 } },
    ledger: [],
    dueAt: now,
    ...rest,
  };
}

const keysOf = (f: ReminderFacts) => planReminders(f).nudges.map((n) => n.itemKey);
const blockerKey = nudgeKey.blocker(7, FRIDAY_2PM);

describe("blocker nudges", () => {
  it("a blocker logged on a Friday is due three working days later, on Wednesday, not before", () => {
    const tuesday = new Date("2026-12-01T14:00:00Z");
    expect(keysOf(facts({ now: tuesday, blockers: [blocker()] }))).toEqual([]);
    expect(keysOf(facts({ now: new Date("2026-12-02T13:59:00Z"), blockers: [blocker()] }))).toEqual([]);
    const plan = planReminders(facts({ now: new Date("2026-12-02T14:00:00Z"), blockers: [blocker()] }));
    expect(plan.nudges).toMatchObject([
      { kind: "blocker", itemKey: blockerKey, recipientId: "U0MARIA", workingDaysOpen: 3 },
    ]);
    expect(plan.nudges[0]?.sendAt).toEqual(new Date("2026-12-02T14:00:00Z"));
  });

  it("the run before it comes due says to run again when it does", () => {
    const plan = planReminders(facts({ now: new Date("2026-12-02T08:00:00Z"), blockers: [blocker()] }));
    // 09:00, the end of the quiet hours, is earlier than the blocker's 14:00: the blocker's time wins later.
    expect(plan.nextRunAt).toEqual(new Date("2026-12-02T14:00:00Z"));
  });

  it("a blocker without an owner goes to the channel", () => {
    const plan = planReminders(
      facts({ now: new Date("2026-12-03T10:00:00Z"), blockers: [blocker({ ownerId: null })] }),
    );
    expect(plan.nudges).toMatchObject([{ kind: "blocker", recipientId: null }]);
  });

  it("due in the quiet hours (20:00), it is sent at 09:00 on the next working day", () => {
    const logged = new Date("2026-11-27T20:00:00Z"); // Friday evening
    const b = blocker({ createdAt: logged });
    const wednesdayEvening = new Date("2026-12-02T20:00:00Z");
    const evening = planReminders(facts({ now: wednesdayEvening, blockers: [b] }));
    expect(evening.nudges).toEqual([]);
    expect(evening.nextRunAt).toEqual(new Date("2026-12-03T09:00:00Z"));
    const morning = planReminders(facts({ now: new Date("2026-12-03T09:00:00Z"), blockers: [b] }));
    expect(morning.nudges.map((n) => n.sendAt)).toEqual([new Date("2026-12-03T09:00:00Z")]);
  });

  it("due on a Friday evening, it waits over the weekend for Monday 09:00", () => {
    const b = blocker({ createdAt: new Date("2026-11-26T19:00:00Z") }); // Thursday 19:00
    const oneDay = { blocker: { on: true, afterWorkingDays: 1 } };
    const saturday = planReminders(
      facts({ now: new Date("2026-11-28T12:00:00Z"), blockers: [b], settings: oneDay }),
    );
    expect(saturday.nudges).toEqual([]);
    // Looks again within a day at most, so a change to the plan is seen.
    expect(saturday.nextRunAt).toEqual(new Date("2026-11-29T12:00:00Z"));
    const monday = planReminders(
      facts({ now: new Date("2026-11-30T09:00:00Z"), blockers: [b], settings: oneDay }),
    );
    expect(monday.nudges).toHaveLength(1);
  });

  it("counts working days and quiet hours in the project's time zone", () => {
    // Friday 14:00 in New York is 19:00 UTC; Wednesday 14:00 there is 19:00 UTC.
    const b = blocker({ createdAt: new Date("2026-11-27T19:00:00Z") });
    const ny = { timeZone: "America/New_York", blockers: [b] };
    expect(keysOf(facts({ ...ny, now: new Date("2026-12-02T18:59:00Z") }))).toEqual([]);
    expect(keysOf(facts({ ...ny, now: new Date("2026-12-02T19:00:00Z") }))).toHaveLength(1);
    // Logged at 16:00 New York time on a Friday, due Wednesday 16:00; 18:00 starts the quiet hours there.
    const evening = blocker({ createdAt: new Date("2026-11-27T23:30:00Z") }); // Friday 18:30 in New York
    const plan = planReminders(facts({ ...ny, blockers: [evening], now: new Date("2026-12-03T01:00:00Z") }));
    expect(plan.nudges).toEqual([]);
    expect(plan.nextRunAt).toEqual(new Date("2026-12-03T14:00:00Z")); // Thursday 09:00 in New York
  });

  it("a threshold of its own is honoured", () => {
    const f = facts({
      now: new Date("2026-11-30T14:00:00Z"),
      blockers: [blocker()],
      settings: { blocker: { on: true, afterWorkingDays: 1 } },
    });
    expect(keysOf(f)).toEqual([blockerKey]);
  });
});

describe("the ledger", () => {
  const due = new Date("2026-12-02T15:00:00Z");
  const entry = (e: Partial<LedgerEntry>): LedgerEntry => ({
    itemKey: blockerKey,
    state: "sent",
    snoozedUntil: null,
    ...e,
  });

  it("a nudge sent is never sent again", () => {
    const f = facts({ now: new Date("2026-12-09T15:00:00Z"), blockers: [blocker()], ledger: [entry({})] });
    expect(keysOf(f)).toEqual([]);
  });

  it("a dismissed nudge is never sent again", () => {
    const f = facts({ now: due, blockers: [blocker()], ledger: [entry({ state: "dismissed" })] });
    expect(keysOf(f)).toEqual([]);
  });

  it("a snoozed nudge waits for the snooze to end, then for a sendable time", () => {
    const until = new Date("2026-12-05T10:00:00Z"); // a Saturday
    const ledger = [entry({ state: "snoozed", snoozedUntil: until })];
    const before = planReminders(
      facts({ now: new Date("2026-12-04T10:00:00Z"), blockers: [blocker()], ledger }),
    );
    expect(before.nudges).toEqual([]);
    expect(before.nextRunAt).toEqual(new Date("2026-12-05T10:00:00Z"));
    expect(keysOf(facts({ now: until, blockers: [blocker()], ledger }))).toEqual([]);
    const monday = planReminders(
      facts({ now: new Date("2026-12-07T09:00:00Z"), blockers: [blocker()], ledger }),
    );
    expect(monday.nudges.map((n) => n.sendAt)).toEqual([new Date("2026-12-07T09:00:00Z")]);
  });

  it("the same blocker in a new window (another key) is a new nudge", () => {
    const ledger = [entry({ itemKey: nudgeKey.blocker(7, new Date("2026-10-01T10:00:00Z")) })];
    expect(keysOf(facts({ now: due, blockers: [blocker()], ledger }))).toEqual([blockerKey]);
  });
});

describe("switches", () => {
  const due = new Date("2026-12-02T15:00:00Z");
  it("with the master switch off, nothing is sent, and the job looks again within a day", () => {
    const plan = planReminders(
      facts({
        now: due,
        blockers: [blocker()],
        settings: { enabled: false, digest: { on: true, weekday: 3, time: "15:00" } },
      }),
    );
    expect(plan).toMatchObject({ nudges: [], goLive: undefined, digestDue: false });
    expect(plan.nextRunAt).toEqual(new Date("2026-12-03T15:00:00Z"));
  });

  it("a kind turned off sends nothing of it", () => {
    const f = facts({
      now: due,
      blockers: [blocker()],
      settings: { blocker: { on: false, afterWorkingDays: 3 } },
    });
    expect(keysOf(f)).toEqual([]);
  });
});

describe("phase and ask nudges", () => {
  it("a phase still open a working day past its planned end nudges its owner; a done one never", () => {
    const phase = {
      number: 2,
      name: "Development",
      status: "in-progress",
      ownerId: "U0LEAD",
      plannedEnd: "2026-11-27", // a Friday
    };
    // Monday is the working day past it; the nudge comes the morning after, once Monday has passed.
    expect(keysOf(facts({ now: new Date("2026-11-30T17:00:00Z"), phases: [phase] }))).toEqual([]);
    const plan = planReminders(facts({ now: new Date("2026-12-01T09:00:00Z"), phases: [phase] }));
    expect(plan.nudges).toMatchObject([
      { kind: "phase", itemKey: nudgeKey.phase(2, "2026-11-27"), recipientId: "U0LEAD" },
    ]);
    const done = { ...phase, status: "done" };
    expect(keysOf(facts({ now: new Date("2026-12-01T09:00:00Z"), phases: [done] }))).toEqual([]);
    const undated = { ...phase, plannedEnd: null };
    expect(keysOf(facts({ now: new Date("2026-12-10T09:00:00Z"), phases: [undated] }))).toEqual([]);
  });

  it("an ask unanswered two working days nudges the person asked", () => {
    const ask = {
      personId: "U0IT",
      askedAt: FRIDAY_2PM,
      askedBy: "U0PM",
      sections: [{ id: "security", label: "5. Security" }],
    };
    expect(keysOf(facts({ now: new Date("2026-12-01T13:00:00Z"), asks: [ask] }))).toEqual([]);
    const plan = planReminders(facts({ now: new Date("2026-12-01T14:00:00Z"), asks: [ask] }));
    expect(plan.nudges).toMatchObject([
      { kind: "ask", itemKey: nudgeKey.ask("U0IT", FRIDAY_2PM), recipientId: "U0IT" },
    ]);
  });
});

describe("go-live notices", () => {
  const open = { exitCriteria: [{ phaseNumber: 3, text: "UAT signed" }], blockers: [], requiredMissing: 2 };
  const goLive = { target: "2026-12-21", open }; // a Monday
  it("7 days before the target, at the first sendable time, one notice; the 14-day one is not sent after it", () => {
    // 14 days before: Monday 2026-12-07 09:00.
    const fourteen = planReminders(facts({ now: new Date("2026-12-07T09:00:00Z"), goLive }));
    expect(fourteen.goLive).toMatchObject({ daysBefore: 14, itemKey: nudgeKey.goLive(14, "2026-12-21") });
    const seven = planReminders(facts({ now: new Date("2026-12-14T09:30:00Z"), goLive }));
    expect(seven.goLive).toMatchObject({ daysBefore: 7, target: "2026-12-21", open });
    const sent: LedgerEntry[] = [
      { itemKey: nudgeKey.goLive(7, "2026-12-21"), state: "sent", snoozedUntil: null },
    ];
    expect(
      planReminders(facts({ now: new Date("2026-12-15T09:30:00Z"), goLive, ledger: sent })).goLive,
    ).toBeUndefined();
  });

  it("a window already past when the project started is skipped", () => {
    const projectCreatedAt = new Date("2026-12-10T10:00:00Z");
    const plan = planReminders(facts({ now: new Date("2026-12-11T10:00:00Z"), goLive, projectCreatedAt }));
    expect(plan.goLive).toBeUndefined();
    expect(plan.nextRunAt.getTime()).toBeLessThanOrEqual(new Date("2026-12-12T10:00:00Z").getTime());
  });

  it("a window on a weekend waits for the next working day, or, when that is the go-live day, comes the last working day before", () => {
    // 1 day before a Monday go-live is the Sunday; the next sendable time would be the go-live day itself,
    // so the notice comes on Friday 18 December at 09:00 instead.
    const thursday = planReminders(facts({ now: new Date("2026-12-17T12:00:00Z"), goLive, ledger: [] }));
    expect(thursday.goLive?.daysBefore).toBe(7);
    const friday = planReminders(facts({ now: new Date("2026-12-18T09:30:00Z"), goLive, ledger: [] }));
    expect(friday.goLive?.daysBefore).toBe(1);
    const past = planReminders(facts({ now: new Date("2026-12-21T10:00:00Z"), goLive }));
    expect(past.goLive).toBeUndefined();
  });

  it("no target, or turned off: no notice", () => {
    expect(planReminders(facts({ now: new Date("2026-12-14T10:00:00Z") })).goLive).toBeUndefined();
    const off = facts({
      now: new Date("2026-12-14T10:00:00Z"),
      goLive,
      settings: { goLive: { on: false, daysBefore: [7] } },
    });
    expect(planReminders(off).goLive).toBeUndefined();
  });
});

describe("the weekly digest", () => {
  const digest = { on: true, weekday: 1 as const, time: "09:00" };
  const monday9 = new Date("2026-11-30T09:00:00Z");
  it("is due at its slot (quiet hours or not), once, and the next run is the next slot at the latest", () => {
    const early = planReminders(facts({ now: new Date("2026-11-30T08:00:00Z"), settings: { digest } }));
    expect(early.digestDue).toBe(false);
    expect(early.nextRunAt).toEqual(monday9);
    const at = planReminders(
      facts({ now: monday9, settings: { digest, quietHours: { start: "08:00", end: "10:00" } } }),
    );
    expect(at).toMatchObject({
      digestDue: true,
      digest: { itemKey: nudgeKey.digest(monday9), slot: monday9 },
    });
    const ledger: LedgerEntry[] = [{ itemKey: nudgeKey.digest(monday9), state: "sent", snoozedUntil: null }];
    expect(
      planReminders(facts({ now: new Date("2026-11-30T09:00:05Z"), settings: { digest }, ledger })).digestDue,
    ).toBe(false);
  });

  it("is not owed for a slot before the project existed, nor for a slot long past when the day is moved", () => {
    const f = facts({
      now: new Date("2026-11-30T09:10:00Z"),
      settings: { digest },
      projectCreatedAt: new Date("2026-11-30T09:05:00Z"),
    });
    expect(planReminders(f).digestDue).toBe(false);
    const thursday = facts({ now: new Date("2026-12-03T10:00:00Z"), settings: { digest } });
    expect(planReminders(thursday).digestDue).toBe(false);
  });

  it("a run put off a few minutes by a rate limit still posts it", () => {
    const f = facts({
      now: new Date("2026-11-30T09:02:00Z"),
      dueAt: new Date("2026-11-30T09:01:30Z"),
      settings: { digest },
    });
    expect(planReminders(f).digestDue).toBe(true);
  });
});

describe("a run long after it was due (the app was down)", () => {
  it("is late: what came due is planned for the summary and the digest is missed, not due", () => {
    const digest = { on: true, weekday: 1 as const, time: "09:00" };
    const plan = planReminders(
      facts({
        now: new Date("2026-12-04T12:00:00Z"),
        dueAt: new Date("2026-11-28T12:00:00Z"),
        blockers: [blocker()],
        settings: { digest },
      }),
    );
    expect(plan.late).toBe(true);
    expect(plan.nudges.map((n) => n.itemKey)).toEqual([blockerKey]);
    expect(plan).toMatchObject({ digestDue: false, digest: { slot: new Date("2026-11-30T09:00:00Z") } });
    expect(plan.nextRunAt).toEqual(new Date("2026-12-05T12:00:00Z"));
  });
});

describe("nextRunAt", () => {
  it("is never now or in the past, and at most a day ahead", () => {
    const now = new Date("2026-12-02T15:00:00Z");
    const plan = planReminders(facts({ now, blockers: [blocker()] }));
    expect(plan.nextRunAt.getTime()).toBeGreaterThan(now.getTime());
    expect(plan.nextRunAt.getTime()).toBeLessThanOrEqual(now.getTime() + 24 * 60 * 60_000);
  });
});

describe("working days open", () => {
  it("counts whole working days, skipping the weekend", () => {
    const s = DEFAULT_REMINDER_SETTINGS;
    expect(workingDaysSince(FRIDAY_2PM, new Date("2026-11-30T13:59:00Z"), s, "UTC")).toBe(0);
    expect(workingDaysSince(FRIDAY_2PM, new Date("2026-12-02T14:00:00Z"), s, "UTC")).toBe(3);
  });
});
