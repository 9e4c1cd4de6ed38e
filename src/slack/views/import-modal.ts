import type { ImportReview, ReviewItem } from "../../services/answer-import.js";
import { IMPORT_EXTENSIONS } from "../../services/answer-import.js";
import { CALLBACK } from "../ids.js";
import { writePrivateMetadata } from "../private-metadata.js";
import { context, input, type KnownBlock, LIMITS, type ModalView, plainText, section } from "./block-kit.js";
import { escapeMrkdwn } from "./mrkdwn.js";

/** `/intplan import`'s modals: choose a file, reading it, the review, and what happened. */

export const IMPORT_FILE_BLOCK = "import_file";
export const IMPORT_FILE_ACTION = "file";
/**
 * The review's keep-or-replace choices: blocks `import_choice_0`, `_1`… in the review's order of conflicts,
 * each with its own action id (`choice_0`…: Slack wants action ids unique within a view).
 */
export const IMPORT_CHOICE_BLOCK = "import_choice";
export const IMPORT_CHOICE_ACTION = "choice";
/** At most this many keep-or-replace choices a review shows; the rest keep their answers. */
export const MAX_CHOICES = 40;
const MAX_LISTED = 60;
const LINES_PER_BLOCK = 20;

const title = plainText("Import answers", LIMITS.modalTitle);

/** The first modal: one file, of the types intplan reads (file_input, https://docs.slack.dev/reference/block-kit/block-elements/file-input-element). */
export function buildImportFileModal(meta: { projectId: number; channelId: string }): ModalView {
  return {
    type: "modal",
    callback_id: CALLBACK.importFile,
    title,
    submit: plainText("Read file", LIMITS.buttonText),
    close: plainText("Cancel", LIMITS.buttonText),
    private_metadata: writePrivateMetadata(meta),
    blocks: [
      section(
        "Fill this project's answers from a file: an answers file from `/intplan export answers` (another project's too), a discovery document (Markdown or text), or a mapping sheet (CSV, TSV, Excel). You review what it would change before anything is saved.",
      ),
      input(IMPORT_FILE_BLOCK, "File", {
        type: "file_input",
        action_id: IMPORT_FILE_ACTION,
        filetypes: [...IMPORT_EXTENSIONS],
        max_files: 1,
      }),
    ],
  };
}

/** A view that only says something (reading, a problem, the outcome): no submit button. */
export function buildImportMessageView(text: string): ModalView {
  return {
    type: "modal",
    callback_id: "import_message",
    title,
    close: plainText("Close", LIMITS.buttonText),
    blocks: [section(text)],
  };
}

export const readingView = (fileName: string) =>
  buildImportMessageView(`Reading *${escapeMrkdwn(fileName)}*…`);

const itemLine = (item: ReviewItem) =>
  `• *${escapeMrkdwn(item.label)}*: ${escapeMrkdwn(item.value) || "_(empty)_"}`;

/** Lines in sections of a few each, at most `max` lines, then "and N more". */
function listed(lines: string[], max = MAX_LISTED): KnownBlock[] {
  const shown = lines.slice(0, max);
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < shown.length; i += LINES_PER_BLOCK)
    blocks.push(section(shown.slice(i, i + LINES_PER_BLOCK).join("\n")));
  if (lines.length > max) blocks.push(context(`…and ${lines.length - max} more.`));
  return blocks;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The review: what will be filled, a keep-or-replace choice per existing answer (keep first), what was not placed. */
export function buildImportReviewView(review: ImportReview): ModalView {
  const file = escapeMrkdwn(review.fileName);
  const blocks: KnownBlock[] = [
    section(
      `*${file}*: ${count(review.fills.length, "answer")} to fill, ${count(review.conflicts.length, "answer")} already answered differently, ${count(review.unplaced.length, "part")} that could not be placed${review.same > 0 ? `; ${review.same} already as the file says` : ""}. Nothing is saved until you press Import.`,
    ),
  ];
  if (review.fills.length > 0) {
    blocks.push(section("*Will be filled*"));
    blocks.push(...listed(review.fills.map(itemLine)));
  }
  if (review.conflicts.length > 0) {
    blocks.push(section("*Already answered*: keep the current answer, or replace it with the file's."));
    review.conflicts.slice(0, MAX_CHOICES).forEach((item, i) => {
      const keep = {
        text: plainText(`Keep: ${item.current ?? ""}`, LIMITS.optionText),
        value: "keep",
      };
      blocks.push(
        input(
          `${IMPORT_CHOICE_BLOCK}_${i}`,
          item.label,
          {
            type: "radio_buttons",
            action_id: `${IMPORT_CHOICE_ACTION}_${i}`,
            initial_option: keep,
            options: [
              keep,
              { text: plainText(`Replace with: ${item.value}`, LIMITS.optionText), value: "replace" },
            ],
          },
          { optional: true },
        ),
      );
    });
    if (review.conflicts.length > MAX_CHOICES)
      blocks.push(
        context(
          `…and ${review.conflicts.length - MAX_CHOICES} more answered questions, which keep their answers.`,
        ),
      );
  }
  if (review.unplaced.length > 0) {
    blocks.push(section("*Could not be placed*"));
    blocks.push(
      ...listed(
        review.unplaced.map((u) => `• ${escapeMrkdwn(u.where)}: ${escapeMrkdwn(u.text)}`),
        20,
      ),
    );
  }
  return {
    type: "modal",
    callback_id: CALLBACK.importReview,
    title,
    submit: plainText("Import", LIMITS.buttonText),
    close: plainText("Cancel", LIMITS.buttonText),
    notify_on_close: true,
    private_metadata: writePrivateMetadata({ pendingId: review.pendingId }),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** "Imported 64 answers from acme-discovery.md (3 kept as they were; 5 parts could not be placed)". */
export function importedSentence(o: { fileName: string; imported: number; kept: number; unplaced: number }) {
  const notes = [
    ...(o.kept > 0 ? [`${o.kept} kept as ${o.kept === 1 ? "it was" : "they were"}`] : []),
    ...(o.unplaced > 0 ? [`${count(o.unplaced, "part")} could not be placed`] : []),
  ];
  return `Imported ${count(o.imported, "answer")} from ${o.fileName}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}.`;
}
