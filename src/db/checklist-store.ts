import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { PhaseProgress } from "../domain/project-state.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { touchProject } from "./project-store.js";
import { type ChecklistItemRow, checklistItems } from "./schema.js";

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
    .where(eq(checklistItems.projectId, sql.placeholder("projectId")))
    .groupBy(checklistItems.phaseNumber)
    .orderBy(asc(checklistItems.phaseNumber))
    .prepare();
});

/** Ticked and total tasks and exit criteria per phase. */
export function checklistProgress(db: DbOrTx, projectId: number): PhaseProgress[] {
  return progressQuery(db).all({ projectId });
}

export interface ChecklistTicks extends ChangeStamp {
  /** Item id → ticked or not; only the items someone actually changed. */
  changes: ReadonlyMap<number, boolean>;
}

export interface ChecklistChange {
  ticked: ChecklistItemRow[];
  unticked: ChecklistItemRow[];
}

/**
 * Ticks and unticks items of one project (ids of other projects are ignored), in one transaction with one
 * audit row. Items already in the wanted state are left alone, so two people ticking at once both count.
 */
export function applyChecklistTicks(db: Db, cmd: ChecklistTicks): ChecklistChange {
  return db.transaction((tx) => {
    const ids = [...cmd.changes.keys()];
    const items =
      ids.length === 0
        ? []
        : tx
            .select()
            .from(checklistItems)
            .where(and(eq(checklistItems.projectId, cmd.projectId), inArray(checklistItems.id, ids)))
            .orderBy(asc(checklistItems.phaseNumber), asc(checklistItems.position))
            .all();
    const toChange = items.filter((item) => cmd.changes.get(item.id) !== item.done);
    if (toChange.length === 0) return { ticked: [], unticked: [] };
    const changed = toChange.map((item) => {
      const done = !item.done;
      const fields = done
        ? { done, doneBy: cmd.actorId, doneAt: cmd.at }
        : { done, doneBy: null, doneAt: null };
      tx.update(checklistItems).set(fields).where(eq(checklistItems.id, item.id)).run();
      return { ...item, ...fields };
    });
    const ticked = changed.filter((item) => item.done);
    const unticked = changed.filter((item) => !item.done);
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "checklist.updated",
      details: { ticked: ticked.map((i) => i.label), unticked: unticked.map((i) => i.label) },
      at: cmd.at,
    });
    touchProject(tx, cmd.projectId, cmd.at);
    recordChange(tx, "checklist", cmd);
    return { ticked, unticked };
  });
}
