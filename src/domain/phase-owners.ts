import { readText } from "./analysis/read-answers.js";
import type { Answers } from "./questionnaire/answers.js";

/**
 * Who owns each phase: the person set for it (`/intplan phase <n> owner @person`), else the one the team
 * makes the natural owner. Moving a phase never makes anyone its owner.
 */

export interface ProjectTeam {
  leadEngineerId: string | null;
  projectManagerId: string | null;
  backendDeveloperId: string | null;
  qaEngineerId: string | null;
  devopsEngineerId: string | null;
}

/** The team as the project and the interview's team answers name it. */
export function teamOf(
  project: { leadEngineerId: string | null; projectManagerId: string | null },
  answers: Answers,
): ProjectTeam {
  return {
    leadEngineerId: project.leadEngineerId,
    projectManagerId: project.projectManagerId,
    backendDeveloperId: readText(answers, "backend_developer"),
    qaEngineerId: readText(answers, "qa_engineer"),
    devopsEngineerId: readText(answers, "devops_engineer"),
  };
}

/**
 * Discovery: the lead; Development: the backend developer, else the lead; Testing: QA; Deployment: DevOps;
 * Post-launch: the PM. Null when the team names nobody for it.
 */
export function defaultPhaseOwner(phaseNumber: number, team: ProjectTeam): string | null {
  switch (phaseNumber) {
    case 1:
      return team.leadEngineerId;
    case 2:
      return team.backendDeveloperId ?? team.leadEngineerId;
    case 3:
      return team.qaEngineerId;
    case 4:
      return team.devopsEngineerId;
    case 5:
      return team.projectManagerId;
    default:
      return null;
  }
}

/** The phase's owner: the one set for it wins over the team's default. */
export function phaseOwner(
  phase: { number: number; ownerId?: string | null },
  team: ProjectTeam,
): string | null {
  return phase.ownerId ?? defaultPhaseOwner(phase.number, team);
}
