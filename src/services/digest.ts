import { type AuditWindow, countAuditByAction, listAuditOfActions } from "../db/audit-log.js";
import { findProjectByIdAnyTeam, listOwnProjects } from "../db/project-store.js";
import type { ProjectRow } from "../db/schema.js";
import type { AppDeps } from "../deps.js";
import type { DirectoryName } from "../documents/people-presentation.js";
import { hasPersonIdShape } from "../domain/person-id.js";
import { phaseOwner } from "../domain/phase-owners.js";
import type { LiveBlocker } from "../domain/project-state.js";
import {
  DIGEST_WINDOW_DAYS,
  type NextMilestone,
  NOTABLE_ACTIONS,
  nextMilestone,
  staleFrom,
  summariseWeek,
  type WeekChanges,
} from "../domain/reminders/digest-summary.js";
import type { ReminderSettings } from "../domain/reminders/settings.js";
import { localDate } from "../domain/reminders/working-time.js";
import { projectTimeZone, reminderSettingsOf } from "./reminder-settings.js";
import { loadStatusBoardFacts, type StatusBoardFacts } from "./status-board-state.js";

/**
 * The weekly digest's facts for one project, read now: the status board's facts (phases, progress, owners,
 * blockers, who owes answers, the plan's schedule and go-live check), what the audit log says changed in
 * the week before `now`, which blockers are stale by the channel's threshold, the next milestone, and the
 * names of everyone it names (the digest names people without mentioning them: nobody is pinged by it).
 */

export type DigestReason = "scheduled" | "asked";

export interface DigestBlocker {
  blocker: LiveBlocker;
  /** Open past the channel's blocker threshold (in working days) since this instant; null: not stale. */
  staleSince: Date | null;
}

export interface DigestFacts {
  board: StatusBoardFacts;
  week: WeekChanges & AuditWindow;
  /** Open blockers, oldest first. */
  blockers: DigestBlocker[];
  /** The channel's blocker threshold, in working days. */
  staleAfterWorkingDays: number;
  milestone: NextMilestone;
  /** The local day in the project's time zone (YYYY-MM-DD). */
  today: string;
  timeZone: string;
  /** When the weekly digest comes, if it does. */
  weekly: Pick<ReminderSettings["digest"], "weekday" | "time"> & { on: boolean };
  reason: DigestReason;
  actorId: string;
  /** Names of the people the digest names, by user id (a name missing reads neutrally). */
  names: ReadonlyMap<string, DirectoryName>;
  now: Date;
}

/** Notable rows read per week: far more than a digest lists (it shows the newest few and counts the rest). */
const NOTABLE_ROWS = 200;
/** People named at most: beyond these (a project with many owners), a neutral word. */
const NAMED_PEOPLE = 100;

const DAY_MS = 24 * 60 * 60_000;

/** A project's digest facts as of `now`; undefined when the project is gone. */
export async function loadDigestFacts(
  deps: Pick<AppDeps, "db" | "people">,
  projectId: number,
  args: { now: Date; reason: DigestReason; actorId: string },
): Promise<DigestFacts | undefined> {
  const project = findProjectByIdAnyTeam(deps.db, projectId);
  return project ? digestFactsOf(deps, project, args) : undefined;
}

async function digestFactsOf(
  deps: Pick<AppDeps, "db" | "people">,
  project: ProjectRow,
  args: { now: Date; reason: DigestReason; actorId: string },
): Promise<DigestFacts> {
  const { now } = args;
  const board = loadStatusBoardFacts({ db: deps.db, clock: () => now }, project);
  const settings = reminderSettingsOf(deps, project.id);
  const timeZone = await projectTimeZone(deps, project, settings);
  const window: AuditWindow = { since: new Date(now.getTime() - DIGEST_WINDOW_DAYS * DAY_MS), until: now };
  const rows = (actions: readonly string[]) =>
    listAuditOfActions(deps.db, project.id, { ...window, actions, limit: NOTABLE_ROWS });
  const week = summariseWeek({
    counts: countAuditByAction(deps.db, project.id, window),
    notable: rows(NOTABLE_ACTIONS),
    imports: rows(["answers.imported"]),
    publications: rows(["document.published"]),
  });
  const blockers = board.live.openBlockers.map((blocker) => {
    const stale = staleFrom(blocker.createdAt, settings, timeZone);
    return { blocker, staleSince: stale.getTime() <= now.getTime() ? stale : null };
  });
  const people = [
    project.leadEngineerId,
    project.projectManagerId,
    args.actorId,
    ...board.live.phases.map((p) => phaseOwner(p, board.team)),
    ...board.live.openBlockers.map((b) => b.ownerId),
    ...board.waiting.map((w) => w.personId),
    ...week.notable.map((n) => n.actorId),
  ];
  return {
    board,
    week: { ...week, ...window },
    blockers,
    staleAfterWorkingDays: settings.blocker.afterWorkingDays,
    milestone: nextMilestone(board.live.phases, board.schedule),
    today: localDate(now, timeZone),
    timeZone,
    weekly: {
      on: settings.enabled && settings.digest.on,
      weekday: settings.digest.weekday,
      time: settings.digest.time,
    },
    reason: args.reason,
    actorId: args.actorId,
    names: await namesOf(deps, people),
    now,
  };
}

async function namesOf(
  deps: Pick<AppDeps, "people">,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, DirectoryName>> {
  const unique = [
    ...new Set(ids.filter((id): id is string => typeof id === "string" && hasPersonIdShape(id))),
  ].slice(0, NAMED_PEOPLE);
  const found = await Promise.all(unique.map(async (id) => [id, await deps.people.person(id)] as const));
  return new Map(found);
}

/** Projects one "DM me a digest" covers at most; the message counts the rest. */
export const OWN_DIGEST_PROJECTS = 15;

/**
 * The digest of a person's own projects (they lead, manage or created them), for the DM App Home's button
 * sends: each project's digest facts, most recently active first, and how many they have in all.
 */
export async function loadOwnProjectsDigest(
  deps: Pick<AppDeps, "db" | "people">,
  args: { teamId: string; userId: string; now: Date },
): Promise<{ projects: DigestFacts[]; total: number }> {
  const own = listOwnProjects(deps.db, { ...args, limit: OWN_DIGEST_PROJECTS });
  const projects = await Promise.all(
    own.projects.map((project) =>
      digestFactsOf(deps, project, { ...args, reason: "asked", actorId: args.userId }),
    ),
  );
  return { projects, total: own.total };
}
