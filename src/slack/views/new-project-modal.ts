import { INTEGRATION_TYPE_LABELS, INTEGRATION_TYPES } from "../../domain/integration-type.js";
import { PROJECT_LIMITS } from "../../domain/project.js";
import { CALLBACK, NEW_PROJECT_FIELD as F } from "../ids.js";
import { writePrivateMetadata } from "../private-metadata.js";
import { context, input, type ModalView, option, plainText } from "./block-kit.js";

export interface NewProjectMetadata {
  channelId: string;
}

// Action ids are unique within the view (as Slack requires): each element is named after its block.
const textInput = (
  actionId: string,
  max: number,
  options: { multiline?: boolean; placeholder?: string } = {},
) => ({
  type: "plain_text_input" as const,
  action_id: actionId,
  max_length: max,
  multiline: options.multiline ?? false,
  ...(options.placeholder ? { placeholder: plainText(options.placeholder, 150) } : {}),
});

const TYPE_OPTIONS = [
  option("Auto-detect from the systems", "auto"),
  ...INTEGRATION_TYPES.map((t) => option(INTEGRATION_TYPE_LABELS[t], t)),
];

/** The `/intplan new` modal. The channel travels in private_metadata; each field is its own block. */
export function buildNewProjectModal(metadata: NewProjectMetadata, channelName?: string): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACK.newProject,
    private_metadata: writePrivateMetadata(metadata),
    title: plainText("New integration project", 24),
    submit: plainText("Create project", 24),
    close: plainText("Cancel", 24),
    blocks: [
      context(
        `The project will be bound to ${channelName ? `#${channelName}` : "this channel"}. You can answer the discovery questions next.`,
      ),
      input(
        F.name,
        "Project name",
        textInput(F.name, PROJECT_LIMITS.name, { placeholder: "Acme order sync" }),
      ),
      input(
        F.clientName,
        "Client name",
        textInput(F.clientName, PROJECT_LIMITS.clientName, { placeholder: "Acme Outdoor Co." }),
      ),
      input(
        F.systemA,
        "System A (source)",
        textInput(F.systemA, PROJECT_LIMITS.system, { placeholder: "Shopify" }),
      ),
      input(
        F.systemB,
        "System B (target)",
        textInput(F.systemB, PROJECT_LIMITS.system, { placeholder: "QuickBooks Online" }),
      ),
      input(F.integrationType, "Integration type", {
        type: "static_select",
        action_id: F.integrationType,
        options: TYPE_OPTIONS,
        initial_option: TYPE_OPTIONS[0],
      }),
      input(
        F.leadEngineerId,
        "Lead engineer",
        { type: "users_select", action_id: F.leadEngineerId },
        { optional: true },
      ),
      input(
        F.projectManagerId,
        "Project manager",
        { type: "users_select", action_id: F.projectManagerId },
        { optional: true },
      ),
      input(
        F.targetGoLive,
        "Target go-live date",
        { type: "datepicker", action_id: F.targetGoLive },
        { optional: true },
      ),
      input(
        F.volumeEstimate,
        "Data volume estimate",
        textInput(F.volumeEstimate, PROJECT_LIMITS.volumeEstimate, {
          placeholder: "About 500 orders a day, 12,000 SKUs",
        }),
        { optional: true },
      ),
      input(
        F.summary,
        "Short summary",
        textInput(F.summary, PROJECT_LIMITS.summary, {
          multiline: true,
          placeholder: "What are we connecting, and why does the client need it?",
        }),
        { optional: true },
      ),
    ],
  };
}
