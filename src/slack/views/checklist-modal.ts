import type { types } from "@slack/bolt";
import type { ChecklistItemRow } from "../../db/schema.js";
import { CALLBACK } from "../ids.js";
import { writePrivateMetadata } from "../private-metadata.js";
import {
  divider,
  input,
  type KnownBlock,
  LIMITS,
  type ModalView,
  option,
  plainText,
  section,
} from "./block-kit.js";
import { phaseTitle } from "./phase-messages.js";

/** The modal that ticks a project's tasks and exit criteria, every phase in checkbox groups of at most 10. */

/** Slack allows 10 options per checkbox group. */
export const CHECKBOX_GROUP_SIZE = 10;

export interface ChecklistModalMetadata {
  projectId: number;
  channelId: string;
  /** Items ticked when the modal opened: the submission changes only what the person changed. */
  ticked: number[];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const itemOption = (item: ChecklistItemRow) => option(item.label, String(item.id));

function checkboxGroup(blockId: string, label: string, items: readonly ChecklistItemRow[]): types.InputBlock {
  const ticked = items.filter((i) => i.done).map(itemOption);
  const element: types.Checkboxes = {
    type: "checkboxes",
    // Action ids must be unique in the view: each group's is its block id.
    action_id: blockId,
    options: items.map(itemOption),
    ...(ticked.length > 0 ? { initial_options: ticked } : {}),
  };
  return input(blockId, label, element, { optional: true });
}

function phaseBlocks(phaseNumber: number, items: readonly ChecklistItemRow[]): KnownBlock[] {
  const tasks = items.filter((i) => i.kind === "task");
  const exit = items.filter((i) => i.kind === "exit");
  const count = (list: readonly ChecklistItemRow[]) => `${list.filter((i) => i.done).length}/${list.length}`;
  const groups = (kind: string, label: string, list: readonly ChecklistItemRow[]) =>
    chunks(list, CHECKBOX_GROUP_SIZE).map((group, n) =>
      checkboxGroup(`p${phaseNumber}_${kind}_${n}`, n === 0 ? label : `${label} (continued)`, group),
    );
  return [
    section(`*${phaseTitle(phaseNumber)}* · tasks ${count(tasks)} · exit criteria ${count(exit)}`),
    ...groups("task", "Tasks", tasks),
    ...groups("exit", "Exit criteria", exit),
  ];
}

export function buildChecklistModal(args: {
  projectId: number;
  channelId: string;
  items: readonly ChecklistItemRow[];
}): ModalView {
  const phaseNumbers = [...new Set(args.items.map((i) => i.phaseNumber))].sort((a, b) => a - b);
  const metadata: ChecklistModalMetadata = {
    projectId: args.projectId,
    channelId: args.channelId,
    ticked: args.items.filter((i) => i.done).map((i) => i.id),
  };
  return {
    type: "modal",
    callback_id: CALLBACK.checklist,
    private_metadata: writePrivateMetadata(metadata),
    title: plainText("Tasks & exit criteria", LIMITS.modalTitle),
    submit: plainText("Save", LIMITS.modalTitle),
    close: plainText("Cancel", LIMITS.modalTitle),
    blocks: phaseNumbers.flatMap((n, i) => [
      ...(i > 0 ? [divider()] : []),
      ...phaseBlocks(
        n,
        args.items.filter((item) => item.phaseNumber === n),
      ),
    ]),
  };
}

/** Shown instead of saving when the modal's project is no longer in its channel. */
export function buildChecklistNotSavedModal(): ModalView {
  return {
    type: "modal",
    title: plainText("Tasks & exit criteria", LIMITS.modalTitle),
    close: plainText("Close", LIMITS.modalTitle),
    blocks: [
      section("Nothing was saved: this project is no longer in the channel the checklist was opened from."),
    ],
  };
}
