import type { RawInput } from "./answers.js";

/**
 * Two people may edit one section at once, each in a modal showing the answers as they were when it
 * opened. A submission writes only what that person changed; what someone else changed meanwhile stays.
 */

/** The same input, however a modal hands it back: blank is blank, and picked options in any order. */
function normalise(raw: RawInput): string | string[] | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") {
    const text = raw.replaceAll("\r\n", "\n");
    return text.trim() === "" ? null : text;
  }
  return raw.length === 0 ? null : [...raw].sort();
}

/**
 * A short digest of one question's input (FNV-1a, 32 bits, base 36: at most 7 characters), so a modal can
 * carry what it showed for each of its questions within Slack's 3,000-character private_metadata.
 */
export function inputDigest(raw: RawInput): string {
  const text = JSON.stringify(normalise(raw));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The "digest" a modal carries for a question it showed as a summary (a stored answer too big for a box):
 * not base 36, so no input's digest equals it. Such a question is written only when cleared.
 */
export const SHOWN_AS_SUMMARY = "~summary";

export interface SectionMergeInput {
  /** The section's question ids, in order. */
  questionIds: readonly string[];
  /** What the modal showed, one digest per question id; undefined when the modal did not say (older modals). */
  shown: Readonly<Record<string, string>> | undefined;
  /** What was submitted, per question id. */
  submitted: Readonly<Record<string, RawInput>>;
  /** What the section holds now (answers, with drafts laid over), per question id. */
  current: Readonly<Record<string, RawInput>>;
}

export interface SectionMerge {
  /** What this person changed: the only input to write. */
  touched: Record<string, RawInput>;
  /** Changed by this person and, since the modal was shown, by someone else too: this person's answer wins. */
  replaced: string[];
  /** Changed by someone else since the modal was shown and not by this person: the newer value stays. */
  keptNewer: string[];
}

/**
 * The merge rule: a question whose submitted input equals what the modal showed was not touched and is not
 * written. A touched question is written (the later edit wins); when it had also changed since the modal
 * was shown, to something else than this person typed, it is reported as replaced.
 */
export function mergeSection(input: SectionMergeInput): SectionMerge {
  const touched: Record<string, RawInput> = {};
  const replaced: string[] = [];
  const keptNewer: string[] = [];
  for (const id of input.questionIds) {
    const submitted = inputDigest(input.submitted[id]);
    const current = inputDigest(input.current[id]);
    const shown = input.shown?.[id];
    if (shown === undefined) {
      if (input.shown === undefined) touched[id] = input.submitted[id];
      else if (submitted !== current) touched[id] = input.submitted[id];
      continue;
    }
    const changedHere = submitted !== shown;
    const changedElsewhere = current !== shown;
    if (changedHere) {
      touched[id] = input.submitted[id];
      if (changedElsewhere && current !== submitted) replaced.push(id);
    } else if (changedElsewhere) {
      keptNewer.push(id);
    }
  }
  return { touched, replaced, keptNewer };
}
