import { asksOfPerson } from "../db/ask-store.js";
import { recordAudit } from "../db/audit-log.js";
import { findBlockerById, type ResolveBlockerResult } from "../db/blocker-store.js";
import {
  dismissNudge as dismissNudgeRow,
  findNudge,
  type NudgeRow,
  snoozeNudge as snoozeNudgeRow,
} from "../db/nudge-store.js";
import { loadPhases } from "../db/phase-store.js";
import { findProjectByIdAnyTeam } from "../db/project-store.js";
import type { PhaseRow, ProjectRow } from "../db/schema.js";
import { phaseName } from "../domain/phase-rules.js";
import { type NudgeItem, parseNudgeKey, SNOOZE_DAYS, type SnoozeDays } from "../domain/reminders/nudges.js";
import { recordChange } from "../outbox/refresh-rules.js";
import { resolveProjectBlocker } from "./blockers-service.js";
import { findProjectHere } from "./projects-service.js";
import type { ChangeDeps, Place, StorageDeps } from "./service-deps.js";

/**
 * What people do with a nudge's buttons: snooze it, dismiss it, or act on its item at once (resolve the
 * blocker, open the asked sections). Every button names its project and ledger row; a row that is gone (the
 * project deleted, the row of another project) changes nothing.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** A second press of the same snooze within this long is the same snooze (a double click), not a new one. */
const SAME_SNOOZE_MS = 60_000;

/** What the audit row calls the item: "#3 API keys missing", "4. Development", the person asked, the go-live. */
function labelOf(deps: StorageDeps, projectId: number, item: NudgeItem): string {
  switch (item.kind) {
    case "blocker": {
      const blocker = findBlockerById(deps.db, projectId, item.blockerId);
      return blocker ? `#${blocker.number} ${blocker.text}` : "a blocker";
    }
    case "phase":
      return `${item.phaseNumber}. ${phaseName(item.phaseNumber)}`;
    case "ask":
      return item.personId;
    case "go-live":
      return `go-live on ${item.target}, ${item.daysBefore} day${item.daysBefore === 1 ? "" : "s"} before`;
  }
}

export interface NudgeRequest {
  projectId: number;
  nudgeId: number;
  userId: string;
  /** Where the button was pressed: anyone in the project's channel may act on a nudge posted there. */
  place: Place;
}

export type NudgeLookup =
  /** The row is gone, belongs to another project, or its project was deleted. */
  | { kind: "gone" }
  /** A DM to someone else (a forwarded or forged button): only they, or the channel, act on it. */
  | { kind: "not-yours"; recipientId: string }
  | { kind: "found"; project: ProjectRow; nudge: NudgeRow; item: NudgeItem };

/** The nudge a button names, when it still exists and the person pressing may act on it. */
export function findNudgeFor(deps: StorageDeps, request: NudgeRequest): NudgeLookup {
  const nudge = findNudge(deps.db, request.nudgeId);
  if (!nudge || nudge.projectId !== request.projectId) return { kind: "gone" };
  const project = findProjectByIdAnyTeam(deps.db, nudge.projectId);
  const item = parseNudgeKey(nudge.itemKey);
  if (!project || !item) return { kind: "gone" };
  const inChannel = findProjectHere(deps, request.place, project.id) !== undefined;
  if (!inChannel && nudge.recipientId !== request.userId) {
    return nudge.recipientId ? { kind: "not-yours", recipientId: nudge.recipientId } : { kind: "gone" };
  }
  return { kind: "found", project, nudge, item };
}

export const isSnoozeDays = (days: number): days is SnoozeDays =>
  (SNOOZE_DAYS as readonly number[]).includes(days);

export type SnoozeOutcome =
  | Exclude<NudgeLookup, { kind: "found" }>
  | { kind: "already-dismissed"; by: string | null }
  /** The same snooze pressed again at once (a double click): nothing more changed. */
  | { kind: "already-snoozed"; until: Date; project: ProjectRow }
  | { kind: "snoozed"; until: Date; project: ProjectRow; nudge: NudgeRow };

/** "Snooze 1 day / 3 days / 1 week": not sent again before now + `days` calendar days. Pressed again, it moves. */
export function snoozeNudge(deps: ChangeDeps, request: NudgeRequest & { days: SnoozeDays }): SnoozeOutcome {
  // One connection: what is read through `deps.db` inside the transaction is what it writes to.
  return deps.db.transaction((tx) => {
    const found = findNudgeFor(deps, request);
    if (found.kind !== "found") return found;
    const { nudge, project, item } = found;
    if (nudge.state === "dismissed") return { kind: "already-dismissed" as const, by: nudge.changedBy };
    const at = deps.clock();
    const until = new Date(at.getTime() + request.days * DAY_MS);
    if (
      nudge.state === "snoozed" &&
      nudge.snoozedUntil &&
      Math.abs(nudge.snoozedUntil.getTime() - until.getTime()) < SAME_SNOOZE_MS
    ) {
      return { kind: "already-snoozed" as const, until: nudge.snoozedUntil, project };
    }
    snoozeNudgeRow(tx, { id: nudge.id, until, by: request.userId, at });
    recordAudit(tx, {
      projectId: project.id,
      actorId: request.userId,
      action: "nudge.snoozed",
      details: {
        kind: nudge.kind,
        item: nudge.itemKey,
        label: labelOf(deps, project.id, item),
        until: until.toISOString(),
      },
      at,
    });
    recordChange(tx, "nudge", { projectId: project.id, actorId: request.userId, at, timing: deps.timing });
    return { kind: "snoozed" as const, until, project, nudge };
  });
}

export type DismissOutcome =
  | Exclude<NudgeLookup, { kind: "found" }>
  | { kind: "already-dismissed"; by: string | null }
  | { kind: "dismissed"; project: ProjectRow; nudge: NudgeRow };

/** "Dismiss": this item, in this window, is never nudged again. */
export function dismissNudge(deps: ChangeDeps, request: NudgeRequest): DismissOutcome {
  return deps.db.transaction((tx) => {
    const found = findNudgeFor(deps, request);
    if (found.kind !== "found") return found;
    const { nudge, project, item } = found;
    if (nudge.state === "dismissed") return { kind: "already-dismissed" as const, by: nudge.changedBy };
    const at = deps.clock();
    dismissNudgeRow(tx, { id: nudge.id, by: request.userId, at });
    recordAudit(tx, {
      projectId: project.id,
      actorId: request.userId,
      action: "nudge.dismissed",
      details: {
        kind: nudge.kind,
        item: nudge.itemKey,
        label: labelOf(deps, project.id, item),
      },
      at,
    });
    recordChange(tx, "nudge", { projectId: project.id, actorId: request.userId, at, timing: deps.timing });
    return { kind: "dismissed" as const, project, nudge };
  });
}

export type ResolveFromNudgeOutcome =
  | Exclude<NudgeLookup, { kind: "found" }>
  /** The nudge is not about a blocker (a forged action), or the blocker is not in the project any more. */
  | { kind: "no-blocker" }
  | (ResolveBlockerResult & { kind: "resolved" | "already-resolved"; project: ProjectRow });

/** "Resolve" on a blocker's nudge: the blocker resolved as `/intplan blocker resolve <n>` does. */
export function resolveNudgedBlocker(deps: ChangeDeps, request: NudgeRequest): ResolveFromNudgeOutcome {
  const found = findNudgeFor(deps, request);
  if (found.kind !== "found") return found;
  if (found.item.kind !== "blocker") return { kind: "no-blocker" };
  const blocker = findBlockerById(deps.db, found.project.id, found.item.blockerId);
  if (!blocker) return { kind: "no-blocker" };
  const result = resolveProjectBlocker(deps, {
    project: found.project,
    number: blocker.number,
    note: null,
    actorId: request.userId,
  });
  if (result.kind === "not-found") return { kind: "no-blocker" };
  return { ...result, project: found.project };
}

export type NudgedPhaseOutcome =
  | Exclude<NudgeLookup, { kind: "found" }>
  | { kind: "no-phase" }
  | { kind: "found"; project: ProjectRow; phase: PhaseRow };

/** "Update status" on a phase's nudge: the phase as it is now, for the modal. */
export function nudgedPhase(deps: StorageDeps, request: NudgeRequest): NudgedPhaseOutcome {
  const found = findNudgeFor(deps, request);
  if (found.kind !== "found") return found;
  const { item } = found;
  if (item.kind !== "phase") return { kind: "no-phase" };
  const phase = loadPhases(deps.db, found.project.id).find((p) => p.number === item.phaseNumber);
  return phase ? { kind: "found", project: found.project, phase } : { kind: "no-phase" };
}

export type AskNudgeOutcome =
  | Exclude<NudgeLookup, { kind: "found" }>
  | { kind: "no-ask" }
  | { kind: "found"; projectId: number; sectionIds: string[] };

/**
 * "Answer now" on an ask's nudge: the sections the person still owes (else everything they were asked, so
 * the ask's own answer says it was answered or cancelled). Who may open them is the ask's own rule.
 */
export function askOfNudge(deps: StorageDeps, request: NudgeRequest): AskNudgeOutcome {
  const found = findNudgeFor(deps, request);
  if (found.kind !== "found") return found;
  if (found.item.kind !== "ask") return { kind: "no-ask" };
  const asked = asksOfPerson(deps.db, found.project.id, found.item.personId);
  const open = asked.filter((a) => a.closedAt === null);
  const sectionIds = [...new Set((open.length > 0 ? open : asked).map((a) => a.sectionId))];
  return sectionIds.length > 0
    ? { kind: "found", projectId: found.project.id, sectionIds }
    : { kind: "no-ask" };
}
