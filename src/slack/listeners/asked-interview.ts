import type { AppDeps } from "../../deps.js";
import { askedSections, loadAskedInterview } from "../../services/asks-service.js";
import {
  type InterviewContext,
  loadInterview,
  placeInProjectVersion,
  SUMMARY,
} from "../../services/discovery-interview.js";
import { buildAskDoneView } from "../views/ask-messages.js";
import type { ModalView } from "../views/block-kit.js";

type ModalPlace = {
  projectId: number;
  sectionIndex: number;
  shownDigests?: readonly string[];
  walk?: readonly number[];
};

/**
 * The interview a modal belongs to, and where in it the modal is: the project of this workspace, as always; for
 * a modal an ask opened (it carries a walk), also a project of another workspace when the person was asked for
 * the section on screen (someone from another organisation in a shared channel: the ask is the grant). A modal
 * opened before the project moved to another questionnaire version (`openedOn`) is placed on the same
 * section, and its walk on the same sections, by id in the project's version now.
 */
export function interviewForModal<P extends ModalPlace>(
  deps: Pick<AppDeps, "db">,
  args: { teamId: string; userId: string; place: P; openedOn?: number },
): (InterviewContext & { place: P & { shownDigests: readonly string[] | undefined } }) | undefined {
  const opened = { ...args.place, shownDigests: args.place.shownDigests };
  const project = loadInterview(deps, args.teamId, { projectId: opened.projectId, sectionIndex: SUMMARY });
  const here = project && placeInProjectVersion(project, opened, args.openedOn);
  if (project) {
    if (!here || !loadInterview(deps, args.teamId, here)) return undefined;
    return { ...project, place: here };
  }
  if (!opened.walk) return undefined;
  const asked = loadAskedInterview(deps, { ...opened, userId: args.userId, openedOn: args.openedOn });
  return asked && { ...asked.ctx, place: { ...opened, ...asked.place } };
}

/** The end of an ask's walk: thanks for the sections it opened. */
export const walkDoneView = (ctx: InterviewContext, walk: readonly number[]): ModalView => {
  const ids = walk.flatMap((i) => {
    const id = ctx.questionnaire.sections[i]?.id;
    return id ? [id] : [];
  });
  return buildAskDoneView(askedSections(ctx.project, ids));
};
