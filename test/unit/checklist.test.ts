import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import { saveAnswers } from "../../src/db/answer-store.js";
import {
  applyChecklistTicks,
  checklistProgress,
  loadChecklist,
  openExitCriteria,
  syncTypeTasks,
} from "../../src/db/checklist-store.js";
import { auditLog, projects } from "../../src/db/schema.js";
import { checklistChanges, scopeChanges } from "../../src/services/checklist-service.js";
import { buildChecklistModal, CHECKBOX_GROUP_SIZE } from "../../src/slack/views/checklist-modal.js";
import { openProjectDb, type ProjectDb, T0 } from "../support/running-project.js";

interface CheckboxBlock {
  type: string;
  block_id: string;
  element: { type: string; options: { value: string }[]; initial_options?: { value: string }[] };
}

const checkboxGroups = (blocks: unknown[]) =>
  (blocks as CheckboxBlock[]).filter((b) => b.type === "input" && b.element.type === "checkboxes");

describe("the tasks & exit criteria modal", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb({ integrationType: "pos" });
  });
  afterEach(() => p.close());

  const tick = (changes: Map<number, boolean>, actorId = "U0LEAD") =>
    applyChecklistTicks(p.db, { projectId: p.project.id, changes, actorId, at: T0, timing: undefined });

  it("shows every phase's tasks and exit criteria in groups of at most 10, within Slack's limits", () => {
    const items = loadChecklist(p.db, p.project.id);
    const view = buildChecklistModal({ projectId: p.project.id, channelId: "C0PROJECT", items });
    expect(validateView(view)).toEqual([]);
    const groups = checkboxGroups(view.blocks);
    expect(groups.every((g) => g.element.options.length <= CHECKBOX_GROUP_SIZE)).toBe(true);
    const shown = groups.flatMap((g) => g.element.options.map((o) => Number(o.value)));
    expect(shown.sort((a, b) => a - b)).toEqual(items.map((i) => i.id).sort((a, b) => a - b));
    // The point-of-sale tasks are part of Development; the accounting ones are not.
    const labels = items.map((i) => i.label);
    expect(labels).toContain("Offline transaction queue");
    expect(labels).not.toContain("Order-to-invoice mapping");
  });

  it("opens with what is already ticked", () => {
    const [first] = loadChecklist(p.db, p.project.id);
    tick(new Map([[first?.id ?? 0, true]]));
    const view = buildChecklistModal({
      projectId: p.project.id,
      channelId: "C0PROJECT",
      items: loadChecklist(p.db, p.project.id),
    });
    const initial = checkboxGroups(view.blocks).flatMap((g) => g.element.initial_options ?? []);
    expect(initial.map((o) => Number(o.value))).toEqual([first?.id]);
    expect(JSON.parse(view.private_metadata ?? "{}")).toEqual({
      projectId: p.project.id,
      channelId: "C0PROJECT",
      ticked: [first?.id],
      out: [],
    });
  });

  it("saves only what the person changed, so two people ticking at once both count", () => {
    expect(checklistChanges(new Set([1, 2]), new Set([2, 3]))).toEqual(
      new Map([
        [3, true],
        [1, false],
      ]),
    );
    const [a, b] = loadChecklist(p.db, p.project.id);
    tick(new Map([[a?.id ?? 0, true]]), "U0LEAD");
    tick(new Map([[b?.id ?? 0, true]]), "U0PM");
    const done = loadChecklist(p.db, p.project.id).filter((i) => i.done);
    expect(done.map((i) => [i.id, i.doneBy])).toEqual([
      [a?.id, "U0LEAD"],
      [b?.id, "U0PM"],
    ]);
  });

  it("counts progress per phase and writes one audit row per save", () => {
    const exit = loadChecklist(p.db, p.project.id).filter((i) => i.phaseNumber === 1 && i.kind === "exit");
    const result = tick(new Map(exit.slice(0, 2).map((i) => [i.id, true])));
    expect(result.ticked.map((i) => i.label)).toEqual([
      "All API credentials obtained and tested",
      "Data mapping approved by client",
    ]);
    expect(checklistProgress(p.db, p.project.id)[0]).toEqual({
      phaseNumber: 1,
      tasksDone: 0,
      tasksTotal: 7,
      exitDone: 2,
      exitTotal: 4,
    });
    const audit = p.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === "checklist.updated");
    expect(audit.map((a) => a.details)).toEqual([
      { ticked: result.ticked.map((i) => i.label), unticked: [] },
    ]);
  });

  it("ignores ids of another project's items and writes nothing when nothing changes", () => {
    const other = p.addProject("C0OTHER");
    const [theirs] = loadChecklist(p.db, other.id);
    expect(tick(new Map([[theirs?.id ?? 0, true]]))).toMatchObject({
      ticked: [],
      unticked: [],
      confirmed: [],
      outOfScope: [],
    });
    expect(loadChecklist(p.db, other.id).some((i) => i.done)).toBe(false);
    expect(
      p.db
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.action === "checklist.updated"),
    ).toEqual([]);
  });
});

describe("what is in scope: suggested type tasks and items marked not in scope", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb({ integrationType: "pos" });
  });
  afterEach(() => p.close());

  const item = (label: string) => {
    const found = loadChecklist(p.db, p.project.id).find((i) => i.label === label);
    if (!found) throw new Error(`no item ${label}`);
    return found;
  };
  const save = (scopes: Map<number, "in" | "out">, actorId = "U0PM", changes = new Map<number, boolean>()) =>
    applyChecklistTicks(p.db, {
      projectId: p.project.id,
      changes,
      scopes,
      actorId,
      at: T0,
      timing: undefined,
    });
  const development = () => checklistProgress(p.db, p.project.id).find((r) => r.phaseNumber === 2);
  const audits = (action: string) =>
    p.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === action)
      .map((a) => a.details);

  it("a new project's type-specific tasks are suggestions, left out of the progress until confirmed", () => {
    expect(item("Offline transaction queue").scope).toBe("suggested");
    expect(item("Implement sync scheduler").scope).toBe("in");
    expect(development()).toMatchObject({ tasksTotal: 14, exitTotal: 5 });

    const result = save(new Map([[item("Offline transaction queue").id, "in"]]));
    expect(result.confirmed.map((i) => i.label)).toEqual(["Offline transaction queue"]);
    expect(item("Offline transaction queue")).toMatchObject({ scope: "in", scopedBy: "U0PM", scopedAt: T0 });
    expect(development()).toMatchObject({ tasksTotal: 15 });
    expect(audits("checklist.updated")).toEqual([
      { ticked: [], unticked: [], confirmed: ["Offline transaction queue"] },
    ]);
  });

  it("any item marked not in scope records who and when, leaves the counts and the exit checks, and can come back", () => {
    const coverage = item("Unit test coverage >80%");
    save(new Map([[coverage.id, "out"]]), "U0LEAD");
    expect(item("Unit test coverage >80%")).toMatchObject({ scope: "out", scopedBy: "U0LEAD", scopedAt: T0 });
    expect(development()).toMatchObject({ exitTotal: 4 });
    expect(openExitCriteria(p.db, p.project.id, 2).map((i) => i.label)).not.toContain(coverage.label);

    const back = save(new Map([[coverage.id, "in"]]));
    expect(back.backInScope.map((i) => i.label)).toEqual([coverage.label]);
    expect(development()).toMatchObject({ exitTotal: 5 });
    expect(audits("checklist.updated")).toEqual([
      { ticked: [], unticked: [], outOfScope: [coverage.label] },
      { ticked: [], unticked: [], backInScope: [coverage.label] },
    ]);
  });

  it("the modal's scope picks: a confirmation, a new not-in-scope pick and one taken back; not in scope wins", () => {
    expect(
      scopeChanges({ confirmed: new Set([1, 2]), outBefore: new Set([3]), outAfter: new Set([2, 4]) }),
    ).toEqual(
      new Map([
        [1, "in"],
        [2, "out"],
        [3, "in"],
        [4, "out"],
      ]),
    );
  });

  it("a type added later brings its tasks as suggestions in the plan's order; a type removed takes its untouched ones", () => {
    const tx = p.db;
    const added = syncTypeTasks(tx, p.project.id, ["pos", "fulfillment"], "U0PM", T0);
    expect(added).toEqual({
      added: [
        "Order routing logic",
        "Shipping label generation",
        "Tracking number sync",
        "Returns processing workflow",
      ],
      removed: [],
    });
    const order = loadChecklist(p.db, p.project.id)
      .filter((i) => i.phaseNumber === 2)
      .map((i) => i.label);
    expect(order.indexOf("Returns processing workflow")).toBeLessThan(
      order.indexOf("End-of-day sales summary"),
    );
    expect(item("Returns processing workflow").scope).toBe("suggested");

    save(new Map([[item("Order routing logic").id, "in"]]));
    save(new Map(), "U0DEV", new Map([[item("Tracking number sync").id, true]]));
    const removed = syncTypeTasks(tx, p.project.id, ["pos"], "U0PM", T0);
    expect(removed.removed).toEqual(["Shipping label generation", "Returns processing workflow"]);
    const labels = loadChecklist(p.db, p.project.id).map((i) => i.label);
    expect(labels).toContain("Order routing logic");
    expect(labels).toContain("Tracking number sync");
    expect(labels).not.toContain("Returns processing workflow");
    expect(audits("checklist.types-followed")).toHaveLength(2);
    expect(syncTypeTasks(tx, p.project.id, ["pos"], "U0PM", T0)).toEqual({ added: [], removed: [] });
  });

  it("the modal shows suggestions to confirm and a not-in-scope pick per phase, within Slack's limits", () => {
    save(new Map([[item("Hardware interface testing").id, "out"]]));
    const view = buildChecklistModal({
      projectId: p.project.id,
      channelId: "C0PROJECT",
      items: loadChecklist(p.db, p.project.id),
    });
    expect(validateView(view)).toEqual([]);
    const blocks = view.blocks as unknown as CheckboxBlock[];
    const suggested = blocks.find((b) => b.block_id === "p2_suggested_0");
    expect(suggested?.element.options.map((o) => Number(o.value))).toEqual(
      ["End-of-day sales summary", "Cross-channel inventory coordination", "Offline transaction queue"].map(
        (l) => item(l).id,
      ),
    );
    const pick = blocks.find((b) => b.block_id === "p2_scope");
    expect(pick?.element.type).toBe("multi_static_select");
    expect(pick?.element.initial_options?.map((o) => Number(o.value))).toEqual([
      item("Hardware interface testing").id,
    ]);
    expect(JSON.stringify(view.blocks)).toContain("~Hardware interface testing~ (<@U0PM>, 2026-11-22)");
    expect(JSON.parse(view.private_metadata ?? "{}").out).toEqual([item("Hardware interface testing").id]);
  });
});

describe("an auto-detected project follows its answers", () => {
  let p: ProjectDb;
  beforeEach(() => {
    p = openProjectDb({ integrationType: "accounting" });
  });
  afterEach(() => p.close());

  const answer = (values: Record<string, string[]>) =>
    saveAnswers(p.db, {
      projectId: p.project.id,
      sectionId: "user_journey",
      values,
      actorId: "U0PM",
      at: T0,
    });
  const project = () => p.db.select().from(projects).where(eq(projects.id, p.project.id)).get();
  const labels = () => loadChecklist(p.db, p.project.id).map((i) => i.label);

  it("once the workflows say stock levels and order posting, it is both types, with both types' suggestions", () => {
    p.db.update(projects).set({ integrationTypeSource: "auto" }).where(eq(projects.id, p.project.id)).run();
    answer({ workflows: ["Sync stock levels from Shopify to QuickBooks Online"] });
    expect(project()).toMatchObject({ integrationType: "inventory", integrationTypes: ["inventory"] });
    expect(labels()).toContain("Low stock alert system");
    expect(labels()).not.toContain("Order-to-invoice mapping");

    answer({
      workflows: ["Sync stock levels from Shopify to QuickBooks Online", "Post Shopify orders to QuickBooks"],
    });
    // As much said of each: the target system's name (QuickBooks) puts accounting first.
    expect(project()?.integrationTypes).toEqual(["accounting", "inventory"]);
    expect(labels()).toContain("Order-to-invoice mapping");
    const detected = p.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === "project.types-detected");
    expect(detected.map((a) => (a.details as { types: string[] }).types)).toEqual([
      ["inventory"],
      ["accounting", "inventory"],
    ]);
  });

  it("a type a person chose stays as chosen", () => {
    answer({ workflows: ["Sync stock levels from Shopify to QuickBooks Online"] });
    expect(project()).toMatchObject({ integrationType: "accounting", integrationTypes: ["accounting"] });
    expect(labels()).toContain("Order-to-invoice mapping");
  });
});
