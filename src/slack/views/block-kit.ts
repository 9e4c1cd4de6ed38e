import type { types } from "@slack/bolt";
import { cutText, ELLIPSIS, truncateText } from "../../domain/text.js";

/** Small typed builders for the Block Kit pieces intplan uses, and the limits they must respect. */

export type KnownBlock = types.KnownBlock;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
export type PlainTextOption = types.PlainTextOption;
export type InputBlockElement = types.InputBlock["element"];

export interface MessageContent {
  text: string;
  blocks: KnownBlock[];
}

export const LIMITS = {
  modalTitle: 24,
  buttonText: 75,
  optionText: 75,
  optionValue: 75,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  messageBlocks: 50,
  viewBlocks: 100,
  privateMetadata: 3000,
  placeholder: 150,
  /** A plain_text_input holds at most 3,000 characters (its `max_length` is 1 to 3,000). */
  plainTextInput: 3000,
  /** A static_select offers at most 100 options. */
  selectOptions: 100,
} as const;

/** Cuts text to a limit, marking the cut with an ellipsis; never splits an emoji or leaves a lone surrogate. */
export function truncate(text: string, max: number): string {
  return truncateText(text, max);
}

export const plainText = (text: string, max: number = LIMITS.sectionText): types.PlainTextElement => ({
  type: "plain_text",
  text: truncate(text || " ", max),
  emoji: true,
});

/** An escape (`&amp;`) or a mention or link (`<@U123>`, `<https://…|label>`) left open by a cut. */
const OPEN_TOKEN_AT_END = /(?:&[A-Za-z0-9#]{0,8}|<[^<>]*)$/;

/** Like `truncate`, for mrkdwn: a cut never leaves half an escape, a mention or a link behind. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return truncateText(text, max);
  const head = cutText(text, max - ELLIPSIS.length)
    .replace(OPEN_TOKEN_AT_END, "")
    .trimEnd();
  return `${head}${ELLIPSIS}`;
}

export const mrkdwn = (text: string, max: number = LIMITS.sectionText): types.MrkdwnElement => ({
  type: "mrkdwn",
  text: truncateMrkdwn(text || " ", max),
});

export const header = (text: string): types.HeaderBlock => ({
  type: "header",
  text: plainText(text, LIMITS.headerText),
});

export const section = (text: string, extra: Partial<types.SectionBlock> = {}): types.SectionBlock => ({
  type: "section",
  text: mrkdwn(text),
  ...extra,
});

export const fields = (items: string[]): types.SectionBlock => ({
  type: "section",
  fields: items.slice(0, 10).map((t) => mrkdwn(t, 2000)),
});

export const context = (...items: string[]): types.ContextBlock => ({
  type: "context",
  elements: items.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t)),
});

export const divider = (): types.DividerBlock => ({ type: "divider" });

export const button = (
  text: string,
  actionId: string,
  options: { value?: string; style?: "primary" | "danger"; url?: string } = {},
): types.Button => ({
  type: "button",
  text: plainText(text, LIMITS.buttonText),
  action_id: actionId,
  ...(options.value !== undefined ? { value: options.value } : {}),
  ...(options.style ? { style: options.style } : {}),
  ...(options.url ? { url: options.url } : {}),
});

export const actions = (blockId: string, elements: types.ActionsBlockElement[]): types.ActionsBlock => ({
  type: "actions",
  block_id: blockId,
  elements: elements.slice(0, 25),
});

export const option = (label: string, value: string): types.PlainTextOption => ({
  text: plainText(label, LIMITS.optionText),
  value: cutText(value, LIMITS.optionValue),
});

export function input(
  blockId: string,
  label: string,
  element: InputBlockElement,
  options: { optional?: boolean; hint?: string } = {},
): types.InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plainText(label, 2000),
    element,
    optional: options.optional ?? false,
    ...(options.hint ? { hint: plainText(options.hint, 2000) } : {}),
  };
}
