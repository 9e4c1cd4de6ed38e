import { describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import type { DirectoryName } from "../../src/documents/people-presentation.js";
import { checkGoLive } from "../../src/domain/analysis/go-live.js";
import type { Schedule } from "../../src/domain/analysis/schedule.js";
import type { LiveBlocker, LivePhase } from "../../src/domain/project-state.js";
import { summariseWeek } from "../../src/domain/reminders/digest-summary.js";
import type { DigestFacts } from "../../src/services/digest.js";
import { buildDigest, DIGEST_LINES } from "../../src/slack/views/digest-view.js";

const now = new Date("2026-12-07T09:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

const phase = (number: number, status: string): LivePhase => ({
  number,
  name: `Phase ${number}`,
  status,
  ownerId: null,
  note: null,
  startedOn: null,
  endedOn: null,
  signedOffBy: null,
  signedOffAt: null,
});

const blocker = (number: number, text: string): LiveBlocker => ({
  number,
  text,
  ownerId: `U0OWNER${number}`,
  waitingOnClient: number % 2 === 0,
  createdAt: daysAgo(10),
  sourcePermalink: null,
});

function facts(
  change: { blockers?: number; changes?: number; owed?: number; text?: string } = {},
): DigestFacts {
  const text = change.text ?? "Sandbox credentials";
  const blockers = Array.from({ length: change.blockers ?? 1 }, (_, i) => blocker(i + 1, `${text} ${i + 1}`));
  const notable = Array.from({ length: change.changes ?? 2 }, (_, i) => ({
    kind: "blocker-added" as const,
    at: daysAgo(1),
    actorId: "U0PM",
    number: i + 1,
    text: `${text} ${i + 1}`,
  }));
  const names = new Map<string, DirectoryName>([
    ["U0PM", { status: "named", name: "Pat <@U0LEAD> & co" }],
    ["U0LEAD", { status: "gone" }],
  ]);
  const schedule: Schedule = {
    start: "2026-11-01",
    phases: ([1, 2, 3, 4, 5] as const).map((n) => ({
      number: n,
      start: "2026-11-01",
      end: `2026-12-${10 + n}`,
    })),
    likelyGoLive: "2026-12-14",
    bestGoLive: "2026-12-10",
    worstGoLive: "2027-01-20",
  };
  const board = {
    project: {
      id: 7,
      code: "INT-0007",
      name: "Acme <order> sync",
      clientName: "Acme & Co.",
      channelId: "C0PROJECT",
      leadEngineerId: "U0LEAD",
      projectManagerId: "U0PM",
    },
    team: {
      leadEngineerId: "U0LEAD",
      projectManagerId: "U0PM",
      backendDeveloperId: null,
      qaEngineerId: null,
      devopsEngineerId: null,
    },
    schedule,
    goLive: checkGoLive({ targetGoLive: "2027-01-01" } as Parameters<typeof checkGoLive>[0], schedule),
    live: {
      phases: [
        phase(1, "done"),
        phase(2, "in-progress"),
        phase(3, "not-started"),
        phase(4, "not-started"),
        phase(5, "not-started"),
      ],
      openBlockers: blockers,
    },
    waiting: Array.from({ length: change.owed ?? 0 }, (_, i) => ({
      personId: `U0ASKED${i}`,
      sections: [{ id: "security", index: 4, label: `5. Security ${"x".repeat(200)}` }],
      since: daysAgo(3),
    })),
    progress: [1, 2, 3, 4, 5].map((n) => ({
      phaseNumber: n,
      tasksDone: 1,
      tasksTotal: 7,
      exitDone: 0,
      exitTotal: 4,
    })),
    interview: { sectionsComplete: 3, sectionsTotal: 9, requiredMissing: 2 },
    documents: { plan: undefined, discovery: undefined },
    now,
  } as unknown as DigestFacts["board"];
  return {
    board,
    week: {
      ...summariseWeek({
        counts: [
          { action: "blocker.added", count: notable.length },
          { action: "answer.saved", count: 4 },
        ],
        notable: notable.map((n) => ({
          action: "blocker.added",
          actorId: n.actorId,
          at: n.at,
          details: { number: n.number, text: n.text },
        })),
        imports: [],
        publications: [],
      }),
      since: daysAgo(7),
      until: now,
    },
    blockers: blockers.map((b) => ({ blocker: b, staleSince: daysAgo(5) })),
    staleAfterWorkingDays: 3,
    milestone: { kind: "phase-end", phase: 2, plannedEnd: "2026-12-12", started: true },
    today: "2026-12-07",
    timeZone: "UTC",
    weekly: { on: true, weekday: 1, time: "09:00" },
    reason: "scheduled",
    actorId: "U0PM",
    names,
    now,
  };
}

describe("the weekly digest's message", () => {
  it("a project with 60 blockers, 40 changes and 30 people owing answers stays within Block Kit's limits", () => {
    const digest = buildDigest(facts({ blockers: 60, changes: 40, owed: 30, text: "y".repeat(480) }));
    expect(validateMessage(digest)).toEqual([]);
    expect(digest.blocks.length).toBeLessThanOrEqual(50);
    const blocks = JSON.stringify(digest.blocks);
    expect(blocks).toContain("*Open blockers (60, 60 stale)*");
    expect(blocks).toMatch(/…and \d+ more: `\/intplan blockers`/);
    expect(blocks).toMatch(/…and \d+ more: `\/intplan history`/);
    expect(blocks).toMatch(/…and \d+ more: `\/intplan ask`/);
    // The counts say how many there are, the lists show a bounded few.
    expect(blocks).toContain("40 blockers logged");
    expect(blocks.match(/:hourglass: \*stale\*/g)?.length ?? 0).toBeLessThanOrEqual(DIGEST_LINES.blockers);
  });

  it("names people in bold without mentioning them, typed text escaped", () => {
    const digest = buildDigest(facts());
    const whole = `${digest.text}${JSON.stringify(digest.blocks)}`;
    expect(whole).not.toMatch(/<@|<!/);
    expect(whole).toContain("*Pat &lt;@U0LEAD&gt; &amp; co*");
    expect(whole).toContain("Lead a former member");
    expect(whole).toContain("Acme &lt;order&gt; sync");
    expect(digest.text).toBe(
      "Weekly digest of Acme &lt;order&gt; sync (INT-0007) for Acme &amp; Co.: 1 of 5 phases done; 1 open blocker (1 stale)",
    );
  });

  it("says the next milestone with its planned date and whether the go-live holds", () => {
    const blocks = JSON.stringify(buildDigest(facts()).blocks);
    expect(blocks).toContain(
      "*Next milestone:* finish *2. Development*, planned for 2026-12-12 (in 5 days), exit criteria 0/4",
    );
    expect(blocks).toContain(":warning: *Go-live:* The target go-live of 2027-01-01 is at risk");
    expect(blocks).toContain("The weekly digest comes every Monday at 09:00 (UTC).");
  });
});

describe("what changed in the week", () => {
  it("counts answers saved and imported, and names phase moves but not note edits", () => {
    const at = daysAgo(1);
    const week = summariseWeek({
      counts: [
        { action: "answer.saved", count: 3 },
        { action: "phase.changed", count: 2 },
        { action: "answers.imported", count: 1 },
      ],
      notable: [
        {
          action: "phase.changed",
          actorId: "U0PM",
          at,
          details: { phase: 2, from: "not-started", to: "in-progress" },
        },
        {
          action: "phase.changed",
          actorId: "U0PM",
          at,
          details: { phase: 2, from: "in-progress", to: "in-progress" },
        },
      ],
      imports: [{ action: "answers.imported", actorId: "U0PM", at, details: { imported: 10 } }],
      publications: [
        {
          action: "document.published",
          actorId: "U0PM",
          at,
          details: { document: "plan", version: 4, revision: 2 },
        },
        {
          action: "document.published",
          actorId: "U0PM",
          at,
          details: { document: "plan", version: 5, revision: 3 },
        },
      ],
    });
    expect(week).toMatchObject({
      total: 6,
      phaseChanges: 1,
      answersSaved: 13,
      published: [{ document: "plan", revision: 3 }],
    });
    expect(week.notable).toEqual([
      { kind: "phase", at, actorId: "U0PM", phase: 2, from: "not-started", to: "in-progress" },
    ]);
  });
});
