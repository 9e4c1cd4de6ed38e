/**
 * What a change refreshes, told through real storage writes: every kind of change asks the outbox for exactly
 * the jobs its row in REFRESH_RULES names, a debounced one `refreshDelayMs` after the change, a published
 * document the status board at once; a burst of changes makes one job per target. App Home has no job: it
 * is rendered when opened.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveAnswers } from "../../src/db/answer-store.js";
import { addBlocker, resolveBlocker } from "../../src/db/blocker-store.js";
import { applyChecklistTicks, loadChecklist } from "../../src/db/checklist-store.js";
import { recordPublication } from "../../src/db/document-store.js";
import { changePhaseStatus } from "../../src/db/phase-store.js";
import { outbox } from "../../src/db/schema.js";
import { pendingJobs } from "../../src/outbox/queue.js";
import {
  type ProjectChange,
  REFRESH_RULES,
  type RefreshRule,
  recordChange,
} from "../../src/outbox/refresh-rules.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

const DELAY_MS = 5_000;
const REMINDERS_MS = 30_000;
const timing = { refreshDelayMs: DELAY_MS, remindersDelayMs: REMINDERS_MS };
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("what a change refreshes", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb();
    // The project's recurring reminders job, asked for when it was created, is set aside: each test sees
    // what its own change asks for.
    p.db.delete(outbox).where(eq(outbox.job, "reminders")).run();
  });
  afterEach(() => p.close());

  const stamp = (ms = 0, actorId = "U0PM") => ({ projectId: p.project.id, actorId, at: at(ms), timing });
  /** What the outbox holds for the project: job → when it runs (ms after T0), by job name. */
  const owed = (projectId = p.project.id) =>
    Object.fromEntries(
      pendingJobs(p.db, projectId)
        .map((j) => [j.job, j.runAfter.getTime() - T0.getTime()] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );

  it("answers refresh both canvases and the status board, once the burst has settled", () => {
    saveAnswers(p.db, {
      projectId: p.project.id,
      sectionId: "current_state",
      values: { pain_points: "Orders are keyed in twice" },
      actorId: "U0PM",
      at: T0,
      refresh: { timing },
    });
    expect(owed()).toEqual({
      "refresh-discovery": DELAY_MS,
      "refresh-plan": DELAY_MS,
      "refresh-status-board": DELAY_MS,
      reminders: REMINDERS_MS,
    });
  });

  it("answers that change nothing ask for nothing", () => {
    const save = (refresh?: { timing: typeof timing }) =>
      saveAnswers(p.db, {
        projectId: p.project.id,
        sectionId: "current_state",
        values: { pain_points: "Orders are keyed in twice" },
        actorId: "U0PM",
        at: T0,
        refresh,
      });
    // Seeding a project (no refresh asked for) owes nothing; saving the same answer again changes nothing.
    save();
    expect(owed()).toEqual({});
    save({ timing });
    expect(owed()).toEqual({});
  });

  it("a phase moving refreshes the plan and the board, later", () => {
    changePhaseStatus(p.db, {
      ...stamp(),
      phaseNumber: 1,
      status: "in-progress",
      note: null,
      signingOff: false,
    });
    expect(owed()).toEqual({
      "refresh-plan": DELAY_MS,
      "refresh-status-board": DELAY_MS,
      reminders: REMINDERS_MS,
    });
  });

  it("a ticked task refreshes the plan and the board, later", () => {
    const [first] = loadChecklist(p.db, p.project.id);
    if (!first) throw new Error("The project has no checklist.");
    applyChecklistTicks(p.db, { ...stamp(), changes: new Map([[first.id, true]]) });
    expect(owed()).toEqual({
      "refresh-plan": DELAY_MS,
      "refresh-status-board": DELAY_MS,
      reminders: REMINDERS_MS,
    });
  });

  it("a blocker logged, and then resolved, refreshes the plan and the board, later", () => {
    addBlocker(p.db, { ...stamp(), input: { text: "Sandbox keys", ownerId: null, waitingOnClient: true } });
    expect(owed()).toEqual({
      "refresh-plan": DELAY_MS,
      "refresh-status-board": DELAY_MS,
      reminders: REMINDERS_MS,
    });
    resolveBlocker(p.db, { ...stamp(100), number: 1, note: "Keys arrived" });
    expect(owed()).toEqual({
      "refresh-plan": DELAY_MS,
      "refresh-status-board": DELAY_MS,
      reminders: REMINDERS_MS,
    });
  });

  it("a published document refreshes the status board at once, and nothing else", () => {
    recordPublication(p.db, {
      projectId: p.project.id,
      kind: "plan",
      target: "canvas",
      targetId: "F0CANVAS",
      contentHash: "abc",
      actorId: "U0PM",
      at: T0,
      canvasId: null,
      asked: true,
    });
    expect(owed()).toEqual({ "refresh-status-board": 0 });
  });

  it("a burst of changes makes one job per target, due after the first, run for the last person", () => {
    changePhaseStatus(p.db, {
      ...stamp(0),
      phaseNumber: 1,
      status: "in-progress",
      note: null,
      signingOff: false,
    });
    addBlocker(p.db, {
      ...stamp(1_000),
      input: { text: "Sandbox keys", ownerId: null, waitingOnClient: true },
    });
    addBlocker(p.db, {
      ...stamp(2_000, "U0LEAD"),
      input: { text: "Tax mapping", ownerId: null, waitingOnClient: false },
    });
    const jobs = pendingJobs(p.db, p.project.id);
    expect(jobs).toHaveLength(3);
    expect(owed()).toEqual({
      "refresh-plan": DELAY_MS,
      "refresh-status-board": DELAY_MS,
      reminders: REMINDERS_MS,
    });
    // Each later change marked the waiting job as having new work, so a run that overlapped it runs again.
    expect(jobs.map((j) => [j.generation, j.actorId])).toEqual([
      [2, "U0LEAD"],
      [2, "U0LEAD"],
      [2, "U0LEAD"],
    ]);
  });

  it("one project's change asks nothing of another's", () => {
    const other = p.addProject("C0OTHER");
    const before = owed(other.id);
    changePhaseStatus(p.db, {
      ...stamp(),
      phaseNumber: 1,
      status: "in-progress",
      note: null,
      signingOff: false,
    });
    expect(owed(other.id)).toEqual(before);
  });

  it("without timing settings, the app's default debounce applies", () => {
    addBlocker(p.db, {
      projectId: p.project.id,
      actorId: "U0PM",
      at: T0,
      timing: undefined,
      input: { text: "Sandbox keys", ownerId: null, waitingOnClient: true },
    });
    expect(owed()).toEqual({ "refresh-plan": 2_000, "refresh-status-board": 2_000, reminders: 60_000 });
  });

  it("recordChange does exactly what each row of the table says", () => {
    for (const [kind, rule] of Object.entries(REFRESH_RULES) as [ProjectChange, RefreshRule][]) {
      const project = p.addProject(`C0${kind.toUpperCase().replace(/-/g, "")}`);
      p.db.delete(outbox).where(eq(outbox.projectId, project.id)).run();
      p.db.transaction((tx) => recordChange(tx, kind, { ...stamp(), projectId: project.id }));
      const wait = (job: string) =>
        rule.when === "at-once" ? 0 : job === "reminders" ? REMINDERS_MS : DELAY_MS;
      expect(owed(project.id), kind).toEqual(
        Object.fromEntries([...rule.refreshes].sort().map((job) => [job, wait(job)])),
      );
    }
  });
});
