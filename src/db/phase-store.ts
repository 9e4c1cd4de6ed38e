import { and, asc, eq, sql } from "drizzle-orm";
import { isoDate } from "../domain/dates.js";
import { decidePhaseChange, phaseDatesAfter, phaseName } from "../domain/phase-rules.js";
import type { PhaseStatus } from "../domain/phases.js";
import { type ChangeStamp, recordChange } from "../outbox/refresh-rules.js";
import { recordAudit } from "./audit-log.js";
import { openExitCriteria } from "./checklist-store.js";
import type { Db, DbOrTx } from "./client.js";
import { perDatabase } from "./prepared.js";
import { touchProject } from "./project-store.js";
import { type ChecklistItemRow, type PhaseRow, phases } from "./schema.js";

const phasesOf = perDatabase((db) =>
  db
    .select()
    .from(phases)
    .where(eq(phases.projectId, sql.placeholder("projectId")))
    .orderBy(asc(phases.number))
    .prepare(),
);

export function loadPhases(db: DbOrTx, projectId: number): PhaseRow[] {
  return phasesOf(db).all({ projectId });
}

function loadPhase(db: DbOrTx, projectId: number, number: number): PhaseRow {
  const row = db
    .select()
    .from(phases)
    .where(and(eq(phases.projectId, projectId), eq(phases.number, number)))
    .get();
  if (!row) throw new Error(`Project ${projectId} has no phase ${number}.`);
  return row;
}

export interface PhaseChangeCommand extends ChangeStamp {
  phaseNumber: number;
  status: PhaseStatus;
  note: string | null;
  /** Set when the lead or PM confirmed marking the phase done with exit criteria still open. */
  signingOff: boolean;
}

/** A sign-off is kept while the phase stays done and forgotten when it is reopened (the audit log keeps it). */
function signOffFields(cmd: PhaseChangeCommand, signedOff: boolean) {
  if (cmd.status !== "done") return { signedOffBy: null, signedOffAt: null };
  return signedOff ? { signedOffBy: cmd.actorId, signedOffAt: cmd.at } : {};
}

export type PhaseChangeResult =
  | { kind: "unchanged"; phase: PhaseRow }
  | { kind: "needs-sign-off"; phase: PhaseRow; openExitCriteria: ChecklistItemRow[] }
  | { kind: "changed"; phase: PhaseRow; previousStatus: string };

/**
 * Moves a phase to a status (with its note, dates and sign-off; never its owner) and records it, in one transaction.
 * Marking a phase done while exit criteria are open changes nothing unless it is a sign-off.
 */
export function changePhaseStatus(db: Db, cmd: PhaseChangeCommand): PhaseChangeResult {
  return db.transaction((tx) => {
    const current = loadPhase(tx, cmd.projectId, cmd.phaseNumber);
    const open = openExitCriteria(tx, cmd.projectId, cmd.phaseNumber);
    const decision = decidePhaseChange({
      current,
      status: cmd.status,
      note: cmd.note,
      openExitCriteria: open.length,
      signingOff: cmd.signingOff,
    });
    if (decision === "unchanged") return { kind: "unchanged" as const, phase: current };
    if (decision === "needs-sign-off")
      return { kind: "needs-sign-off" as const, phase: current, openExitCriteria: open };

    const signedOff = cmd.signingOff && cmd.status === "done";
    const phase = tx
      .update(phases)
      .set({
        status: cmd.status,
        note: cmd.note,
        ...phaseDatesAfter(current, cmd.status, isoDate(cmd.at)),
        ...signOffFields(cmd, signedOff),
        updatedAt: cmd.at,
      })
      .where(and(eq(phases.projectId, cmd.projectId), eq(phases.number, cmd.phaseNumber)))
      .returning()
      .get();
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "phase.changed",
      details: {
        phase: cmd.phaseNumber,
        name: phaseName(cmd.phaseNumber),
        from: current.status,
        to: cmd.status,
        note: cmd.note,
        ...(signedOff ? { signedOff: true, openExitCriteria: open.map((i) => i.label) } : {}),
      },
      at: cmd.at,
    });
    touchProject(tx, cmd.projectId, cmd.at);
    recordChange(tx, "phase", cmd);
    return { kind: "changed" as const, phase, previousStatus: current.status };
  });
}

export interface PhaseOwnerCommand extends ChangeStamp {
  phaseNumber: number;
  /** null: back to the owner the team gives the phase (domain/phase-owners.ts). */
  ownerId: string | null;
}

/** Sets (or clears) the owner of a phase, audited, and asks for the plan and board to follow; false when unchanged. */
export function setPhaseOwner(db: Db, cmd: PhaseOwnerCommand): boolean {
  return db.transaction((tx) => {
    const current = loadPhase(tx, cmd.projectId, cmd.phaseNumber);
    if (current.ownerId === cmd.ownerId) return false;
    tx.update(phases)
      .set({ ownerId: cmd.ownerId, updatedAt: cmd.at })
      .where(and(eq(phases.projectId, cmd.projectId), eq(phases.number, cmd.phaseNumber)))
      .run();
    recordAudit(tx, {
      projectId: cmd.projectId,
      actorId: cmd.actorId,
      action: "phase.owner-set",
      details: {
        phase: cmd.phaseNumber,
        name: phaseName(cmd.phaseNumber),
        previousOwner: current.ownerId,
        owner: cmd.ownerId,
      },
      at: cmd.at,
    });
    touchProject(tx, cmd.projectId, cmd.at);
    recordChange(tx, "phase", cmd);
    return true;
  });
}
