import type { Answers } from "../../domain/questionnaire/answers.js";
import type { Questionnaire } from "../../domain/questionnaire/definition.js";
import { interviewProgress, type SectionProgress } from "../../domain/questionnaire/progress.js";
import { withSystemNames } from "../../domain/text.js";
import { button, context, header, type ModalView, plainText, section } from "./block-kit.js";
import {
  INTERVIEW_SUMMARY_CALLBACK_ID,
  type InterviewProject,
  noticeBlocks,
  openSectionActionId,
  projectLine,
} from "./interview-view.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** The end of the interview: which sections are complete and which required answers are still missing. */

export interface InterviewSummaryViewInput {
  questionnaire: Questionnaire;
  answers: Answers;
  project: InterviewProject;
  privateMetadata: string;
  /** Lines (mrkdwn) to show at the top: what happened to this person's last edit. */
  notices?: readonly string[];
}

const STATUS_ICON: Record<SectionProgress["status"], string> = {
  complete: ":white_check_mark:",
  incomplete: ":warning:",
  not_started: ":white_circle:",
};

/** The status in words beside its emoji (a screen reader reads an emoji's name, not what it means). */
const STATUS_WORDS: Record<SectionProgress["status"], string> = {
  complete: "Complete",
  incomplete: "Incomplete",
  not_started: "Not started",
};

function sectionLine(progress: SectionProgress, project: InterviewProject): string {
  const named = (text: string) => escapeMrkdwn(withSystemNames(text, project));
  const title = `${STATUS_ICON[progress.status]} *${progress.index + 1}. ${named(progress.title)}*`;
  const counts = `${STATUS_WORDS[progress.status]}: ${progress.answered} of ${progress.total} answered`;
  const missing = progress.requiredMissing.map((m) => named(m.label)).join(", ");
  return missing ? `${title}\n${counts}. Still needed: ${missing}` : `${title}\n${counts}`;
}

export function buildInterviewSummaryView(input: InterviewSummaryViewInput): ModalView {
  const { questionnaire, answers, project } = input;
  const progress = interviewProgress(questionnaire, answers);
  const missing = progress.requiredMissing.length;
  return {
    type: "modal",
    callback_id: INTERVIEW_SUMMARY_CALLBACK_ID,
    private_metadata: input.privateMetadata,
    title: plainText("Discovery summary", 24),
    close: plainText("Done", 24),
    blocks: [
      header(`${progress.sectionsComplete} of ${progress.sectionsTotal} sections complete`),
      context(
        projectLine(project),
        missing === 0
          ? "Every required answer is in."
          : `${missing} required ${missing === 1 ? "answer is" : "answers are"} still missing.`,
      ),
      ...noticeBlocks(input.notices),
      ...progress.perSection.map((s) =>
        section(sectionLine(s, project), {
          accessory: button(s.status === "complete" ? "Review" : "Open", openSectionActionId(s.index), {
            value: String(s.index),
          }),
        }),
      ),
    ],
  };
}
