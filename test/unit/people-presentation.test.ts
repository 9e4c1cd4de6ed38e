import { describe, expect, it } from "vitest";
import { unanswered } from "../../src/documents/answer-fields.js";
import {
  escapeMarkdownBlock,
  escapeMarkdownText,
  markdownCodeBlock,
} from "../../src/documents/markdown-escape.js";
import {
  type DirectoryName,
  FORMER_MEMBER,
  presentPeople,
  type ShownNames,
  UNNAMED_MEMBER,
} from "../../src/documents/people-presentation.js";
import { channelToken, personToken, referencesIn } from "../../src/documents/person-tokens.js";
import { TEMPLATE_HELPERS } from "../../src/documents/template-helpers.js";

const p = (id: string) => personToken(id) ?? "";
const c = (id: string) => channelToken(id) ?? "";
const named = (name: string): DirectoryName => ({ status: "named", name });

const names: ShownNames = {
  people: new Map<string, DirectoryName>([
    ["U0PM", named("Pat")],
    ["U0LEAD", named("Lee *Chen* | lead")],
    ["U0GONE", { status: "gone" }],
    ["U0LATER", { status: "unavailable" }],
  ]),
  channels: new Map<string, DirectoryName>([["C0PROJECT", named("int-acme_orders")]]),
};

const DOCUMENT = [
  `**Lead Engineer**: ${p("U0LEAD")}  `,
  `**Project Manager**: ${p("U0PM")}  `,
  `**Channel**: ${c("C0PROJECT")}`,
  `| **Project Manager** | ${p("U0PM")} |`,
  `| **Lead Engineer** | ${p("U0LEAD")} |`,
  `- Blocker (owner: ${p("U0GONE")})`,
  `- Blocker (owner: ${p("U0LATER")}), again ${p("U0LATER")}`,
  `Owner: ${p("U0PM")}`,
].join("\n");

describe("a document's people, presented for a canvas", () => {
  const canvas = presentPeople(DOCUMENT, "canvas", names);

  it("shows each person's user card the first time and their name every later time", () => {
    expect(canvas.split("\n")).toEqual([
      "**Lead Engineer**: ![](@U0LEAD)  ",
      "**Project Manager**: ![](@U0PM)  ",
      "**Channel**: ![](#C0PROJECT)",
      "| **Project Manager** | Pat |",
      "| **Lead Engineer** | Lee \\*Chen\\* \\| lead |",
      `- Blocker (owner: ${FORMER_MEMBER})`,
      `- Blocker (owner: ![](@U0LATER)), again ${UNNAMED_MEMBER}`,
      "Owner: Pat",
    ]);
  });

  it("writes no message markup and leaves no token behind", () => {
    expect(canvas).not.toMatch(/<[@#!]/);
    expect(canvas).not.toMatch(/[\uE000\uE001]/);
  });

  it("gives a deactivated or unknown person no card, and someone missing from the names a neutral word", () => {
    expect(canvas).not.toContain("U0GONE");
    expect(presentPeople(`${p("U0WHO")} and ${p("U0WHO")}`, "canvas", names)).toBe(
      `![](@U0WHO) and ${UNNAMED_MEMBER}`,
    );
  });
});

describe("a document's people, presented for a file", () => {
  const file = presentPeople(DOCUMENT, "file", names);

  it("names everyone, escaped for Markdown, and the channel as #name, with no Slack markup or ids", () => {
    expect(file.split("\n")).toEqual([
      "**Lead Engineer**: Lee \\*Chen\\* \\| lead  ",
      "**Project Manager**: Pat  ",
      "**Channel**: #int-acme_orders",
      "| **Project Manager** | Pat |",
      "| **Lead Engineer** | Lee \\*Chen\\* \\| lead |",
      "- Blocker (owner: former member)",
      "- Blocker (owner: team member), again team member",
      "Owner: Pat",
    ]);
    expect(file).not.toMatch(/U0|C0|!\[\]\(|<@/);
  });

  it("a name that is itself markup or a ping is only text", () => {
    const hostile: ShownNames = {
      people: new Map([["U0PM", named(`<!channel> @here [x](https://evil.example) ${p("U0LEAD")}`)]]),
      channels: new Map(),
    };
    const shown = presentPeople(p("U0PM"), "file", hostile);
    expect(shown).not.toMatch(/<!channel>|@here\b|(?<!\\)\]\(https|[\uE000\uE001]/);
    expect(shown).not.toContain("U0LEAD\uE001");
  });
});

describe("person tokens", () => {
  it("are written only for ids of the right shape", () => {
    expect(personToken("U04LEAD0001")).toBeDefined();
    expect(personToken("W0ENTERPRISE")).toBeDefined();
    expect(personToken("C0PROJECT")).toBeUndefined();
    expect(personToken("not a user")).toBeUndefined();
    expect(channelToken("C0PROJECT")).toBeDefined();
    expect(channelToken("U0PM")).toBeUndefined();
    expect(TEMPLATE_HELPERS.user?.("<!here>", {})).toBe("_TBD: not assigned_");
    expect(TEMPLATE_HELPERS.user?.(unanswered("/intplan edit project"), {})).toBe(
      "_not answered yet: /intplan edit project_",
    );
    expect(TEMPLATE_HELPERS.user?.("U0PM", {})).toBe(p("U0PM"));
    expect(TEMPLATE_HELPERS.channel?.("C0PROJECT", {})).toBe(c("C0PROJECT"));
  });

  it("cannot be forged by typed text: the escaping helpers drop the token characters", () => {
    const forged = `hello ${p("U0BOSS")} and ${c("C0SECRET")}`;
    for (const escaped of [
      escapeMarkdownText(forged),
      escapeMarkdownBlock(forged),
      markdownCodeBlock(forged),
    ]) {
      expect(referencesIn(escaped)).toEqual({ people: [], channels: [] });
      expect(presentPeople(escaped, "canvas", names)).not.toContain("![](");
    }
  });

  it("are found once each, in the order they first appear", () => {
    expect(referencesIn(DOCUMENT)).toEqual({
      people: ["U0LEAD", "U0PM", "U0GONE", "U0LATER"],
      channels: ["C0PROJECT"],
    });
  });
});
