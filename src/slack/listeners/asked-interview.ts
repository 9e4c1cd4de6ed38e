import type { AppDeps } from "../../deps.js";
import { askedSections, loadAskedInterview } from "../../services/asks-service.js";
import { type InterviewContext, loadInterview } from "../../services/discovery-interview.js";
import { buildAskDoneView } from "../views/ask-messages.js";
import type { ModalView } from "../views/block-kit.js";

/**
 * The interview a modal belongs to: the project of this workspace, as always; for a modal an ask opened (it
 * carries a walk), also a project of another workspace when the person was asked for the section on screen
 * (someone from another organisation in a shared channel: the ask is the grant).
 */
export function interviewForModal(
  deps: Pick<AppDeps, "db">,
  args: {
    teamId: string;
    userId: string;
    place: { projectId: number; sectionIndex: number; walk?: readonly number[] };
  },
): InterviewContext | undefined {
  const ctx = loadInterview(deps, args.teamId, args.place);
  if (ctx || !args.place.walk) return ctx;
  return loadAskedInterview(deps, { ...args.place, userId: args.userId });
}

/** The end of an ask's walk: thanks for the sections it opened. */
export const walkDoneView = (ctx: InterviewContext, walk: readonly number[]): ModalView => {
  const ids = walk.flatMap((i) => {
    const id = ctx.questionnaire.sections[i]?.id;
    return id ? [id] : [];
  });
  return buildAskDoneView(askedSections(ctx.project, ids));
};
