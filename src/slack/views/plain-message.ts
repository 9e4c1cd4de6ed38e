import { type MessageContent, section } from "./block-kit.js";

/** A message that is one mrkdwn paragraph, the same text as its notification fallback. */
export function plainMessage(text: string): MessageContent {
  return { text, blocks: [section(text)] };
}
