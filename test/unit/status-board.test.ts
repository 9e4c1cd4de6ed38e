import { describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import type { LiveBlocker, LivePhase, PhaseProgress } from "../../src/domain/project-state.js";
import { formatAge } from "../../src/slack/views/blocker-format.js";
import {
  boardFingerprint,
  buildStatusBoard,
  type StatusBoardInput,
} from "../../src/slack/views/status-board-view.js";

const now = new Date("2026-11-22T10:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

const phase = (number: number, status: string, extra: Partial<LivePhase> = {}): LivePhase => ({
  number,
  name: `Phase ${number}`,
  status,
  ownerId: null,
  note: null,
  startedOn: null,
  endedOn: null,
  signedOffBy: null,
  signedOffAt: null,
  ...extra,
});

const blocker = (number: number, extra: Partial<LiveBlocker> = {}): LiveBlocker => ({
  number,
  text: `Blocker ${number}`,
  ownerId: null,
  waitingOnClient: false,
  createdAt: hoursAgo(50),
  sourcePermalink: null,
  ...extra,
});

const progress: PhaseProgress[] = [1, 2, 3, 4, 5].map((n) => ({
  phaseNumber: n,
  tasksDone: 1,
  tasksTotal: 7,
  exitDone: 0,
  exitTotal: 4,
}));

function board(change: Partial<StatusBoardInput> = {}): StatusBoardInput {
  return {
    project: {
      id: 1,
      teamId: "T0TEAM",
      code: "INT-0001",
      name: "Acme order sync",
      clientName: "Acme <Outdoor> & Co.",
      systemA: "Shopify",
      systemB: "QuickBooks Online",
      leadEngineerId: "U0LEAD",
      projectManagerId: "U0PM",
      targetGoLive: "2027-02-01",
    },
    live: {
      phases: [
        phase(1, "done", { endedOn: "2026-11-20", signedOffBy: "U0LEAD" }),
        phase(2, "in-progress", {
          ownerId: "U0DEV",
          startedOn: "2026-11-21",
          note: "API client <b>half</b> done",
        }),
        phase(3, "not-started"),
        phase(4, "not-started"),
        phase(5, "not-started"),
      ],
      openBlockers: [
        blocker(1, { text: "Sandbox <!channel> creds", ownerId: "U0MARIA", waitingOnClient: true }),
      ],
    },
    progress,
    interview: { sectionsComplete: 3, sectionsTotal: 9, requiredMissing: 4 },
    documents: {
      plan: {
        canvasId: "F0PLAN",
        version: 2,
        revision: 2,
        canvasPermalink: "https://acme.slack.com/docs/T0TEAM/F0PLAN",
      },
      discovery: undefined,
    },
    now,
    ...change,
  };
}

const textOf = (input: StatusBoardInput) => JSON.stringify(buildStatusBoard(input).blocks);

describe("the status board", () => {
  it("shows each phase with status, progress, owner and dates, and the next milestone", () => {
    const text = textOf(board());
    expect(text).toContain(
      ":white_check_mark: *1. Discovery &amp; Design* · Done · tasks 1/7 · exit criteria 0/4 · done 2026-11-20 · signed off by <@U0LEAD>",
    );
    expect(text).toContain(
      ":large_blue_circle: *2. Development* · In progress · tasks 1/7 · exit criteria 0/4 · <@U0DEV> · since 2026-11-21",
    );
    expect(text).toContain(
      "*Next milestone:* finish *2. Development* (exit criteria 0/4) · Target go-live: 2027-02-01",
    );
  });

  it("says every phase's status in words beside its emoji", () => {
    const text = textOf(board());
    expect(text).toContain(":white_circle: *3. Testing &amp; Validation* · Not started");
    const blocked = board({
      live: { ...board().live, phases: [phase(1, "blocked"), ...board().live.phases.slice(1)] },
    });
    expect(textOf(blocked)).toContain(":red_circle: *1. Discovery &amp; Design* · Blocked");
  });

  it("names the current phase and its status in the notification text", () => {
    expect(buildStatusBoard(board()).text).toBe(
      "Acme order sync (INT-0001) status: phase 2. Development, In progress; 1 open blocker",
    );
    const fresh = board({
      live: { phases: [1, 2, 3, 4, 5].map((n) => phase(n, "not-started")), openBlockers: [] },
    });
    expect(buildStatusBoard(fresh).text).toMatch(/status: not started; no open blockers$/);
    const finished = board({
      live: { phases: [1, 2, 3, 4, 5].map((n) => phase(n, "done")), openBlockers: [] },
    });
    expect(buildStatusBoard(finished).text).toMatch(/status: all phases done; no open blockers$/);
  });

  it("lists open blockers with age, owner and the client flag", () => {
    expect(textOf(board())).toContain(
      "*#1* Sandbox &lt;!channel&gt; creds · 2d · <@U0MARIA> · waiting on client",
    );
  });

  it("shows interview progress and links the plan canvas by the permalink Slack gave", () => {
    const text = textOf(board());
    expect(text).toContain("Discovery interview: 3 of 9 sections complete, 4 required answers missing");
    expect(text).toContain("<https://acme.slack.com/docs/T0TEAM/F0PLAN|Implementation Plan> v2");
    expect(text).toContain("Discovery Document: not published yet (`/intplan discovery`)");
  });

  it("names a canvas whose link Slack has not given yet by where it is, without a made-up URL", () => {
    const text = textOf(
      board({
        documents: {
          plan: { canvasId: "F0PLAN", version: 2, revision: 2, canvasPermalink: null },
          discovery: undefined,
        },
      }),
    );
    expect(text).toContain("Implementation Plan v2 (a canvas in this channel's tabs)");
    expect(text).not.toContain("F0PLAN");
  });

  it("escapes everything people typed", () => {
    const text = textOf(board());
    expect(text).toContain("Acme &lt;Outdoor&gt; &amp; Co.");
    expect(text).toContain("API client &lt;b&gt;half&lt;/b&gt; done");
    expect(text).not.toContain("<!channel>");
  });

  it("shows the first ten blockers and counts the rest, within Slack's message limits", () => {
    const many = board({
      live: {
        ...board().live,
        openBlockers: Array.from({ length: 60 }, (_, i) => blocker(i + 1, { text: "x".repeat(400) })),
      },
    });
    const message = buildStatusBoard(many);
    expect(validateMessage(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain("…and 50 more: `/intplan blockers`");
  });

  it("has a button that opens the checklist for this project", () => {
    const actions = buildStatusBoard(board()).blocks.find((b) => b.type === "actions");
    expect(actions).toMatchObject({ elements: [{ action_id: "status_board_checklist", value: "1" }] });
  });

  it("says what to do before any phase started, and celebrates when all are done", () => {
    const fresh = board({
      live: { phases: [1, 2, 3, 4, 5].map((n) => phase(n, "not-started")), openBlockers: [] },
    });
    expect(textOf(fresh)).toContain("*Next milestone:* start *1. Discovery &amp; Design*");
    expect(textOf(fresh)).toContain("*Open blockers:* none");
    const finished = board({
      live: { phases: [1, 2, 3, 4, 5].map((n) => phase(n, "done")), openBlockers: [] },
    });
    expect(textOf(finished)).toContain("All five phases are done.");
  });
});

describe("the age of a blocker", () => {
  it.each([
    [0, "just now"],
    [0.5, "30m"],
    [5, "5h"],
    [50, "2d"],
    [24 * 20, "2w"],
  ])("%d hours reads as %j", (hours, age) => {
    expect(formatAge(hoursAgo(hours), now)).toBe(age);
  });
});

describe("the board's fingerprint, which decides whether an edit is worth sending", () => {
  const later = new Date(now.getTime() + 5 * 60_000);
  it("is the same for the same board built minutes apart (only its Updated line differs)", () => {
    const first = buildStatusBoard(board());
    const second = buildStatusBoard(board({ now: later }));
    expect(JSON.stringify(first)).not.toBe(JSON.stringify(second));
    expect(boardFingerprint(first)).toBe(boardFingerprint(second));
  });

  it("changes when anything on the board changes", () => {
    const base = board();
    const withMore = board({ live: { ...base.live, openBlockers: [...base.live.openBlockers, blocker(9)] } });
    const phaseMoved = board({
      live: { ...base.live, phases: base.live.phases.map((p) => ({ ...p, status: "done" })) },
    });
    const fingerprint = boardFingerprint(buildStatusBoard(base));
    expect(boardFingerprint(buildStatusBoard(withMore))).not.toBe(fingerprint);
    expect(boardFingerprint(buildStatusBoard(phaseMoved))).not.toBe(fingerprint);
  });
});

describe("reminders on the board", () => {
  const until = new Date("2026-12-04T09:00:00Z");
  const stamp = `<!date^${until.getTime() / 1000}^{date_short_pretty}|${until.toISOString()}>`;
  it("says nothing while reminders are on and nothing is snoozed", () => {
    expect(textOf(board({ reminders: { enabled: true, snoozed: [] } }))).not.toMatch(
      /Reminders are off|Snoozed/,
    );
  });

  it("says when reminders are off in the channel, and how to turn them on", () => {
    expect(textOf(board({ reminders: { enabled: false, snoozed: [] } }))).toContain(
      "Reminders are off in this channel (`/intplan settings`)",
    );
  });

  it("names each snoozed nudge from its item, until when; a finished phase's is left out", () => {
    const shown = board({
      reminders: {
        enabled: true,
        snoozed: [
          {
            kind: "blocker",
            number: 3,
            text: "Sandbox <creds> from the client's IT team, asked twice already",
            until,
          },
          { kind: "phase", phaseNumber: 2, until },
          { kind: "phase", phaseNumber: 1, until },
          { kind: "ask", personId: "U0CLIENT", until },
          { kind: "go-live", daysBefore: 7, until },
        ],
      },
    });
    expect(validateMessage(buildStatusBoard(shown))).toEqual([]);
    expect(textOf(shown)).toContain(
      `Snoozed reminders: blocker #3 (Sandbox &lt;creds&gt; from the client's IT te…) until ${stamp}; Development past its end until ${stamp}; answers owed by <@U0CLIENT> until ${stamp}; the go-live notice 7 days before until ${stamp}`,
    );
  });

  it("names ten and counts the rest", () => {
    const snoozed = Array.from({ length: 14 }, (_, i) => ({
      kind: "blocker" as const,
      number: i + 1,
      text: "x",
      until,
    }));
    const text = textOf(board({ reminders: { enabled: true, snoozed } }));
    expect(text).toContain("blocker #10 (x) until");
    expect(text).not.toContain("blocker #11 (x)");
    expect(text).toContain("; and 4 more");
  });

  it("changes the board's fingerprint, so the board is edited when a snooze or the switch changes", () => {
    const plain = boardFingerprint(buildStatusBoard(board({ reminders: { enabled: true, snoozed: [] } })));
    const off = boardFingerprint(buildStatusBoard(board({ reminders: { enabled: false, snoozed: [] } })));
    const snoozed = boardFingerprint(
      buildStatusBoard(
        board({ reminders: { enabled: true, snoozed: [{ kind: "phase", phaseNumber: 2, until }] } }),
      ),
    );
    expect(new Set([plain, off, snoozed]).size).toBe(3);
  });
});
