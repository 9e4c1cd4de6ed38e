import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import { applyChecklistTicks, checklistProgress, loadChecklist } from "../../src/db/checklist-store.js";
import { auditLog } from "../../src/db/schema.js";
import { checklistChanges } from "../../src/services/checklist-service.js";
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
    expect(tick(new Map([[theirs?.id ?? 0, true]]))).toEqual({ ticked: [], unticked: [] });
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
