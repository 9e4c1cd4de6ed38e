import type { BlockAction, ButtonAction, StaticSelectAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../../deps.js";
import { revertSection, sectionEditorHere } from "../../../services/section-editing.js";
import { ACTION_PATTERN } from "../../ids.js";
import { escapeMrkdwn } from "../../views/mrkdwn.js";
import {
  buildSectionEditGoneModal,
  buildSectionEditModal,
  readSectionEditMetadata,
} from "../../views/section-edit-modal.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

type View = NonNullable<BlockAction["view"]>;

/** Replaces the open modal; a modal changed meanwhile (hash conflict) or closed is left as it is. */
async function updateModal(
  deps: AppDeps,
  client: WebClient,
  view: View,
  next: Parameters<WebClient["views"]["update"]>[0]["view"],
) {
  try {
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  } catch (error) {
    deps.logger.warn("views.update failed for the section editor:", error);
  }
}

/** The modal's project and document, as its metadata says, in the place the action came from. */
function modalTarget(body: BlockAction, view: View) {
  const meta = readSectionEditMetadata(view.private_metadata);
  if (!meta) return undefined;
  return {
    key: meta.key,
    where: { place: placeOf(body, meta.channelId), projectId: meta.projectId, kind: meta.kind },
  };
}

/** The section pickers and the Revert / Delete buttons of the `/intplan edit` modal. */
export function registerSectionEditButtons(listeners: Listeners, deps: AppDeps): void {
  listeners.action<BlockAction<StaticSelectAction>>(
    ACTION_PATTERN.pickSection,
    async ({ ack, body, action, client }) => {
      await ack();
      const view = body.view;
      if (!view) return;
      const target = modalTarget(body, view);
      const outcome = target ? sectionEditorHere(deps, target.where) : { kind: "not-here" as const };
      if (outcome.kind === "not-here") {
        await updateModal(deps, client, view, buildSectionEditGoneModal());
        return;
      }
      const selected = action.selected_option?.value ?? null;
      // The document may have changed since the picker was built (an answer moved a section out of it).
      const gone = selected !== null && !outcome.editor.sections.some((s) => s.key === selected);
      const notice = gone ? "That section is not in the document any more: pick another one." : undefined;
      await updateModal(
        deps,
        client,
        view,
        buildSectionEditModal({ editor: outcome.editor, selected, ...(notice ? { notice } : {}) }),
      );
    },
  );

  listeners.action<BlockAction<ButtonAction>>(
    ACTION_PATTERN.revertSection,
    async ({ ack, body, action, client }) => {
      await ack();
      const view = body.view;
      if (!view) return;
      const target = modalTarget(body, view);
      const outcome = target
        ? revertSection(deps, { ...target.where, key: action.value ?? "", actorId: body.user.id })
        : { kind: "not-here" as const };
      if (outcome.kind === "not-here") {
        await updateModal(deps, client, view, buildSectionEditGoneModal());
        return;
      }
      const notice =
        outcome.kind === "reverted"
          ? outcome.orphaned
            ? `:wastebasket: Deleted the edit of *${escapeMrkdwn(outcome.heading)}*.`
            : `:leftwards_arrow_with_hook: Reverted *${escapeMrkdwn(outcome.heading)}*: the generated text is back from the document's next refresh (a canvas within a few seconds).`
          : "That edit was already reverted: this is the section as it reads now.";
      await updateModal(
        deps,
        client,
        view,
        buildSectionEditModal({ editor: outcome.editor, selected: target?.key ?? null, notice }),
      );
    },
  );
}
