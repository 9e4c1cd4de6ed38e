/**
 * A section's text between the document (people and channels as tokens) and the `/intplan edit` modal
 * (people and channels as Slack writes them): shown, then saved unchanged, it is the same text; a mention
 * pasted or typed in any of Slack's forms becomes the person it names; typed token characters never forge one.
 */
import { describe, expect, it } from "vitest";
import { channelToken, personToken, referencesIn } from "../../src/documents/person-tokens.js";
import { documentText, editorText } from "../../src/slack/section-text.js";

const LEE = personToken("U04LEAD0001") ?? "";
const CHANNEL = channelToken("C0PROJECT") ?? "";

describe("a section's text in the edit modal", () => {
  it("shows people and channels as Slack mentions, and saving it unchanged gives the same document text", () => {
    const document = `| **Lead Engineer** | ${LEE} |\nIn ${CHANNEL}.`;
    const shown = editorText(document);
    expect(shown).toBe("| **Lead Engineer** | <@U04LEAD0001> |\nIn <#C0PROJECT>.");
    expect(documentText(shown)).toBe(document);
  });

  it("reads a mention in any of Slack's forms as the person or channel it names", () => {
    const saved = documentText("Ask <@U04LEAD0001|lee>, ![](@U0PM), <#G0PRIVATE|secret> or ![](#C0PROJECT)");
    expect(referencesIn(saved)).toEqual({
      people: ["U04LEAD0001", "U0PM"],
      channels: ["G0PRIVATE", "C0PROJECT"],
    });
    expect(saved).not.toMatch(/<[@#]|!\[\]\(/);
  });

  it("drops typed token characters, so plain text stays plain", () => {
    const saved = documentText("Call \uE000@U0FORGED\uE001");
    expect(referencesIn(saved)).toEqual({ people: [], channels: [] });
    expect(saved).toBe("Call @U0FORGED");
  });
});
