import { describe, expect, it } from "vitest";
import { validateMessage, validateView } from "../../emulator/block-kit-limits.js";
import { canvasContentErrors } from "../../emulator/slack-emulator-canvases.js";
import { checklistFor } from "../../src/domain/phases.js";
import * as questionnaireDefinition from "../../src/domain/questionnaire/definition.js";
import {
  cutText,
  fillPlaceholders,
  hasLoneSurrogate,
  truncateText,
  wellFormed,
  withSystemNames,
} from "../../src/domain/text.js";
import { truncate, truncateMrkdwn } from "../../src/slack/views/block-kit.js";

const graphemes = (text: string) => [
  ...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text),
];

/** Every cut must be a run of whole graphemes of the original: none split, none changed. */
function expectWholeGraphemes(cut: string, original: string, marker = "") {
  const body = marker && cut.endsWith(marker) ? cut.slice(0, -marker.length) : cut;
  expect(hasLoneSurrogate(cut)).toBe(false);
  expect(original.startsWith(body)).toBe(true);
  const boundaries = new Set(graphemes(original).map((g) => g.index + g.segment.length));
  if (body.length > 0) expect(boundaries.has(body.length)).toBe(true);
}

describe("system names are put in as typed", () => {
  const PATTERNS = ["$&", "$'", "$`", "$$", "$1", "$<name>"];

  it.each(PATTERNS)("a system called %s is written literally, in every placeholder", (pattern) => {
    const systems = { systemA: `Shop${pattern}ify`, systemB: `Books ${pattern}` };
    expect(withSystemNames("{systemA} to {systemB}, then {systemA} again", systems)).toBe(
      `Shop${pattern}ify to Books ${pattern}, then Shop${pattern}ify again`,
    );
  });

  it("a system name holding a placeholder is not filled a second time", () => {
    expect(withSystemNames("{systemA} / {systemB}", { systemA: "{systemB}", systemB: "B" })).toBe(
      "{systemB} / B",
    );
  });

  it("the questionnaire's labels and the checklist use the same filling", () => {
    // One filling, in text.ts: the questionnaire offers no second one.
    expect(Object.keys(questionnaireDefinition)).not.toContain("withSystemNames");
    const systems = { systemA: "A$&B", systemB: "C$'D$$" };
    const labels = checklistFor(["accounting"], systems).map((i) => i.label);
    expect(labels).toContain("Obtain API credentials for A$&B");
    expect(labels).toContain("Obtain API credentials for C$'D$$");
    expect(labels.some((l) => l.includes("{system"))).toBe(false);
  });

  it("leaves placeholders it has no value for", () => {
    expect(fillPlaceholders("{systemA} {other}", { systemA: "$&" })).toBe("$& {other}");
  });
});

describe("cutting text never splits what a person sees as one character", () => {
  const CASES: Array<[string, string]> = [
    ["an emoji (a surrogate pair)", `${"a".repeat(9)}😀tail`],
    ["an emoji with a variation selector", `${"a".repeat(9)}❤️tail`],
    ["an emoji with a skin tone", `${"a".repeat(8)}👍🏽tail`],
    ["a flag", `${"a".repeat(9)}🇫🇷tail`],
    ["a ZWJ family", `${"a".repeat(7)}👨‍👩‍👧‍👦tail`],
    ["combining marks", `${"a".repeat(9)}e\u0301\u0323tail`],
  ];

  it.each(CASES)("%s at the boundary goes whole", (_name, text) => {
    for (let max = 1; max <= text.length; max++) {
      const cut = truncateText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expectWholeGraphemes(cut, text, "…");
      const bare = cutText(text, max);
      expect(bare.length).toBeLessThanOrEqual(max);
      expectWholeGraphemes(bare, text);
    }
  });

  it("text of exactly the limit is left as it is; one more is cut with an ellipsis", () => {
    expect(truncateText("abcde", 5)).toBe("abcde");
    expect(truncateText("abcdef", 5)).toBe("abcd…");
    expect(cutText("abcdef", 5)).toBe("abcde");
    expect(truncateText("😀😀", 4)).toBe("😀😀");
    expect(truncateText("😀😀😀", 4)).toBe("😀…");
  });

  it("drops the space before the ellipsis", () => {
    expect(truncateText("one two three", 9)).toBe("one two…");
  });

  it("a limit too small for anything but the marker gives the marker", () => {
    expect(truncateText("abcdef", 1)).toBe("…");
    expect(truncateText("abcdef", 0)).toBe("");
  });

  it("replaces a lone surrogate already in the text", () => {
    expect(wellFormed("a\uD83Db")).toBe("a\uFFFDb");
    expect(wellFormed("a\uDE00")).toBe("a\uFFFD");
    expect(truncateText("x\uD83D", 10)).toBe("x\uFFFD");
    expect(hasLoneSurrogate("😀")).toBe(false);
    expect(hasLoneSurrogate("\uD83D")).toBe(true);
  });

  it("Block Kit's truncate is the same helper", () => {
    expect(truncate(`${"a".repeat(9)}😀😀`, 10)).toBe(`${"a".repeat(9)}…`);
    expect(hasLoneSurrogate(truncate("😀".repeat(100), 75))).toBe(false);
  });
});

describe("the emulator refuses text Slack cannot take", () => {
  const modal = (title: string) => ({
    type: "modal",
    title: { type: "plain_text", text: "Interview" },
    blocks: [{ type: "section", text: { type: "plain_text", text: title } }],
  });

  it("a view or a message holding half an emoji is refused; the whole emoji is fine", () => {
    expect(validateView(modal("Shopify 😀"))).toEqual([]);
    expect(validateView(modal("Shopify \uD83D"))).toEqual([
      "blocks[0].text.text: holds a lone surrogate (half of an emoji or other character)",
    ]);
    expect(validateMessage({ text: "x\uDE00" })).toEqual([
      "text: holds a lone surrogate (half of an emoji or other character)",
    ]);
  });

  it("a canvas holding half an emoji is refused", () => {
    expect(canvasContentErrors({ type: "markdown", markdown: "# 😀\n" }, "c")).toEqual([]);
    expect(canvasContentErrors({ type: "markdown", markdown: "# \uD83D\n" }, "c")).toEqual([
      "c.markdown: holds a lone surrogate (half of an emoji or other character)",
    ]);
  });

  it("what the app's truncation makes of emoji is always accepted", () => {
    for (let max = 1; max < 40; max++) {
      expect(validateView(modal(truncate("😀👨‍👩‍👧🇫🇷".repeat(10), max)))).toEqual([]);
    }
  });
});

describe("cutting mrkdwn", () => {
  it("never leaves half an escape, mention or link behind", () => {
    expect(truncateMrkdwn("Tom &amp; Jerry", 9)).toBe("Tom…");
    expect(truncateMrkdwn("ask <@U0123456> now", 12)).toBe("ask…");
    expect(truncateMrkdwn("see <https://example.com|the docs> now", 20)).toBe("see…");
    expect(truncateMrkdwn("Tom &amp; Jerry", 15)).toBe("Tom &amp; Jerry");
    expect(truncateMrkdwn("Tom &amp; Jerry and more", 16)).toBe("Tom &amp; Jerry…");
  });
});
