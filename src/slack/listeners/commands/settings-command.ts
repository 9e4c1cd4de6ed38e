import { settingsPageFor } from "../../../services/settings-service.js";
import { buildSettingsModal } from "../../views/settings-modal.js";
import { openModal } from "../open-modal.js";
import { defineSubcommand } from "./define-subcommand.js";

/**
 * `/intplan settings`: the channel's reminder settings in a modal, editable for the lead engineer, the
 * project manager and the creator, read-only for anyone else.
 */
export const settingsCommand = defineSubcommand({
  name: "settings",
  needsProject: true,
  async handle({ project, ack, respond, client, body, deps }) {
    await ack();
    const page = await settingsPageFor(deps, project, body.user_id);
    await openModal(client, deps.logger, {
      triggerId: body.trigger_id,
      view: buildSettingsModal({ project, ...page }),
      what: "the reminder settings",
      retry: "Please run `/intplan settings` again.",
      respond,
    });
  },
});
