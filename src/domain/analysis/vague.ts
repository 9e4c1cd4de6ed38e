import { isNotApplicableText, isPlaceholderText } from "../questionnaire/answers.js";

const VAGUE = /^(depends|it depends|maybe|later|probably|some|a few|lots|many)[.!]?$/i;

/**
 * Text that was typed but says too little: "depends", "maybe", a single letter. A placeholder ("TBD", "?")
 * is not vague but unanswered (answers.ts), and "N/A" is an answer; neither lowers confidence as vague.
 */
export function isVague(text: string): boolean {
  const t = text.trim();
  if (isPlaceholderText(t) || isNotApplicableText(t)) return false;
  return t.length < 2 || VAGUE.test(t);
}
