import type { ViewOutput } from "@slack/bolt";
import type { Answers, RawInput } from "../../domain/questionnaire/answers.js";
import type { Questionnaire, QuestionnaireSection } from "../../domain/questionnaire/definition.js";
import { sectionProgress } from "../../domain/questionnaire/progress.js";
import type { SectionPrefill } from "../../domain/system-profiles/prefill.js";
import { checkedOnLabel, type ProfileSource, vendorDocs } from "../../domain/system-profiles/source-words.js";
import { withSystemNames } from "../../domain/text.js";
import {
  actions,
  button,
  context,
  header,
  type KnownBlock,
  type ModalView,
  plainText,
  section,
} from "./block-kit.js";
import { buildQuestionInput } from "./interview-question-input.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { readStateValue } from "./view-state.js";

/**
 * The discovery interview, one modal per section. "Next" (or "Finish") submits the section; the
 * handler answers `response_action: "update"` with the next section's view, or `"errors"` keyed by
 * question id. "Back" and "Skip section" are buttons in the view.
 */

export const INTERVIEW_CALLBACK_ID = "interview_section";
export const INTERVIEW_SUMMARY_CALLBACK_ID = "interview_summary";

export const INTERVIEW_ACTION = {
  back: "interview_back",
  skip: "interview_skip",
} as const;

/**
 * The summary's "Open" buttons, one per section: action ids must be unique in a view, so each carries
 * its section's 0-based index (also the button's value). Listen with `app.action(OPEN_SECTION_ACTION)`.
 */
export const OPEN_SECTION_ACTION = /^interview_open_section:(\d+)$/;
export const openSectionActionId = (sectionIndex: number) => `interview_open_section:${sectionIndex}`;

export const INTERVIEW_NAV_BLOCK_ID = "interview_nav";

export interface InterviewProject {
  code: string;
  name: string;
  systemA: string;
  systemB: string;
}

export interface InterviewSectionViewInput {
  questionnaire: Questionnaire;
  /** 0-based. */
  sectionIndex: number;
  answers: Answers;
  project: InterviewProject;
  privateMetadata: string;
  /** Messages to show under questions, keyed by question id, when the view is rebuilt after a problem. */
  errors?: Readonly<Record<string, string>>;
  /** Lines (mrkdwn) to show at the top: what happened to this person's last edit. */
  notices?: readonly string[];
  /** Values offered from the system's profile for questions with no answer (see `SectionPrefill`). */
  prefill?: Pick<SectionPrefill, "values" | "sources">;
  /** By question id: the profile source of answers saved as a profile offered them. */
  profileSources?: Readonly<Record<string, ProfileSource>>;
}

/**
 * Heads a section showing a profile's values: which profile, that they come from the vendor's published
 * documentation and when it was read, and to edit what differs for this client.
 */
function profileIntro(sources: readonly ProfileSource[]): KnownBlock | undefined {
  const first = sources[0];
  if (!first) return undefined;
  const name = escapeMrkdwn(first.systemName);
  const days = [...new Set(sources.map((s) => s.checkedOn))].sort().map(checkedOnLabel).join(", ");
  return context(
    `:books: Pre-filled from the *${name}* profile: values from ${name}'s published API documentation (checked ${days}). Edit anything that differs for this client.`,
  );
}

/** Under a profile's value: the vendor page it comes from. */
const profileSourceNote = (source: ProfileSource) =>
  context(
    `From the profile: <${source.url}|${escapeMrkdwn(vendorDocs(source))}>, checked ${checkedOnLabel(source.checkedOn)}`,
  );

export function sectionHeading(
  questionnaire: Questionnaire,
  index: number,
  project: InterviewProject,
): string {
  const section = questionnaire.sections[index];
  const title = section ? withSystemNames(section.title, project) : "";
  return `Section ${index + 1} of ${questionnaire.sections.length}: ${title}`;
}

export const projectLine = (project: InterviewProject) =>
  `*${escapeMrkdwn(project.code)}* · ${escapeMrkdwn(project.name)}`;

function sectionAt(questionnaire: Questionnaire, index: number): QuestionnaireSection {
  const section = questionnaire.sections[index];
  if (!section) {
    throw new RangeError(
      `Section ${index + 1} does not exist; the questionnaire has ${questionnaire.sections.length}.`,
    );
  }
  return section;
}

const errorNote = (message: string) => context(`:warning: ${escapeMrkdwn(message)}`);

/** Told to the person whose modal was stale: someone else changed a question they then changed too. */
export function replacedNotice(
  question: { label: string },
  userId: string,
  project: InterviewProject,
): string {
  const label = escapeMrkdwn(withSystemNames(question.label, project));
  return `:information_source: <@${userId}> changed *${label}* while you were editing; your answer replaced theirs.`;
}

/** The notices as context blocks (a context block holds at most 10 elements). */
export const noticeBlocks = (notices: readonly string[] = []): KnownBlock[] =>
  notices.length === 0 ? [] : [context(...notices.slice(0, 10))];

export function buildInterviewSectionView(input: InterviewSectionViewInput): ModalView {
  const {
    questionnaire,
    sectionIndex,
    answers,
    project,
    errors = {},
    notices,
    prefill,
    profileSources,
  } = input;
  const section = sectionAt(questionnaire, sectionIndex);
  /** The source of what each question shows: an offered value's, or a saved answer's kept as offered. */
  const sourceOf = (id: string) => (answers[id] === undefined ? prefill?.sources[id] : profileSources?.[id]);
  const profileNote = profileIntro(
    section.questions.flatMap((q) => {
      const source = sourceOf(q.id);
      return source ? [source] : [];
    }),
  );
  const total = questionnaire.sections.length;
  const isLast = sectionIndex === total - 1;
  const progress = sectionProgress(section, sectionIndex, answers);
  const intro = section.intro ? escapeMrkdwn(withSystemNames(section.intro, project)) : undefined;

  const questionBlocks = section.questions.flatMap((question): KnownBlock[] => {
    const block = buildQuestionInput(question, answers[question.id] ?? prefill?.values[question.id], project);
    const error = errors[question.id];
    const source = sourceOf(question.id);
    return [block, ...(source ? [profileSourceNote(source)] : []), ...(error ? [errorNote(error)] : [])];
  });
  const nav = [
    ...(sectionIndex > 0 ? [button("Back", INTERVIEW_ACTION.back, { value: String(sectionIndex) })] : []),
    button("Skip section", INTERVIEW_ACTION.skip, { value: String(sectionIndex) }),
  ];

  return {
    type: "modal",
    callback_id: INTERVIEW_CALLBACK_ID,
    private_metadata: input.privateMetadata,
    notify_on_close: true,
    title: plainText(`Discovery ${sectionIndex + 1}/${total}`, 24),
    submit: plainText(isLast ? "Finish" : "Next", 24),
    close: plainText("Save & close", 24),
    blocks: [
      header(sectionHeading(questionnaire, sectionIndex, project)),
      context(
        projectLine(project),
        ...(intro ? [intro] : []),
        `${progress.answered} of ${progress.total} answered`,
      ),
      ...noticeBlocks(notices),
      ...(profileNote ? [profileNote] : []),
      ...questionBlocks,
      actions(INTERVIEW_NAV_BLOCK_ID, nav),
    ],
  };
}

/** What a submitted (or closed) section modal holds, as raw input per question id. */
export function readSectionState(
  section: QuestionnaireSection,
  values: ViewOutput["state"]["values"],
): Record<string, RawInput> {
  return Object.fromEntries(section.questions.map((q) => [q.id, readStateValue(values[q.id]?.[q.id])]));
}

/** Shown instead of a section when the modal's project is gone or the modal is not one intplan made. */
export function buildInterviewGoneView(): ModalView {
  return {
    type: "modal",
    title: plainText("Discovery", 24),
    close: plainText("Close", 24),
    blocks: [
      section(
        "This project no longer exists in this channel, so nothing was saved. `/intplan new` starts a project.",
      ),
    ],
  };
}
