import type { types } from "@slack/bolt";
import type { ChecklistItemRow } from "../../db/schema.js";
import { isoDate } from "../../domain/dates.js";
import { INTEGRATION_TYPE_LABELS } from "../../domain/integration-type.js";
import { checklistEntry } from "../../domain/phases.js";
import { CALLBACK } from "../ids.js";
import { writePrivateMetadata } from "../private-metadata.js";
import {
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
import { phaseTitle } from "./phase-messages.js";

/**
 * The modal that ticks a project's tasks and exit criteria, every phase in checkbox groups of at most 10.
 * Each phase also lists its suggested type-specific tasks (tick to confirm) and a "Not in scope" pick of any
 * of its items: a modal holds 100 blocks, too few for a button per item, so scope is one input per phase.
 */

/** Slack allows 10 options per checkbox group. */
export const CHECKBOX_GROUP_SIZE = 10;

export interface ChecklistModalMetadata {
  projectId: number;
  channelId: string;
  /** Items ticked when the modal opened: the submission changes only what the person changed. */
  ticked: number[];
  /** Items not in scope when the modal opened. */
  out: number[];
}

/** The block id of a phase's "Not in scope" pick, and of its groups of suggestions. */
const scopeBlockId = (phaseNumber: number) => `p${phaseNumber}_scope`;
const suggestedBlockId = (phaseNumber: number, n: number) => `p${phaseNumber}_suggested_${n}`;

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

const suggestedFor = (item: ChecklistItemRow) =>
  (checklistEntry(item.key)?.entry.types ?? []).map((t) => INTEGRATION_TYPE_LABELS[t]).join(" or ");

function suggestionGroup(
  blockId: string,
  label: string,
  items: readonly ChecklistItemRow[],
): types.InputBlock {
  const element: types.Checkboxes = {
    type: "checkboxes",
    action_id: blockId,
    options: items.map((item) => ({
      ...itemOption(item),
      description: plainText(`Suggested for ${suggestedFor(item)}`, LIMITS.optionText),
    })),
  };
  return input(blockId, label, element, { optional: true });
}

/** Any item of the phase may be marked not in scope; the ones already out are picked. */
function scopePick(phaseNumber: number, items: readonly ChecklistItemRow[]): types.InputBlock {
  const out = items.filter((i) => i.scope === "out").map(itemOption);
  const element: types.MultiStaticSelect = {
    type: "multi_static_select",
    action_id: scopeBlockId(phaseNumber),
    placeholder: plainText("Items this project does not need", LIMITS.placeholder),
    options: items.slice(0, LIMITS.selectOptions).map(itemOption),
    ...(out.length > 0 ? { initial_options: out } : {}),
  };
  return input(scopeBlockId(phaseNumber), "Not in scope", element, {
    optional: true,
    hint: "They leave the progress counts and show struck through in the plan. Remove one to bring it back.",
  });
}

/** Who marked what not in scope, and when. */
function outNote(items: readonly ChecklistItemRow[]): KnownBlock[] {
  const out = items.filter((i) => i.scope === "out");
  if (out.length === 0) return [];
  const lines = out.map(
    (i) =>
      `~${escapeMrkdwn(i.label)}~ (${mention(i.scopedBy, "someone")}${i.scopedAt ? `, ${isoDate(i.scopedAt)}` : ""})`,
  );
  return [context(`Not in scope: ${lines.join("; ")}`)];
}

function phaseBlocks(phaseNumber: number, items: readonly ChecklistItemRow[]): KnownBlock[] {
  const inScope = items.filter((i) => i.scope === "in");
  const tasks = inScope.filter((i) => i.kind === "task");
  const exit = inScope.filter((i) => i.kind === "exit");
  const suggested = items.filter((i) => i.scope === "suggested");
  const count = (list: readonly ChecklistItemRow[]) => `${list.filter((i) => i.done).length}/${list.length}`;
  const groups = (kind: string, label: string, list: readonly ChecklistItemRow[]) =>
    chunks(list, CHECKBOX_GROUP_SIZE).map((group, n) =>
      checkboxGroup(`p${phaseNumber}_${kind}_${n}`, n === 0 ? label : `${label} (continued)`, group),
    );
  const pending = suggested.length > 0 ? ` · ${suggested.length} suggested` : "";
  return [
    section(`*${phaseTitle(phaseNumber)}* · tasks ${count(tasks)} · exit criteria ${count(exit)}${pending}`),
    ...groups("task", "Tasks", tasks),
    ...chunks(suggested, CHECKBOX_GROUP_SIZE).map((group, n) =>
      suggestionGroup(
        suggestedBlockId(phaseNumber, n),
        n === 0 ? "Suggested tasks: tick to confirm" : "Suggested tasks (continued)",
        group,
      ),
    ),
    ...groups("exit", "Exit criteria", exit),
    scopePick(phaseNumber, items),
    ...outNote(items),
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
    ticked: args.items.filter((i) => i.done && i.scope === "in").map((i) => i.id),
    out: args.items.filter((i) => i.scope === "out").map((i) => i.id),
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
