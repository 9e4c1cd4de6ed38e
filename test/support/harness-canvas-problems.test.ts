/**
 * A test whose app wrote canvas markdown Slack would show wrongly (message markup such as `<@U…>`, which a
 * canvas shows as raw text) fails when its harness closes, with the emulator's record of what was wrong.
 */
import { describe, expect, it } from "vitest";
import { webClientFor } from "../../emulator/slack-emulator-test-client.js";
import { startTestApp } from "./harness.js";

describe("t.close() after a canvas Slack shows as raw markup", () => {
  it("fails, saying what the canvas held", async () => {
    const t = await startTestApp();
    // As if the app had written a canvas the old way.
    await webClientFor(t.emulator).conversations.canvases.create({
      channel_id: "C0PROJECT",
      document_content: { type: "markdown", markdown: "**Owner**: <@U0PM>" },
    });
    await expect(t.close()).rejects.toThrow(
      "conversations.canvases.create: line 1: <@U0PM> is message markup, shown as raw text in a canvas",
    );
  });
});
