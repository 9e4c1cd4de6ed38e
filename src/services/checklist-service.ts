import { applyChecklistTicks, loadChecklist } from "../db/checklist-store.js";
import type { ChecklistItemRow, ProjectRow } from "../db/schema.js";
import { findProjectHere } from "./projects-service.js";
import type { ChangeDeps, Place, StorageDeps } from "./service-deps.js";

/** The tasks and exit criteria of a project's phases: opening the list, and saving what was ticked. */

/** What the person changed: items ticked that were not, and items unticked that were. */
export function checklistChanges(
  before: ReadonlySet<number>,
  after: ReadonlySet<number>,
): Map<number, boolean> {
  const changes = new Map<number, boolean>();
  for (const id of after) if (!before.has(id)) changes.set(id, true);
  for (const id of before) if (!after.has(id)) changes.set(id, false);
  return changes;
}

export type OpenChecklistOutcome =
  | { kind: "not-here" }
  | { kind: "checklist"; project: ProjectRow; items: ChecklistItemRow[] };

/** The status board's checklist button: the list of this place's project, when the button is its own. */
export function openChecklist(
  deps: StorageDeps,
  args: { place: Place; projectId: number | undefined },
): OpenChecklistOutcome {
  const project =
    args.projectId === undefined ? undefined : findProjectHere(deps, args.place, args.projectId);
  return project
    ? { kind: "checklist", project, items: loadChecklist(deps.db, project.id) }
    : { kind: "not-here" };
}

export type SaveTicksOutcome = { kind: "not-here" } | { kind: "saved" };

/**
 * What the person changed in the items' scope: suggestions ticked to confirm them, items newly picked as not
 * in scope, and items taken out of that pick (back in scope). Not in scope wins over a confirmation.
 */
export function scopeChanges(args: {
  confirmed: ReadonlySet<number>;
  outBefore: ReadonlySet<number>;
  outAfter: ReadonlySet<number>;
}): Map<number, "in" | "out"> {
  const changes = new Map<number, "in" | "out">();
  for (const id of args.confirmed) changes.set(id, "in");
  for (const id of args.outBefore) if (!args.outAfter.has(id)) changes.set(id, "in");
  for (const id of args.outAfter) if (!args.outBefore.has(id)) changes.set(id, "out");
  return changes;
}

/**
 * Saves the checklist modal: ticks, confirmed suggestions and items marked (not) in scope, only what changed
 * since it opened, so two people changing it at once both count; the status board and the plan catch up
 * through the outbox.
 */
export function saveChecklistTicks(
  deps: ChangeDeps,
  args: {
    place: Place;
    projectId: number;
    before: ReadonlySet<number>;
    after: ReadonlySet<number>;
    confirmed?: ReadonlySet<number>;
    outBefore?: ReadonlySet<number>;
    outAfter?: ReadonlySet<number>;
    actorId: string;
  },
): SaveTicksOutcome {
  const project = findProjectHere(deps, args.place, args.projectId);
  if (!project) return { kind: "not-here" };
  const none = new Set<number>();
  applyChecklistTicks(deps.db, {
    projectId: project.id,
    changes: checklistChanges(args.before, args.after),
    scopes: scopeChanges({
      confirmed: args.confirmed ?? none,
      outBefore: args.outBefore ?? none,
      outAfter: args.outAfter ?? args.outBefore ?? none,
    }),
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
  return { kind: "saved" };
}
