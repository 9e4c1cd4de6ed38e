import type { AppDeps } from "../../../deps.js";
import { saveSectionText } from "../../../services/section-editing.js";
import { CALLBACK } from "../../ids.js";
import { documentText } from "../../section-text.js";
import { escapeMrkdwn } from "../../views/mrkdwn.js";
import {
  buildSectionEditGoneModal,
  buildSectionEditModal,
  readSectionEditMetadata,
  sectionTextBlockId,
} from "../../views/section-edit-modal.js";
import { readBlockValues } from "../../views/view-state.js";
import { placeOf } from "../project-scope.js";
import type { Listeners } from "../registry.js";

/**
 * The `/intplan edit` modal, submitted: the section's new text is saved (and the canvas refreshed through the
 * outbox), and the modal shows the section as it now reads. Text that cannot be saved is answered on the box.
 */
export function registerSectionEditSubmission(listeners: Listeners, deps: AppDeps): void {
  listeners.view(CALLBACK.editSection, async ({ ack, body, view }) => {
    const meta = readSectionEditMetadata(view.private_metadata);
    if (!meta?.key) {
      await ack({ response_action: "update", view: buildSectionEditGoneModal() });
      return;
    }
    const blockId = sectionTextBlockId(meta.key);
    const typed = readBlockValues(view.state)[blockId];
    const text = typeof typed === "string" ? typed : "";
    const outcome = saveSectionText(deps, {
      place: placeOf(body, meta.channelId),
      projectId: meta.projectId,
      kind: meta.kind,
      key: meta.key,
      text: documentText(text),
      actorId: body.user.id,
      shownVersion: meta.shown ?? "",
    });
    const onTheBox = (message: string) => ({
      response_action: "errors" as const,
      errors: { [blockId]: message },
    });
    switch (outcome.kind) {
      case "not-here":
        await ack({ response_action: "update", view: buildSectionEditGoneModal() });
        return;
      case "invalid":
        await ack(onTheBox(outcome.problem));
        return;
      case "unchanged":
        await ack(onTheBox("This is the section's text already: change it to save, or close the form."));
        return;
      case "changed":
        await ack({
          response_action: "update",
          view: buildSectionEditModal({
            editor: outcome.editor,
            selected: meta.key,
            draft: text,
            notice:
              ":warning: While you were writing, this section changed (an answer changed it, or someone saved their text), so nothing was saved. Your text is still in the box, and the section as it reads now is below it: save again to put yours in its place.",
          }),
        });
        return;
      case "gone":
        await ack(
          onTheBox(
            "This section is not in the document any more (an answer changed what it is made of), so nothing was saved. Copy your text and close the form to pick another section.",
          ),
        );
        return;
      case "saved": {
        const folded =
          outcome.folded.length > 0
            ? ` The wording of its subsection${outcome.folded.length === 1 ? "" : "s"} ${outcome.folded.map((h) => `*${escapeMrkdwn(h)}*`).join(", ")} is part of this text now.`
            : "";
        const notice = `:white_check_mark: Saved your text of *${escapeMrkdwn(outcome.heading)}*: the document shows it from its next refresh (a canvas within a few seconds), and every later canvas, export and frozen version keeps it.${folded}`;
        await ack({
          response_action: "update",
          view: buildSectionEditModal({ editor: outcome.editor, selected: meta.key, notice }),
        });
        return;
      }
    }
  });
}
