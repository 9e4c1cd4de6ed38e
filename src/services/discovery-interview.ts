import {
  clearDraft,
  latestDraftSection,
  loadAnswerRowsFor,
  loadAnswers,
  loadDraftRow,
  saveAnswers,
  saveDraft,
} from "../db/answer-store.js";
import type { Db } from "../db/client.js";
import { findProjectById } from "../db/project-store.js";
import type { ProjectRow } from "../db/schema.js";
import type { Timing } from "../deps.js";
import type { IsPersonId } from "../domain/person-id.js";
import {
  type Answers,
  CLEAR_STORED_ANSWER,
  formatAnswerForInput,
  isTooBigForBox,
  type RawInput,
  salvageSection,
  validateSection,
} from "../domain/questionnaire/answers.js";
import {
  getQuestionnaire,
  type Questionnaire,
  type QuestionnaireSection,
} from "../domain/questionnaire/definition.js";
import { findSection } from "../domain/questionnaire/find-section.js";
import { inputDigest, mergeSection, SHOWN_AS_SUMMARY } from "../domain/questionnaire/merge.js";
import {
  firstUnfinishedSection,
  type InterviewProgress,
  interviewProgress,
} from "../domain/questionnaire/progress.js";
import { type SectionPrefill, sectionPrefill } from "../domain/system-profiles/prefill.js";
import { isProfileSource, type ProfileSource } from "../domain/system-profiles/source-words.js";
import { truncateText, withSystemNames } from "../domain/text.js";
import { findProjectHere } from "./projects-service.js";

/**
 * The discovery interview's use cases: where it opens, what a section shows, keeping what someone typed
 * (merged with what others changed meanwhile), and how far the project is. Slack-free: the modal, its
 * private_metadata and the notices' wording are the Slack side's (src/slack/interview-modal.ts).
 */

export interface InterviewReadDeps {
  db: Db;
}

export interface InterviewWriteDeps extends InterviewReadDeps {
  clock: () => Date;
  timing?: Partial<Timing>;
}

/** Section index -1 is the summary. */
export const SUMMARY = -1;

export interface InterviewContext {
  project: ProjectRow;
  questionnaire: Questionnaire;
}

/** A project's interview, on the questionnaire version it was started with. */
export const interviewOf = (project: ProjectRow): InterviewContext => ({
  project,
  questionnaire: getQuestionnaire(project.questionnaireVersion),
});

/** The interview a modal belongs to, only within the workspace that sent the request; undefined when gone. */
export function loadInterview(
  deps: InterviewReadDeps,
  teamId: string,
  place: { projectId: number; sectionIndex: number },
): InterviewContext | undefined {
  const project = findProjectById(deps.db, teamId, place.projectId);
  if (!project) return undefined;
  const ctx = interviewOf(project);
  if (place.sectionIndex !== SUMMARY && !ctx.questionnaire.sections[place.sectionIndex]) return undefined;
  return ctx;
}

/** Where a section modal says it is: the project, the section's index and the digests it showed. */
export interface InterviewPlace {
  projectId: number;
  sectionIndex: number;
  shownDigests: readonly string[] | undefined;
}

/**
 * A section modal opened before the project moved to another questionnaire version (`openedOn`, from its
 * metadata): the same section, by id, in the project's version now, with the digests it showed in that
 * section's order (a question the old version did not ask showed empty). Undefined when the project's
 * version has no such section. A modal of the project's own version (or one that does not say) is as it is.
 */
export function placeInProjectVersion<P extends InterviewPlace & { walk?: readonly number[] }>(
  ctx: InterviewContext,
  place: P,
  openedOn: number | undefined,
): P | undefined {
  if (openedOn === undefined || openedOn === ctx.questionnaire.version || place.sectionIndex === SUMMARY)
    return place;
  const oldSections = getQuestionnaire(openedOn).sections;
  // An ask's walk names sections by their old indexes: the same sections, by id, in the new version.
  const walk = place.walk?.flatMap((i) => {
    const id = oldSections[i]?.id;
    const now = id ? ctx.questionnaire.sections.findIndex((s) => s.id === id) : -1;
    return now >= 0 ? [now] : [];
  });
  const old = oldSections[place.sectionIndex];
  const sectionIndex = old ? ctx.questionnaire.sections.findIndex((s) => s.id === old.id) : -1;
  const section = ctx.questionnaire.sections[sectionIndex];
  if (!old || !section) return undefined;
  const shown = new Map(old.questions.map((q, i) => [q.id, place.shownDigests?.[i]]));
  const empty = inputDigest(null);
  const shownDigests =
    place.shownDigests?.length === old.questions.length
      ? section.questions.map((q) => shown.get(q.id) ?? empty)
      : undefined;
  return { ...place, sectionIndex, shownDigests, ...(walk ? { walk } : {}) };
}

/**
 * The project a "Start discovery interview" button names, only within this workspace; the button works
 * only in its own project's channel (when the request names no channel, there is nothing to compare).
 */
export function projectForInterviewButton(
  deps: InterviewReadDeps,
  args: { teamId: string; projectId: number; channelId: string | undefined },
): ProjectRow | undefined {
  // The same rule as every other button: the project is this channel's.
  return findProjectHere(deps, { teamId: args.teamId, channelId: args.channelId }, args.projectId);
}

export type StartSection = { ok: true; sectionIndex: number } | { ok: false; error: string };

/**
 * Where the interview opens: the named section; else where someone left off (a section closed midway);
 * else the first unfinished section; else the summary. A name matching nothing lists the sections; a name
 * matching two sections equally well ("api": both systems have one) asks which, and opens nothing.
 */
export function resolveStartSection(
  deps: InterviewReadDeps,
  project: ProjectRow,
  query: string | null,
): StartSection {
  const { questionnaire } = interviewOf(project);
  if (query) {
    const match = findSection(questionnaire, query, project);
    if (match.kind === "found") return { ok: true, sectionIndex: match.index };
    const line = (s: { title: string }, i: number) => `${i + 1}. ${withSystemNames(s.title, project)}`;
    if (match.kind === "ambiguous") {
      const lines = match.candidates.map(
        (c) => `\`/intplan interview ${c.index + 1}\` ${line(c.section, c.index)}`,
      );
      return {
        ok: false,
        error: `"${truncateText(query, 80)}" matches ${match.candidates.length} sections. Which one?\n${lines.join("\n")}`,
      };
    }
    const list = questionnaire.sections.map(line).join("\n");
    return {
      ok: false,
      error: `No section matches "${truncateText(query, 80)}". The sections are:\n${list}`,
    };
  }
  const leftOff = latestDraftSection(deps.db, project.id);
  const leftOffIndex = questionnaire.sections.findIndex((s) => s.id === leftOff);
  if (leftOffIndex >= 0) return { ok: true, sectionIndex: leftOffIndex };
  const next = firstUnfinishedSection(questionnaire, loadAnswers(deps.db, project.id) as Answers);
  return { ok: true, sectionIndex: next ?? SUMMARY };
}

/** The section a button names, or the summary when there is no such section. */
export const sectionOrSummary = (ctx: InterviewContext, index: number): number =>
  index >= 0 && index < ctx.questionnaire.sections.length ? index : SUMMARY;

/**
 * Past the last section of a walk (an ask's sections, `/intplan ask`): the person is thanked and the modal
 * ends, with no summary (the rest of the interview is not what they were asked for).
 */
export const WALK_DONE = -2;

/**
 * Next/Skip: the following section, after the last one the summary. With `walk` (the sections an ask opened,
 * in order), the next section of the walk, after its last one `WALK_DONE`.
 */
export const sectionAfter = (ctx: InterviewContext, index: number, walk?: readonly number[]): number =>
  walk ? (walk.find((i) => i > index) ?? WALK_DONE) : sectionOrSummary(ctx, index + 1);

/** Back: the previous section, never before the first (of the walk, when there is one). */
export const sectionBefore = (index: number, walk?: readonly number[]): number =>
  walk ? ([...walk].reverse().find((i) => i < index) ?? index) : Math.max(0, index - 1);

/** Stored answers with whatever was typed but not yet valid laid over them, so the modal shows it again. */
function withDraft(stored: Record<string, unknown>, draft: Record<string, unknown> | undefined): Answers {
  const answers = { ...stored } as Record<string, Answers[string]>;
  for (const [questionId, raw] of Object.entries(draft ?? {})) {
    if (typeof raw === "string" || Array.isArray(raw)) answers[questionId] = raw as Answers[string];
  }
  return answers;
}

/** What a section's modal shows for each question (the input Slack hands back when nobody touches it). */
function shownInputs(section: QuestionnaireSection, answers: Answers): Record<string, RawInput> {
  return Object.fromEntries(section.questions.map((q) => [q.id, formatAnswerForInput(q, answers[q.id])]));
}

/**
 * What a system's API section offers from the system's profile (system-profiles/) for the questions that
 * hold nothing yet; undefined for other sections and systems without a profile.
 */
function prefillFor(
  ctx: InterviewContext,
  section: QuestionnaireSection,
  answers: Answers,
): SectionPrefill | undefined {
  const filled = new Set(Object.keys(answers).filter((id) => answers[id] !== undefined));
  return sectionPrefill(section, ctx.project, filled);
}

/** The answers with the profile's offered values under them: what the modal shows. */
const withPrefill = (answers: Answers, prefill: SectionPrefill | undefined): Answers =>
  prefill ? { ...prefill.values, ...answers } : answers;

/**
 * What the interview shows at `sectionIndex`: the summary with the stored answers, or a section with the
 * answers and drafts, what its system's profile offers for questions still empty (`prefill`, shown as
 * values), and the digest of what each of its questions shows (in question order), which the modal
 * carries so a later submission writes only what was changed (and keeps an offered value left as shown).
 */
export type InterviewScreen =
  | { kind: "summary"; answers: Answers }
  | {
      kind: "section";
      sectionIndex: number;
      answers: Answers;
      shownDigests: string[];
      prefill?: SectionPrefill;
      /** By question id: the profile source of answers saved as a profile offered them (shown as such). */
      profileSources?: Record<string, ProfileSource>;
    };

export function interviewScreen(
  deps: InterviewReadDeps,
  ctx: InterviewContext,
  sectionIndex: number,
): InterviewScreen {
  const { project, questionnaire } = ctx;
  if (sectionIndex === SUMMARY)
    return { kind: "summary", answers: loadAnswers(deps.db, project.id) as Answers };
  const section = questionnaire.sections[sectionIndex] as QuestionnaireSection;
  const answers = withDraft(
    loadAnswers(deps.db, project.id),
    loadDraftRow(deps.db, project.id, section.id)?.raw,
  );
  const prefill = prefillFor(ctx, section, answers);
  const shown = shownInputs(section, withPrefill(answers, prefill));
  const draft = loadDraftRow(deps.db, project.id, section.id)?.raw ?? {};
  const profileSources = Object.fromEntries(
    loadAnswerRowsFor(
      deps.db,
      project.id,
      section.questions.map((q) => q.id),
    ).flatMap((r) =>
      isProfileSource(r.source) && !(r.questionId in draft) ? [[r.questionId, r.source]] : [],
    ),
  );
  return {
    kind: "section",
    sectionIndex,
    answers,
    shownDigests: section.questions.map((q) =>
      isTooBigForBox(q, answers[q.id]) ? SHOWN_AS_SUMMARY : inputDigest(shown[q.id]),
    ),
    ...(prefill ? { prefill } : {}),
    ...(Object.keys(profileSources).length > 0 ? { profileSources } : {}),
  };
}

/** The digests a modal carries, by question id; undefined when it carries none for this section. */
function shownDigestsById(
  section: QuestionnaireSection,
  digests: readonly string[] | undefined,
): Record<string, string> | undefined {
  if (!digests || digests.length !== section.questions.length) return undefined;
  return Object.fromEntries(section.questions.map((q, i) => [q.id, digests[i] ?? ""]));
}

/**
 * The input to keep when some questions were shown as a summary (a stored answer too big for a box): such a
 * question counts as handing back what it holds now, so it is left as it is (never saved as empty), unless
 * its "clear" box was ticked, which hands back nothing. Their digests become what they hold now, so neither
 * counts as someone else's change.
 */
function withSummariesKept(
  section: QuestionnaireSection,
  shown: Record<string, string> | undefined,
  raw: Record<string, RawInput>,
  current: Record<string, RawInput>,
): { shown: Record<string, string> | undefined; raw: Record<string, RawInput>; summarised: string[] } {
  const summarised = section.questions.filter((q) => shown?.[q.id] === SHOWN_AS_SUMMARY).map((q) => q.id);
  if (!shown || summarised.length === 0) return { shown, raw, summarised };
  const keptShown = { ...shown };
  const keptRaw = { ...raw };
  for (const id of summarised) {
    const cleared = Array.isArray(raw[id]) && raw[id].includes(CLEAR_STORED_ANSWER);
    keptShown[id] = inputDigest(current[id]);
    keptRaw[id] = cleared ? null : current[id];
  }
  return { shown: keptShown, raw: keptRaw, summarised };
}

/** Someone else's change that this person's answer replaced: told to them in their next view. */
export interface ReplacedAnswer {
  question: QuestionnaireSection["questions"][number];
  /** Who had changed it. */
  by: string;
}

export interface KeptSectionInput {
  replaced: ReplacedAnswer[];
  /** By question id: what to answer a submission with. */
  errors: Record<string, string>;
}

/**
 * Keeps what someone changed in a section, merged per question with what others changed since their modal
 * was shown (see `mergeSection`): valid answers are saved (audited with the value they replace), malformed
 * ones are kept in the section's draft exactly as typed, and nothing they left alone is written.
 * `submit` (Next) also checks the section: the errors to answer with, leaving out questions someone else
 * changed since the modal was shown (their stale text is not this person's to fix); with none, the draft
 * is cleared once nothing is left in it. Returns those errors and whose changes this person replaced.
 */
export function keepSectionInput(
  deps: InterviewWriteDeps,
  ctx: InterviewContext,
  args: {
    sectionIndex: number;
    /** The digests the modal carried (see `InterviewScreen`). */
    shownDigests: readonly string[] | undefined;
    raw: Record<string, RawInput>;
    actorId: string;
    submit: boolean;
    /**
     * Whether values offered from a system profile and left as shown are saved (with their source): when the
     * person saves the section (Next, Save & close), not when they only move away from it (Back, Skip).
     * Defaults to `submit`.
     */
    keepOffered?: boolean;
    /** How the chat platform names a person (person questions hold one). */
    isPersonId: IsPersonId;
  },
): KeptSectionInput {
  const section = ctx.questionnaire.sections[args.sectionIndex];
  if (!section) return { replaced: [], errors: {} };
  const projectId = ctx.project.id;
  const questionIds = section.questions.map((q) => q.id);
  const answerRows = loadAnswerRowsFor(deps.db, projectId, questionIds);
  const draftRow = loadDraftRow(deps.db, projectId, section.id);
  const draft: Record<string, unknown> = { ...(draftRow?.raw ?? {}) };
  const stored = Object.fromEntries(answerRows.map((r) => [r.questionId, r.value]));
  const holding = withDraft(stored, draftRow?.raw);
  const prefill = prefillFor(ctx, section, holding);
  const current = shownInputs(section, withPrefill(holding, prefill));
  const { shown, raw, summarised } = withSummariesKept(
    section,
    shownDigestsById(section, args.shownDigests),
    args.raw,
    current,
  );
  const merge = mergeSection({ questionIds, shown, submitted: raw, current });
  const checked = args.submit ? validateSection(section, raw, args.isPersonId) : undefined;
  const errors = Object.fromEntries(
    Object.entries(checked?.ok === false ? checked.errors : {}).filter(
      ([id]) => !merge.keptNewer.includes(id) && !summarised.includes(id),
    ),
  );
  const finished = args.submit && Object.keys(errors).length === 0;
  const touchedIds = Object.keys(merge.touched);
  // Offered values left exactly as shown are kept as the profile's, with their source.
  const kept = Object.fromEntries(
    Object.entries((args.keepOffered ?? args.submit) ? (prefill?.values ?? {}) : {}).filter(([id, value]) => {
      const question = section.questions.find((q) => q.id === id);
      if (!question || id in merge.touched || merge.keptNewer.includes(id)) return false;
      return inputDigest(args.raw[id]) === inputDigest(formatAnswerForInput(question, value));
    }),
  );
  if (touchedIds.length === 0 && Object.keys(kept).length === 0) {
    // Nothing changed here: nothing is written (a finished section loses an empty "you were here" draft).
    if (finished && draftRow && Object.keys(draft).length === 0) clearDraft(deps.db, projectId, section.id);
    return { replaced: [], errors };
  }

  const at = deps.clock();
  const { valid, invalid } = salvageSection(section, raw, args.isPersonId);
  const pick = <T>(from: Record<string, T>) =>
    Object.fromEntries(Object.entries(from).filter(([id]) => touchedIds.includes(id)));
  saveAnswers(deps.db, {
    projectId,
    sectionId: section.id,
    values: { ...pick(valid), ...kept },
    sources: Object.fromEntries(
      Object.keys(kept).flatMap((id) => (prefill?.sources[id] ? [[id, prefill.sources[id]]] : [])),
    ),
    actorId: args.actorId,
    at,
    refresh: { timing: deps.timing },
  });
  for (const id of touchedIds) delete draft[id];
  Object.assign(draft, pick(invalid));
  if (finished && Object.keys(draft).length === 0) clearDraft(deps.db, projectId, section.id);
  else saveDraft(deps.db, { projectId, sectionId: section.id, raw: draft, actorId: args.actorId, at });

  // Who had changed what this person replaced: the draft's author for text kept as typed, else the answer's.
  const authorOf = (id: string) =>
    id in (draftRow?.raw ?? {}) ? draftRow?.savedBy : answerRows.find((r) => r.questionId === id)?.answeredBy;
  const replaced = merge.replaced.flatMap((id) => {
    const question = section.questions.find((q) => q.id === id);
    const by = authorOf(id);
    return question && by && by !== args.actorId ? [{ question, by }] : [];
  });
  return { replaced, errors };
}

/** How far a project's interview is (sections complete, required answers missing). */
export function projectInterviewProgress(deps: InterviewReadDeps, project: ProjectRow): InterviewProgress {
  const { questionnaire } = interviewOf(project);
  return interviewProgress(questionnaire, loadAnswers(deps.db, project.id) as Answers);
}
