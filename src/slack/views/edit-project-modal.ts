import { INTEGRATION_TYPE_LABELS, INTEGRATION_TYPES } from "../../domain/integration-type.js";
import { PROJECT_LIMITS } from "../../domain/project.js";
import type { ProjectBasics } from "../../domain/project-edit.js";
import { CALLBACK, EDIT_PROJECT_FIELD as F } from "../ids.js";
import { writePrivateMetadata } from "../private-metadata.js";
import { context, input, type ModalView, option, plainText } from "./block-kit.js";

export interface EditProjectMetadata {
  projectId: number;
  channelId: string;
}

const textInput = (actionId: string, max: number, value: string | null, multiline = false) => ({
  type: "plain_text_input" as const,
  action_id: actionId,
  max_length: max,
  multiline,
  ...(value ? { initial_value: value } : {}),
});

const TYPE_OPTIONS = INTEGRATION_TYPES.map((t) => option(INTEGRATION_TYPE_LABELS[t], t));

/**
 * The `/intplan edit project` modal: the project's basics as they are now, each in its own block (the
 * new-project form's blocks, with several integration types; none picked means detect them).
 */
export function buildEditProjectModal(
  metadata: EditProjectMetadata,
  project: ProjectBasics & { code: string },
): ModalView {
  const picked = TYPE_OPTIONS.filter((o) => project.integrationTypes.includes(o.value as never));
  const person = (actionId: string, id: string | null) => ({
    type: "users_select" as const,
    action_id: actionId,
    ...(id ? { initial_user: id } : {}),
  });
  return {
    type: "modal",
    callback_id: CALLBACK.editProject,
    private_metadata: writePrivateMetadata(metadata),
    title: plainText(`Edit ${project.code}`, 24),
    submit: plainText("Save", 24),
    close: plainText("Cancel", 24),
    blocks: [
      context("Change what you need and save: the plan, the Discovery Document and the status board follow."),
      input(F.name, "Project name", textInput(F.name, PROJECT_LIMITS.name, project.name)),
      input(
        F.clientName,
        "Client name",
        textInput(F.clientName, PROJECT_LIMITS.clientName, project.clientName),
      ),
      input(F.systemA, "System A (source)", textInput(F.systemA, PROJECT_LIMITS.system, project.systemA)),
      input(F.systemB, "System B (target)", textInput(F.systemB, PROJECT_LIMITS.system, project.systemB)),
      input(
        F.integrationTypes,
        "Integration types",
        {
          type: "multi_static_select",
          action_id: F.integrationTypes,
          options: TYPE_OPTIONS,
          placeholder: plainText("Auto-detect from the project", 150),
          ...(picked.length > 0 ? { initial_options: picked } : {}),
        },
        {
          optional: true,
          hint: "None picked: detected from the systems and the summary. The first is the main one.",
        },
      ),
      input(F.leadEngineerId, "Lead engineer", person(F.leadEngineerId, project.leadEngineerId), {
        optional: true,
      }),
      input(F.projectManagerId, "Project manager", person(F.projectManagerId, project.projectManagerId), {
        optional: true,
      }),
      input(
        F.targetGoLive,
        "Target go-live date",
        {
          type: "datepicker",
          action_id: F.targetGoLive,
          ...(project.targetGoLive ? { initial_date: project.targetGoLive } : {}),
        },
        { optional: true },
      ),
      input(
        F.volumeEstimate,
        "Data volume estimate",
        textInput(F.volumeEstimate, PROJECT_LIMITS.volumeEstimate, project.volumeEstimate),
        { optional: true },
      ),
      input(F.summary, "Short summary", textInput(F.summary, PROJECT_LIMITS.summary, project.summary, true), {
        optional: true,
      }),
    ],
  };
}
