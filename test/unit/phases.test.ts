import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changePhaseStatus, loadPhases } from "../../src/db/phase-store.js";
import { auditLog, checklistItems } from "../../src/db/schema.js";
import { currentPhaseLabel } from "../../src/domain/phase-labels.js";
import {
  canSignOff,
  currentPhase,
  decidePhaseChange,
  phaseDatesAfter,
  signOffPeople,
} from "../../src/domain/phase-rules.js";
import type { PhaseStatus } from "../../src/domain/phases.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const roles = { leadEngineerId: "U0LEAD", projectManagerId: "U0PM", createdBy: "U0CREATOR" };

describe("who may sign a phase off", () => {
  it("is the lead engineer or the project manager", () => {
    expect(signOffPeople(roles)).toEqual(["U0LEAD", "U0PM"]);
    expect(canSignOff(roles, "U0PM")).toBe(true);
    expect(canSignOff(roles, "U0CREATOR")).toBe(false);
  });

  it("is the person who created the project while neither is named", () => {
    expect(signOffPeople({ leadEngineerId: null, projectManagerId: null, createdBy: "U0CREATOR" })).toEqual([
      "U0CREATOR",
    ]);
  });
});

describe("deciding a phase change", () => {
  const current = { status: "in-progress", note: "halfway" };
  it.each([
    [
      "the same status without a note",
      { status: "in-progress", note: null, openExitCriteria: 0 },
      "unchanged",
    ],
    [
      "the same status and note",
      { status: "in-progress", note: "halfway", openExitCriteria: 0 },
      "unchanged",
    ],
    [
      "a new note on the same status",
      { status: "in-progress", note: "almost", openExitCriteria: 0 },
      "apply",
    ],
    ["done with every exit criterion ticked", { status: "done", note: null, openExitCriteria: 0 }, "apply"],
    ["done with exit criteria open", { status: "done", note: null, openExitCriteria: 2 }, "needs-sign-off"],
    ["blocked with exit criteria open", { status: "blocked", note: null, openExitCriteria: 2 }, "apply"],
  ] as const)("%s: %s", (_case, change, decision) => {
    expect(
      decidePhaseChange({ current, ...change, status: change.status as PhaseStatus, signingOff: false }),
    ).toBe(decision);
  });

  it("lets a sign-off mark a phase done with exit criteria open", () => {
    expect(
      decidePhaseChange({ current, status: "done", note: null, openExitCriteria: 2, signingOff: true }),
    ).toBe("apply");
  });
});

describe("phase dates", () => {
  const fresh = { status: "not-started", startedOn: null, endedOn: null };
  it("starts a phase the day it leaves not-started and ends it the day it is done", () => {
    expect(phaseDatesAfter(fresh, "in-progress", "2026-11-22")).toEqual({
      startedOn: "2026-11-22",
      endedOn: null,
    });
    const started = { status: "in-progress", startedOn: "2026-11-22", endedOn: null };
    expect(phaseDatesAfter(started, "done", "2026-12-01")).toEqual({
      startedOn: "2026-11-22",
      endedOn: "2026-12-01",
    });
    expect(
      phaseDatesAfter({ ...started, status: "done", endedOn: "2026-12-01" }, "done", "2026-12-05").endedOn,
    ).toBe("2026-12-01");
    expect(
      phaseDatesAfter({ ...started, status: "done", endedOn: "2026-12-01" }, "in-progress", "2026-12-05")
        .endedOn,
    ).toBeNull();
    expect(phaseDatesAfter(started, "not-started", "2026-12-05")).toEqual({ startedOn: null, endedOn: null });
  });
});

describe("the current phase", () => {
  const phases = (...statuses: string[]) => statuses.map((status, i) => ({ number: i + 1, status }));
  it.each([
    [phases("not-started", "not-started", "not-started", "not-started", "not-started"), null],
    [phases("done", "in-progress", "not-started", "not-started", "not-started"), "Development (in progress)"],
    [
      phases("done", "done", "not-started", "not-started", "not-started"),
      "Testing & Validation (not started)",
    ],
    [
      phases("in-progress", "blocked", "not-started", "not-started", "not-started"),
      "Discovery & Design (in progress)",
    ],
    [phases("done", "done", "done", "done", "done"), "All phases done"],
  ])("%j is %j", (list, label) => {
    expect(currentPhaseLabel(currentPhase(list))).toBe(label);
  });

  it("skips ahead to a phase someone started out of order", () => {
    expect(
      currentPhase(phases("not-started", "blocked", "not-started", "not-started", "not-started")),
    ).toEqual({
      kind: "running",
      phase: { number: 2, status: "blocked" },
    });
  });
});

describe("changing a phase in the database", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb();
  });
  afterEach(() => p.close());

  const change = (
    phaseNumber: number,
    status: PhaseStatus,
    extra: { note?: string | null; signingOff?: boolean; actorId?: string; at?: Date } = {},
  ) =>
    changePhaseStatus(p.db, {
      projectId: p.project.id,
      phaseNumber,
      status,
      note: extra.note ?? null,
      signingOff: extra.signingOff ?? false,
      actorId: extra.actorId ?? "U0PM",
      at: extra.at ?? T0,
      timing: undefined,
    });
  const audits = () => p.db.select().from(auditLog).where(eq(auditLog.action, "phase.changed")).all();

  it("moves Development to in progress with its start date, note and an audit row, and no owner", () => {
    const result = change(2, "in-progress", { note: "Kick-off done" });
    expect(result).toMatchObject({
      kind: "changed",
      previousStatus: "not-started",
      phase: {
        number: 2,
        status: "in-progress",
        // Moving a phase never makes the mover its owner (the owner defaults from the team).
        ownerId: null,
        startedOn: "2026-11-22",
        note: "Kick-off done",
      },
    });
    expect(audits().map((a) => a.details)).toEqual([
      { phase: 2, name: "Development", from: "not-started", to: "in-progress", note: "Kick-off done" },
    ]);
  });

  it("changes nothing when the status is already what was asked", () => {
    change(2, "in-progress");
    expect(change(2, "in-progress").kind).toBe("unchanged");
    expect(audits()).toHaveLength(1);
  });

  it("asks for a sign-off before marking a phase done with open exit criteria, and records the sign-off", () => {
    const asked = change(1, "done");
    expect(asked.kind).toBe("needs-sign-off");
    if (asked.kind === "needs-sign-off")
      expect(asked.openExitCriteria.map((c) => c.label)).toContain("Data mapping approved by client");
    expect(loadPhases(p.db, p.project.id)[0]?.status).toBe("not-started");
    expect(audits()).toHaveLength(0);

    const later = new Date(T0.getTime() + 60_000);
    const signed = change(1, "done", { signingOff: true, actorId: "U0LEAD", at: later });
    expect(signed).toMatchObject({
      kind: "changed",
      phase: { status: "done", signedOffBy: "U0LEAD", signedOffAt: later, endedOn: "2026-11-22" },
    });
    expect(audits()[0]?.details).toMatchObject({
      signedOff: true,
      openExitCriteria: expect.arrayContaining(["Data mapping approved by client"]),
    });
  });

  it("marks a phase done without a sign-off once its exit criteria are ticked, and forgets a sign-off when reopened", () => {
    p.db
      .update(checklistItems)
      .set({ done: true })
      .where(
        and(
          eq(checklistItems.projectId, p.project.id),
          eq(checklistItems.phaseNumber, 1),
          eq(checklistItems.kind, "exit"),
        ),
      )
      .run();
    expect(change(1, "done")).toMatchObject({
      kind: "changed",
      phase: { status: "done", signedOffBy: null },
    });
    expect(change(1, "in-progress")).toMatchObject({
      kind: "changed",
      phase: { endedOn: null, signedOffBy: null },
    });
  });

  it("leaves other projects' phases alone", () => {
    const other = p.addProject("C0OTHER");
    change(2, "blocked");
    expect(loadPhases(p.db, other.id).map((ph) => ph.status)).toEqual(Array(5).fill("not-started"));
  });
});
