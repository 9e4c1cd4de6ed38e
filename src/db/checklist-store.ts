import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { IntegrationType } from "../domain/integration-type.js";
import { type ChecklistScope, checklistEntry, checklistFor } from "../domain/phases.js";
import type { PhaseProgress } from "../domain/project-state.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { touchProject } from "./project-store.js";
import { type ChecklistItemRow, checklistItems, projects } from "./schema.js";

/** The project's tasks and exit criteria, phase by phase, in the plan's order. */
export function loadChecklist(db: DbOrTx, projectId: number): ChecklistItemRow[] {
  return db
    .select()
    .from(checklistItems)
    .where(eq(checklistItems.projectId, projectId))
    .orderBy(asc(checklistItems.phaseNumber), asc(checklistItems.position))
    .all();
}

export function openExitCriteria(db: DbOrTx, projectId: number, phaseNumber: number): ChecklistItemRow[] {
  return db
    .select()
    .from(checklistItems)
    .where(
      and(
        eq(checklistItems.projectId, projectId),
        eq(checklistItems.phaseNumber, phaseNumber),
        eq(checklistItems.kind, "exit"),
        eq(checklistItems.done, false),
        // Not in scope (or not confirmed) is not a criterion the phase has to meet.
        eq(checklistItems.scope, "in"),
      ),
    )
    .orderBy(asc(checklistItems.position))
    .all();
}

const progressQuery = perDatabase((db) => {
  const count = (kind: "task" | "exit", doneOnly: boolean) =>
    sql<number>`sum(case when ${checklistItems.kind} = ${kind}${doneOnly ? sql` and ${checklistItems.done} = 1` : sql``} then 1 else 0 end)`;
  return db
    .select({
      phaseNumber: checklistItems.phaseNumber,
      tasksDone: count("task", true),
      tasksTotal: count("task", false),
      exitDone: count("exit", true),
      exitTotal: count("exit", false),
    })
    .from(checklistItems)
    .where(and(eq(checklistItems.projectId, sql.placeholder("projectId")), eq(checklistItems.scope, "in")))
    .groupBy(checklistItems.phaseNumber)
    .orderBy(asc(checklistItems.phaseNumber))
    .prepare();
});

/** Ticked and total tasks and exit criteria per phase: only the items in scope (not suggestions, not out). */
export function checklistProgress(db: DbOrTx, projectId: number): PhaseProgress[] {
  return progressQuery(db).all({ projectId });
}

export interface ChecklistTicks extends ChangeStamp {
  /** Item id → ticked or not; only the items someone actually changed. */
  changes: ReadonlyMap<number, boolean>;
  /** Item id → its new scope ("in" confirms a suggestion or brings an item back; "out": not in scope). */
  scopes?: ReadonlyMap<number, Exclude<ChecklistScope, "suggested">>;
}

export interface ChecklistChange {
  ticked: ChecklistItemRow[];
  unticked: ChecklistItemRow[];
  /** Suggestions confirmed. */
  confirmed: ChecklistItemRow[];
  /** Marked not in scope. */
  outOfScope: ChecklistItemRow[];
  /** Not in scope before, in scope again. */
  backInScope: ChecklistItemRow[];
}

/**
 * Ticks and unticks items of one project, confirms suggestions and marks items (not) in scope (ids of other
 * projects are ignored), in one transaction with one audit row. Items already in the wanted state are left
 * alone, so two people changing the list at once both count.
 */
export function applyChecklistTicks(db: Db, cmd: ChecklistTicks): ChecklistChange {
  return db.transaction((tx) => {
    const scopes = cmd.scopes ?? new Map<number, Exclude<ChecklistScope, "suggested">>();
    const ids = [...new Set([...cmd.changes.keys(), ...scopes.keys()])];
    const items =
      ids.length === 0
        ? []
        : tx
            .select()
            .from(checklistItems)
            .where(and(eq(checklistItems.projectId, cmd.projectId), inArray(checklistItems.id, ids)))
            .orderBy(asc(checklistItems.phaseNumber), asc(checklistItems.position))
            .all();
    const change: ChecklistChange = {
      ticked: [],
      unticked: [],
      confirmed: [],
      outOfScope: [],
      backInScope: [],
    };
    for (const item of items) {
      const wantDone = cmd.changes.get(item.id);
      const wantScope = scopes.get(item.id);
      const fields: Partial<ChecklistItemRow> = {};
      if (wantDone !== undefined && wantDone !== item.done) {
        Object.assign(
          fields,
          wantDone
            ? { done: true, doneBy: cmd.actorId, doneAt: cmd.at }
            : { done: false, doneBy: null, doneAt: null },
        );
        (wantDone ? change.ticked : change.unticked).push(item);
      }
      if (wantScope !== undefined && wantScope !== item.scope) {
        Object.assign(fields, { scope: wantScope, scopedBy: cmd.actorId, scopedAt: cmd.at });
        if (wantScope === "out") change.outOfScope.push(item);
        else (item.scope === "suggested" ? change.confirmed : change.backInScope).push(item);
      }
      if (Object.keys(fields).length > 0) {
        tx.update(checklistItems).set(fields).where(eq(checklistItems.id, item.id)).run();
      }
    }
    const labels = (list: readonly ChecklistItemRow[]) => list.map((i) => i.label);
    if (Object.values(change).every((list) => list.length === 0)) return change;
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "checklist.updated",
      details: {
        ticked: labels(change.ticked),
        unticked: labels(change.unticked),
        ...(change.confirmed.length > 0 ? { confirmed: labels(change.confirmed) } : {}),
        ...(change.outOfScope.length > 0 ? { outOfScope: labels(change.outOfScope) } : {}),
        ...(change.backInScope.length > 0 ? { backInScope: labels(change.backInScope) } : {}),
      },
      at: cmd.at,
    });
    touchProject(tx, cmd.projectId, cmd.at);
    recordChange(tx, "checklist", cmd);
    return change;
  });
}

/**
 * Brings the checklist's type-specific tasks in line with the project's types, inside the caller's
 * transaction (the caller records the change of types): a type's missing tasks are added as suggestions;
 * the untouched suggestions of a type the project no longer is go; ticked, confirmed or scoped items stay.
 * Every item is put back at its place in the plan. Audited when something changed; returns what did.
 */
export function syncTypeTasks(
  tx: DbOrTx,
  projectId: number,
  types: readonly IntegrationType[],
  actorId: string,
  at: Date,
): { added: string[]; removed: string[] } {
  const project = tx
    .select({ systemA: projects.systemA, systemB: projects.systemB })
    .from(projects)
    .where(eq(projects.id, projectId))
    .get();
  if (!project) return { added: [], removed: [] };
  const current = loadChecklist(tx, projectId);
  const wanted = checklistFor(types, project);
  const wantedKeys = new Set(wanted.map((i) => i.key));
  const have = new Set(current.map((i) => i.key));
  const toAdd = wanted.filter((i) => !have.has(i.key));
  const toRemove = current.filter(
    (i) =>
      !wantedKeys.has(i.key) &&
      i.scope === "suggested" &&
      !i.done &&
      i.scopedBy === null &&
      checklistEntry(i.key)?.entry.types !== undefined,
  );
  if (toAdd.length === 0 && toRemove.length === 0) return { added: [], removed: [] };
  if (toRemove.length > 0) {
    tx.delete(checklistItems)
      .where(
        and(
          eq(checklistItems.projectId, projectId),
          inArray(
            checklistItems.id,
            toRemove.map((i) => i.id),
          ),
          isNull(checklistItems.scopedBy),
        ),
      )
      .run();
  }
  if (toAdd.length > 0) {
    tx.insert(checklistItems)
      .values(toAdd.map((item) => ({ ...item, projectId })))
      .run();
  }
  // Items stored before positions were the plan's own (older projects) are put in the plan's order.
  for (const item of current) {
    const position = checklistEntry(item.key)?.position;
    if (position !== undefined && position !== item.position) {
      tx.update(checklistItems).set({ position }).where(eq(checklistItems.id, item.id)).run();
    }
  }
  const added = toAdd.map((i) => i.label);
  const removed = toRemove.map((i) => i.label);
  recordAudit(tx, {
    projectId,
    actorId,
    action: "checklist.types-followed",
    details: { types: [...types], added, removed },
    at,
  });
  return { added, removed };
}
