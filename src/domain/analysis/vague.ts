const VAGUE =
  /^(tbd|tba|tbc|n\/?a|unknown|unsure|not sure|no idea|idk|i don'?t know|don'?t know|depends|maybe|later|\?+|-+|\.+)[.!]?$/i;

/** Text that was typed but says nothing yet: "TBD", "not sure", "?", a single letter. */
export function isVague(text: string): boolean {
  const t = text.trim();
  return t.length < 2 || VAGUE.test(t);
}
