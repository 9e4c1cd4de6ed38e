import type { types } from "@slack/bolt";
import { z } from "zod";
import {
  DOCUMENT_KINDS,
  DOCUMENT_SHORT_NAMES,
  DOCUMENT_TITLES,
  type DocumentKind,
} from "../../domain/document-kinds.js";
import {
  type EditableSection,
  type EditMark,
  type SectionEditor,
  textVersion,
} from "../../services/section-editing.js";
import { ACTION, CALLBACK } from "../ids.js";
import { readPrivateMetadata, writePrivateMetadata } from "../private-metadata.js";
import { editorText } from "../section-text.js";
import {
  actions,
  button,
  context,
  divider,
  input,
  type KnownBlock,
  LIMITS,
  type ModalView,
  option,
  plainText,
  section,
} from "./block-kit.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

/**
 * `/intplan edit <document>`: pick a section (one picker per 100 sections, Slack's limit for a select),
 * see its current text in a text box, change it, save; revert an edited section (after a confirmation);
 * see and delete edits whose section is no longer in the document. A section longer than a Slack text box
 * holds (3,000 characters) is never cut: the modal says so and points to its subsections.
 */

/**
 * The text box's block id names its section: Slack keeps what was typed in an input across `views.update`
 * while its block and action ids stay the same, so picking another section must change them.
 */
export const sectionTextBlockId = (key: string) => `section_text_${key}`;

export interface SectionEditMetadata {
  projectId: number;
  channelId: string;
  kind: DocumentKind;
  /** The picked section's key, once one is picked. */
  key: string | null;
  /** The version of the picked section's text as shown (`textVersion`). */
  shown: string | null;
}

const metadataSchema: z.ZodType<SectionEditMetadata> = z.object({
  projectId: z.number().int().positive(),
  channelId: z.string().min(1),
  kind: z.enum(DOCUMENT_KINDS),
  key: z.string().max(64).nullable(),
  shown: z.string().max(64).nullable(),
});

/** The modal's metadata read back, or undefined when it is not what the modal wrote. */
export const readSectionEditMetadata = (text: string | undefined) =>
  readPrivateMetadata(metadataSchema, text);

export interface SectionEditModalInput {
  editor: SectionEditor;
  /** The picked section's key. */
  selected: string | null;
  /** One line at the top: what just happened ("Saved …", "Reverted …"). */
  notice?: string;
  /**
   * What the PM had typed, put back in the box in place of the section's text (a save refused because the
   * section changed meanwhile): the section as it reads now is shown above the box.
   */
  draft?: string;
}

/** How many characters of an orphaned edit's text the modal shows (a section block holds 3,000). */
const ORPHAN_PREVIEW = 2400;
/** At most this many orphaned edits are listed one by one (a modal holds 100 blocks). */
const ORPHANS_SHOWN = 20;

const EDITED_MARK = "✎ ";

const optionOf = (s: EditableSection) => option(`${s.edited ? EDITED_MARK : ""}${s.heading}`, s.key);

const when = (at: Date) =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{date_short} {time}|${at.toISOString()}>`;

const editedBy = (mark: EditMark) => `edited by ${mention(mark.by, "someone")} on ${when(mark.at)}`;

const count = (n: number) => n.toLocaleString("en-US");

function pickers(sections: readonly EditableSection[], selected: EditableSection | undefined): KnownBlock[] {
  const size = LIMITS.selectOptions;
  const blocks: KnownBlock[] = [];
  for (let i = 0; i * size < sections.length; i++) {
    const chunk = sections.slice(i * size, (i + 1) * size);
    const many = sections.length > size;
    const picked = selected && chunk.includes(selected) ? selected : undefined;
    const select: types.StaticSelect = {
      type: "static_select",
      action_id: `${ACTION.pickSection}_${i}`,
      placeholder: plainText(
        many ? `Sections ${i * size + 1}–${i * size + chunk.length}` : "Choose a section",
        LIMITS.placeholder,
      ),
      options: chunk.map(optionOf),
      ...(picked ? { initial_option: optionOf(picked) } : {}),
    };
    blocks.push(actions(`${ACTION.pickSection}_${i}`, [select]));
  }
  return blocks;
}

function tooLong(picked: EditableSection, shown: string): string {
  const size = `:warning: This section's text is ${count(shown.length)} characters, more than the ${count(LIMITS.plainTextInput)} a Slack text box holds, so it cannot be edited here without cutting it.`;
  return picked.subsections.length > 0
    ? `${size} Edit its \`###\` subsections one at a time instead: pick them above.`
    : `${size} Shorten or split the answers it is made from with \`/intplan interview\`, then edit it here.`;
}

/** A section's or an edit's text shown in a code block, cut visibly past what a section block holds. */
function quoted(text: string): string {
  const shown =
    text.length > ORPHAN_PREVIEW
      ? `${text.slice(0, ORPHAN_PREVIEW)}\n… (the first ${count(ORPHAN_PREVIEW)} of ${count(text.length)} characters)`
      : text;
  return `\`\`\`${escapeMrkdwn(shown || " ")}\`\`\``;
}

function pickedBlocks(picked: EditableSection, draft: string | undefined): KnownBlock[] {
  const state = picked.edited ? `Your team's wording, ${editedBy(picked.edited)}.` : "The generated text.";
  const nested =
    picked.subsections.length > 0
      ? ` Its text includes its ${picked.subsections.length} \`###\` subsection${picked.subsections.length === 1 ? "" : "s"}, which can also be edited on their own.`
      : "";
  const blocks: KnownBlock[] = [divider(), section(`*${escapeMrkdwn(picked.heading)}*\n${state}${nested}`)];
  const shown = editorText(picked.text);
  if (draft !== undefined) blocks.push(section(`It reads now:\n${quoted(shown)}`));
  if (shown.length > LIMITS.plainTextInput && draft === undefined) {
    blocks.push(section(tooLong(picked, shown)));
  } else {
    const element: types.PlainTextInput = {
      type: "plain_text_input",
      action_id: sectionTextBlockId(picked.key),
      multiline: true,
      max_length: LIMITS.plainTextInput,
      ...((draft ?? shown) ? { initial_value: draft ?? shown } : {}),
    };
    blocks.push(
      input(sectionTextBlockId(picked.key), "Text", element, {
        hint: "Markdown, as in the canvas; people and channels as <@U…> and <#C…> (the document shows their names). Saved, it replaces this section's generated text in the canvas and in files at every refresh, until it is reverted: meanwhile the section no longer follows answers, phases, ticks or blockers.",
      }),
    );
  }
  if (picked.edited) {
    blocks.push(
      actions("edit_section_revert", [
        {
          ...button("Revert to the generated text", ACTION.revertSection, {
            value: picked.key,
            style: "danger",
          }),
          confirm: {
            title: plainText("Revert this section?", 100),
            text: plainText(
              `The generated text of ${picked.heading} comes back in the canvas and files. Your team's wording stays in /intplan history.`,
              300,
            ),
            confirm: plainText("Revert", 30),
            deny: plainText("Keep it", 30),
            style: "danger",
          },
        },
      ]),
    );
  }
  return blocks;
}

function orphanBlocks(editor: SectionEditor): KnownBlock[] {
  if (editor.orphans.length === 0) return [];
  const shown = editor.orphans.slice(0, ORPHANS_SHOWN);
  const blocks: KnownBlock[] = [
    divider(),
    section(
      `*Edits whose section is not in the ${DOCUMENT_TITLES[editor.kind]} now* (${editor.orphans.length}). ` +
        "They are kept, and show again if their section comes back (an answer changed, say); delete the ones you no longer need.",
    ),
  ];
  shown.forEach((orphan, i) => {
    blocks.push(
      section(
        `*${escapeMrkdwn(orphan.heading)}*, ${editedBy(orphan.edited)}:\n${quoted(editorText(orphan.text))}`,
        {
          accessory: {
            ...button("Delete", `${ACTION.revertSection}_${i}`, { value: orphan.key, style: "danger" }),
            confirm: {
              title: plainText("Delete this edit?", 100),
              text: plainText(
                `Your team's wording of ${orphan.heading} is deleted; it stays in /intplan history.`,
                300,
              ),
              confirm: plainText("Delete", 30),
              deny: plainText("Keep it", 30),
              style: "danger",
            },
          },
        },
      ),
    );
  });
  if (editor.orphans.length > shown.length) {
    blocks.push(context(`…and ${editor.orphans.length - shown.length} more: delete some to see the others.`));
  }
  return blocks;
}

export function buildSectionEditModal(args: SectionEditModalInput): ModalView {
  const { editor } = args;
  const title = DOCUMENT_TITLES[editor.kind];
  const picked = editor.sections.find((s) => s.key === args.selected);
  const metadata: SectionEditMetadata = {
    projectId: editor.project.id,
    channelId: editor.project.channelId,
    kind: editor.kind,
    key: picked?.key ?? null,
    shown: picked ? textVersion(picked.text) : null,
  };
  const editable =
    picked !== undefined &&
    (args.draft !== undefined || editorText(picked.text).length <= LIMITS.plainTextInput);
  const intro =
    editor.sections.length === 0
      ? `The ${title} has no \`##\` or \`###\` sections to edit.`
      : `Pick a section of the *${title}* and write your own text for it: it replaces the generated text in the canvas and in files, through every refresh, until it is reverted. ${EDITED_MARK}marks sections with your team's wording.`;
  return {
    type: "modal",
    callback_id: CALLBACK.editSection,
    private_metadata: writePrivateMetadata(metadata),
    title: plainText(`Edit the ${DOCUMENT_SHORT_NAMES[editor.kind]}`, LIMITS.modalTitle),
    ...(editable ? { submit: plainText("Save", LIMITS.modalTitle) } : {}),
    close: plainText(editable ? "Cancel" : "Close", LIMITS.modalTitle),
    blocks: [
      ...(args.notice ? [section(args.notice)] : []),
      section(intro),
      ...pickers(editor.sections, picked),
      ...(picked ? pickedBlocks(picked, args.draft) : []),
      ...orphanBlocks(editor),
    ],
  };
}

/** Shown instead of the editor when the modal's project is no longer in its channel. */
export function buildSectionEditGoneModal(): ModalView {
  return {
    type: "modal",
    title: plainText("Edit a section", LIMITS.modalTitle),
    close: plainText("Close", LIMITS.modalTitle),
    blocks: [section("Nothing was changed: this project is no longer in the channel this was opened from.")],
  };
}
