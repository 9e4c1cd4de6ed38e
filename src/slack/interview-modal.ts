import { z } from "zod";
import {
  type InterviewContext,
  type InterviewScreen,
  type ReplacedAnswer,
  SUMMARY,
} from "../services/discovery-interview.js";
import { readPrivateMetadata, writePrivateMetadata } from "./private-metadata.js";
import type { ModalView } from "./views/block-kit.js";
import { buildInterviewSummaryView } from "./views/interview-summary-view.js";
import { buildInterviewSectionView, replacedNotice } from "./views/interview-view.js";

/**
 * The interview modal on the Slack side: what it carries in private_metadata, and the modal for a screen
 * the interview service worked out. Keys are one letter because private_metadata holds at most 3000 chars.
 */

/**
 * The project, the section on screen, the digest of what each of its questions showed (in order), the
 * questionnaire version it was opened on (a project may move to another while the modal is open; older
 * modals do not say), and, for a modal opened from an ask (`/intplan ask`), the sections it walks (their
 * indexes, in order).
 */
const metadataSchema = z.object({
  p: z.number().int().positive(),
  s: z.number().int().min(-1).max(99),
  d: z.array(z.string().max(12)).max(100).optional(),
  v: z.number().int().positive().max(999).optional(),
  a: z.array(z.number().int().min(0).max(99)).max(40).optional(),
});
export type InterviewMetadata = z.infer<typeof metadataSchema>;

export const encodeMetadata = (meta: InterviewMetadata): string => writePrivateMetadata(meta);

export const decodeMetadata = (text: string | undefined): InterviewMetadata | undefined =>
  readPrivateMetadata(metadataSchema, text);

/** Where a modal's metadata says it is, in the service's terms. */
export const interviewPlaceOf = (meta: InterviewMetadata) => ({
  projectId: meta.p,
  sectionIndex: meta.s,
  shownDigests: meta.d,
  walk: meta.a,
});

/** The modal for a screen (a section or the summary); `notices` head it (a merge's news). */
export function buildInterviewModal(
  ctx: InterviewContext,
  screen: InterviewScreen,
  notices: readonly string[] = [],
  /** The sections an ask opened: the modal walks only these. */
  walk?: readonly number[],
): ModalView {
  const { project, questionnaire } = ctx;
  if (screen.kind === "summary") {
    const privateMetadata = encodeMetadata({ p: project.id, s: SUMMARY });
    return buildInterviewSummaryView({
      questionnaire,
      answers: screen.answers,
      project,
      privateMetadata,
      notices,
    });
  }
  const privateMetadata = encodeMetadata({
    p: project.id,
    s: screen.sectionIndex,
    d: screen.shownDigests,
    v: questionnaire.version,
    ...(walk ? { a: [...walk] } : {}),
  });
  return buildInterviewSectionView({
    questionnaire,
    sectionIndex: screen.sectionIndex,
    answers: screen.answers,
    project,
    privateMetadata,
    notices,
    ...(screen.prefill ? { prefill: screen.prefill } : {}),
    ...(screen.profileSources ? { profileSources: screen.profileSources } : {}),
  });
}

/** Tells this person whose changes their answers replaced. */
export const replacedNotices = (ctx: InterviewContext, replaced: readonly ReplacedAnswer[]): string[] =>
  replaced.map(({ question, by }) => replacedNotice(question, by, ctx.project));
