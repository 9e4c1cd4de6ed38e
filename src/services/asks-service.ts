import { loadAnswers } from "../db/answer-store.js";
import {
  type AddAsksResult,
  addAsks,
  asksOfPerson,
  asksOnMessage,
  closeAsks,
  grantingAsks,
  listOpenAsks,
  recordAskMessage,
} from "../db/ask-store.js";
import { findProjectByIdAnyTeam } from "../db/project-store.js";
import type { AskRow, ProjectRow } from "../db/schema.js";
import type { Answers } from "../domain/questionnaire/answers.js";
import type { Questionnaire } from "../domain/questionnaire/definition.js";
import { findSection } from "../domain/questionnaire/find-section.js";
import { sectionProgress } from "../domain/questionnaire/progress.js";
import { truncateText, withSystemNames } from "../domain/text.js";
import {
  type InterviewContext,
  type InterviewPlace,
  interviewOf,
  placeInProjectVersion,
  SUMMARY,
} from "./discovery-interview.js";
import type { ChangeDeps, StorageDeps } from "./service-deps.js";

/**
 * "Ask the person who knows" (`/intplan ask @person <sections>`): who owes which sections of a project's
 * questionnaire, until they answer them or the ask is cancelled. Slack-free: the listener checks the person
 * with Slack, sends the message with the button, and edits it when the ask closes.
 *
 * When an ask closes as answered: a "Save and next" of the section by the person asked closes their ask for
 * it; a save by anyone that leaves every required question of the section answered closes every open ask for
 * it (nobody owes a section that is complete). Closing a modal midway, Back and Skip close nothing.
 */

/** A section as the asks name it: its id, its number (1-based) and its title with the project's systems. */
export interface AskedSection {
  id: string;
  index: number;
  label: string;
}

const labelOf = (project: ProjectRow, questionnaire: Questionnaire, index: number): string =>
  `${index + 1}. ${withSystemNames(questionnaire.sections[index]?.title ?? "", project)}`;

/** The sections of the project's questionnaire, by id, in questionnaire order (ids it does not have are dropped). */
export function askedSections(project: ProjectRow, sectionIds: readonly string[]): AskedSection[] {
  const { questionnaire } = interviewOf(project);
  return questionnaire.sections.flatMap((s, index) =>
    sectionIds.includes(s.id) ? [{ id: s.id, index, label: labelOf(project, questionnaire, index) }] : [],
  );
}

export type ResolvedSections = { ok: true; sections: AskedSection[] } | { ok: false; error: string };

/**
 * The sections a person named (by number or name, as `/intplan interview` takes them), in questionnaire
 * order. Naming none is an error that lists the sections still incomplete: an ask names what it is for.
 */
export function resolveAskSections(
  deps: StorageDeps,
  project: ProjectRow,
  queries: readonly string[],
): ResolvedSections {
  const { questionnaire } = interviewOf(project);
  const line = (index: number) => labelOf(project, questionnaire, index);
  if (queries.length === 0) {
    const answers = loadAnswers(deps.db, project.id) as Answers;
    const incomplete = questionnaire.sections
      .map((s, i) => sectionProgress(s, i, answers))
      .filter((p) => p.status !== "complete")
      .map((p) => line(p.index));
    return {
      ok: false,
      error:
        incomplete.length === 0
          ? "Say which sections to ask for (every section is complete already)."
          : `Say which sections to ask for, by number or name (\`/intplan ask @dana 5\`). Still incomplete:\n${incomplete.join("\n")}`,
    };
  }
  const found = new Set<number>();
  for (const query of queries) {
    const match = findSection(questionnaire, query, project);
    if (match.kind === "found") {
      found.add(match.index);
      continue;
    }
    if (match.kind === "ambiguous")
      return {
        ok: false,
        error: `"${truncateText(query, 80)}" matches ${match.candidates.length} sections. Which one? Say its number:\n${match.candidates.map((c) => line(c.index)).join("\n")}`,
      };
    return {
      ok: false,
      error: `No section matches "${truncateText(query, 80)}". The sections are:\n${questionnaire.sections.map((_, i) => line(i)).join("\n")}`,
    };
  }
  const sections = [...found].sort((a, b) => a - b);
  const { sections: all } = questionnaire;
  return {
    ok: true,
    sections: sections.map((index) => ({ id: all[index]?.id ?? "", index, label: line(index) })),
  };
}

/** Records the asks (database first; the message follows). A section the person already owes is not asked twice. */
export function askPerson(
  deps: ChangeDeps,
  args: {
    project: ProjectRow;
    personId: string;
    sectionIds: readonly string[];
    note: string | null;
    actorId: string;
  },
): AddAsksResult {
  return addAsks(deps.db, {
    projectId: args.project.id,
    personId: args.personId,
    sectionIds: args.sectionIds,
    note: args.note,
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
}

/** Slack took the message with the asks' button: remember it, to edit it when they close. */
export const rememberAskMessage = (
  deps: StorageDeps,
  args: { asks: readonly AskRow[]; channel: string; ts: string },
): void =>
  recordAskMessage(deps.db, { askIds: args.asks.map((a) => a.id), channel: args.channel, ts: args.ts });

/** `/intplan ask cancel [@person] [sections]`: closes the matching open asks as cancelled. */
export function cancelAsks(
  deps: ChangeDeps,
  args: { project: ProjectRow; personId?: string; sectionIds?: readonly string[]; actorId: string },
): AskRow[] {
  return closeAsks(deps.db, {
    projectId: args.project.id,
    reason: "cancelled",
    personId: args.personId,
    sectionIds: args.sectionIds,
    actorId: args.actorId,
    at: deps.clock(),
    timing: deps.timing,
  });
}

/**
 * After a "Save and next" of a section that went through: closes the saver's own ask for it, and every ask
 * for it when the section now has all its required answers. Returns the asks it closed.
 */
export function closeAsksOnSave(
  deps: ChangeDeps,
  args: { ctx: InterviewContext; sectionIndex: number; actorId: string },
): AskRow[] {
  const { project, questionnaire } = args.ctx;
  const section = questionnaire.sections[args.sectionIndex];
  if (!section) return [];
  const open = listOpenAsks(deps.db, project.id).filter((a) => a.sectionId === section.id);
  if (open.length === 0) return [];
  const answers = loadAnswers(deps.db, project.id) as Answers;
  const complete = sectionProgress(section, args.sectionIndex, answers).status === "complete";
  const stamp = { projectId: project.id, actorId: args.actorId, at: deps.clock(), timing: deps.timing };
  return closeAsks(deps.db, {
    ...stamp,
    reason: "answered",
    sectionIds: [section.id],
    ...(complete ? {} : { personId: args.actorId }),
  });
}

/**
 * After answers were saved another way than a section's modal (an import): each section they belong to is
 * treated as saved by that person, so a section now complete answers every ask for it.
 */
export function closeAsksAfterAnswers(
  deps: ChangeDeps,
  args: { ctx: InterviewContext; questionIds: readonly string[]; actorId: string },
): AskRow[] {
  const ids = new Set(args.questionIds);
  return args.ctx.questionnaire.sections.flatMap((section, sectionIndex) =>
    section.questions.some((q) => ids.has(q.id))
      ? closeAsksOnSave(deps, { ctx: args.ctx, sectionIndex, actorId: args.actorId })
      : [],
  );
}

/** Who owes what: one entry per person, their sections in questionnaire order, since their oldest open ask. */
export interface WaitingOn {
  personId: string;
  sections: AskedSection[];
  since: Date;
}

export function waitingOn(deps: StorageDeps, project: ProjectRow): WaitingOn[] {
  const open = listOpenAsks(deps.db, project.id);
  const people = [...new Set(open.map((a) => a.personId))];
  return people.map((personId) => {
    const theirs = open.filter((a) => a.personId === personId);
    return {
      personId,
      sections: askedSections(
        project,
        theirs.map((a) => a.sectionId),
      ),
      since: theirs[0]?.askedAt ?? new Date(0),
    };
  });
}

/** The asks a message carries, with their project (to edit the message when they close). */
export const asksOfMessage = (deps: StorageDeps, channel: string, ts: string): AskRow[] =>
  asksOnMessage(deps.db, channel, ts);

export type AskedWalk =
  | { kind: "open"; ctx: InterviewContext; walk: number[] }
  /** Not asked (or only for other sections): the button is not theirs. */
  | { kind: "not-asked"; project: ProjectRow }
  /** Everything the button names was answered or cancelled already. */
  | { kind: "closed"; project: ProjectRow; reason: "answered" | "cancelled" }
  | { kind: "gone" };

/**
 * What an ask's button opens for the person who pressed it: the sections it names that they were asked for
 * and still owe, in questionnaire order. The ask is the grant: it works wherever they are, channel member
 * or not (an external contact in a shared channel, a DM).
 */
export function askedWalk(
  deps: StorageDeps,
  args: { projectId: number; sectionIds: readonly string[]; userId: string },
): AskedWalk {
  const project = findProjectByIdAnyTeam(deps.db, args.projectId);
  if (!project) return { kind: "gone" };
  const ctx = interviewOf(project);
  const mine = asksOfPerson(deps.db, project.id, args.userId).filter((a) =>
    args.sectionIds.includes(a.sectionId),
  );
  const owed = mine.filter((a) => a.closedAt === null).map((a) => a.sectionId);
  if (owed.length > 0) return { kind: "open", ctx, walk: askedSections(project, owed).map((s) => s.index) };
  if (mine.length === 0) return { kind: "not-asked", project };
  const answered = mine.some((a) => a.closedReason === "answered");
  return { kind: "closed", project, reason: answered ? "answered" : "cancelled" };
}

/**
 * An interview modal opened from an ask, for someone outside the project's workspace or channel: the
 * project, when `userId` was asked for the section on screen (open, or answered by them).
 */
export function loadAskedInterview(
  deps: StorageDeps,
  args: InterviewPlace & { walk?: readonly number[]; userId: string; openedOn?: number },
): { ctx: InterviewContext; place: InterviewPlace & { walk?: readonly number[] } } | undefined {
  const project = findProjectByIdAnyTeam(deps.db, args.projectId);
  if (!project || args.sectionIndex === SUMMARY) return undefined;
  const ctx = interviewOf(project);
  const { userId: _user, openedOn, ...opened } = args;
  const place = placeInProjectVersion(ctx, opened, openedOn);
  const section = place && ctx.questionnaire.sections[place.sectionIndex];
  if (!place || !section) return undefined;
  const granted = grantingAsks(deps.db, project.id, args.userId).some((a) => a.sectionId === section.id);
  return granted ? { ctx, place } : undefined;
}
