import type { ProjectRow } from "../../db/schema.js";
import { INTEGRATION_TYPE_LABELS, isIntegrationType } from "../../domain/integration-type.js";
import { ACTION } from "../ids.js";
import { actions, button, context, fields, header, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

export interface InterviewProgressSummary {
  sectionsComplete: number;
  sectionsTotal: number;
  requiredMissing: number;
}

export type CardProject = Pick<
  ProjectRow,
  | "id"
  | "code"
  | "name"
  | "clientName"
  | "systemA"
  | "systemB"
  | "integrationType"
  | "integrationTypeSource"
  | "leadEngineerId"
  | "projectManagerId"
  | "targetGoLive"
  | "volumeEstimate"
  | "summary"
>;

function typeLabel(project: CardProject): string {
  const label = isIntegrationType(project.integrationType)
    ? INTEGRATION_TYPE_LABELS[project.integrationType]
    : "Unknown";
  return project.integrationTypeSource === "auto" ? `${label} (auto-detected)` : label;
}

export function progressLine(progress: InterviewProgressSummary | undefined): string {
  if (!progress) return "Discovery interview: not started";
  const missing =
    progress.requiredMissing === 0
      ? "no required answers missing"
      : `${progress.requiredMissing} required answers missing`;
  return `Discovery interview: ${progress.sectionsComplete} of ${progress.sectionsTotal} sections complete, ${missing}`;
}

/** The project card posted when a project is created and shown by `/intplan status`. */
export function buildProjectCard(
  project: CardProject,
  options: { progress?: InterviewProgressSummary; withActions?: boolean } = {},
): MessageContent {
  const name = escapeMrkdwn(project.name);
  const systems = `${escapeMrkdwn(project.systemA)} → ${escapeMrkdwn(project.systemB)}`;
  const blocks = [
    header(`${project.name} (${project.code})`),
    fields([
      `*Code*\n${project.code}`,
      `*Client*\n${escapeMrkdwn(project.clientName)}`,
      `*Systems*\n${systems}`,
      `*Type*\n${typeLabel(project)}`,
      `*Lead engineer*\n${mention(project.leadEngineerId)}`,
      `*Project manager*\n${mention(project.projectManagerId)}`,
      `*Target go-live*\n${project.targetGoLive ?? "_TBD_"}`,
      `*Data volume*\n${project.volumeEstimate ? escapeMrkdwn(project.volumeEstimate) : "_TBD_"}`,
    ]),
    ...(project.summary ? [section(`*Summary*\n${escapeMrkdwn(project.summary)}`)] : []),
    context(progressLine(options.progress)),
    ...(options.withActions === false
      ? []
      : [
          actions(`project_card_${project.id}`, [
            button("Start discovery interview", ACTION.startInterview, {
              value: String(project.id),
              style: "primary",
            }),
          ]),
        ]),
  ];
  return {
    text: `${name} (${project.code}): ${systems} for ${escapeMrkdwn(project.clientName)}`,
    blocks,
  };
}
