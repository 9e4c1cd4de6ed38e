/**
 * Text helpers for whatever people type: cutting it to a length and putting it into a template. Slack-free.
 *
 * Lengths are counted in UTF-16 code units (`string.length`), as Slack's limits and zod's `max` count them,
 * so a cut text always fits. A cut never splits a code point (a surrogate pair) nor, as far as
 * `Intl.Segmenter` knows, a grapheme: an emoji with its skin tone or variation selector, a ZWJ family, a
 * flag, a letter with its combining marks all stay whole or go whole.
 */

export const ELLIPSIS = "…";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate (which Slack rejects) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

export function hasLoneSurrogate(text: string): boolean {
  return new RegExp(LONE_SURROGATE.source).test(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The longest start of `text` of at most `max` code units that ends on a grapheme boundary. */
function graphemePrefix(text: string, max: number): string {
  if (max <= 0) return "";
  let end = 0;
  // segment() is lazy: only the graphemes up to the cut are looked at.
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > max) break;
    end += segment.length;
  }
  return text.slice(0, end);
}

/** At most `max` code units of `text`, cut at a grapheme boundary, without a marker (e.g. a box's initial value). */
export function cutText(text: string, max: number): string {
  const safe = wellFormed(text);
  return safe.length <= max ? safe : graphemePrefix(safe, max);
}

/**
 * `text` when it fits in `max` code units; otherwise its start, cut at a grapheme boundary, followed by
 * `marker` ("…" by default), the whole at most `max` code units long.
 */
export function truncateText(text: string, max: number, marker: string = ELLIPSIS): string {
  const safe = wellFormed(text);
  if (safe.length <= max) return safe;
  if (marker.length >= max) return graphemePrefix(marker, max);
  return `${graphemePrefix(safe, max - marker.length).trimEnd()}${marker}`;
}

/**
 * `template` with every `{name}` replaced by `values[name]`, taken literally: a value holding `$&`, `$'`
 * or `$$` is put in as typed (a string replacement in `String.replace` would read those as patterns).
 * Placeholders without a value are left as they are.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : placeholder,
  );
}

export interface SystemNames {
  systemA: string;
  systemB: string;
}

/** Puts the project's system names into a label, hint or title written with `{systemA}` / `{systemB}`. */
export function withSystemNames(text: string, systems: SystemNames): string {
  return fillPlaceholders(text, { systemA: systems.systemA, systemB: systems.systemB });
}

export type NoteCheck = { ok: true; text: string | null } | { ok: false; error: string };

/** An optional note, already plain text: at most `max` characters; empty is no note. */
export function checkOptionalNote(text: string, max: number): NoteCheck {
  if (!text) return { ok: true, text: null };
  if (text.length > max) {
    return { ok: false, error: `A note is at most ${max} characters (yours has ${text.length}).` };
  }
  return { ok: true, text };
}
