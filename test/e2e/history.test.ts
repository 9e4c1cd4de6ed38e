import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateMessage } from "../../emulator/block-kit-limits.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

interface Reply {
  response_type?: string;
  text: string;
  blocks: { type: string; text?: { text: string }; elements?: { action_id: string; value?: string }[] }[];
}

const CHANNEL = "C0PROJECT";
const linesOf = (reply: Reply) =>
  reply.blocks.flatMap((b) => (b.type === "section" ? (b.text?.text ?? "").split("\n") : []));

describe("the project's history: who changed what, newest first", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await createProjectThroughSlack(t);
  });
  afterEach(async () => {
    await t.close();
  });

  /** The channel message holding `fragment`, once the app has done all it set out to. */
  const posted = async (fragment: string) => {
    await t.idle();
    return t.emulator.waitForCall(
      "chat.postMessage",
      (c) => c.args.channel === CHANNEL && String(c.args.text).includes(fragment),
    );
  };

  it("shows the latest change first, with who did it", async () => {
    await t.slack.command({ text: "phase dev in-progress", userId: "U0LEAD" });
    await posted("moved *2. Development*");
    t.setNow(new Date("2026-11-22T11:00:00Z"));
    await t.slack.command({ text: "blocker Sandbox &lt;b&gt;credentials&lt;/b&gt;", userId: "U0DEV" });
    await posted("logged blocker");

    const res = await t.slack.command({ text: "history", userId: "U0PM" });
    const reply = res.body as Reply;
    expect(reply.response_type).toBe("ephemeral");
    expect(validateMessage(reply)).toEqual([]);
    const lines = linesOf(reply);
    expect(lines[0]).toBe("*History of Acme order sync* · page 1 · newest first");
    expect(lines[1]).toContain("<@U0DEV> logged blocker #1: Sandbox &lt;b&gt;credentials&lt;/b&gt;");
    expect(lines[2]).toContain("<@U0LEAD> moved *2. Development* from Not started to In progress");
    expect(lines[3]).toContain("<@U0PM> created the project INT-0001 _Acme order sync_");
    expect(lines).toHaveLength(4);
  });

  it("pages through a long history with Older and Newer buttons", async () => {
    const texts = Array.from({ length: 22 }, (_, i) => `blocker Item ${i + 1}`);
    for (const text of texts) await t.slack.command({ text });

    const first = (await t.slack.command({ text: "history" })).body as Reply;
    expect(linesOf(first)).toHaveLength(21);
    expect(linesOf(first)[1]).toContain("logged blocker #22: Item 22");
    const older = first.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "history_older");
    expect(older?.value).toBe("2");

    await t.slack.blockAction({
      actionId: "history_older",
      value: older?.value,
      userId: "U0PM",
      channelId: CHANNEL,
      messageTs: "1.000001",
    });
    await t.idle();
    const page = await t.emulator.waitForResponse((r) => String(r.body.text).includes("page 2"));
    expect(page.body.replace_original).toBe(true);
    const second = page.body as unknown as Reply;
    expect(linesOf(second)[0]).toBe("*History of Acme order sync* · page 2 · newest first");
    expect(
      linesOf(second)
        .slice(1)
        .map((l) => l.replace(/^.*· /, "")),
    ).toEqual([
      "<@U0PM> logged blocker #2: Item 2",
      "<@U0PM> logged blocker #1: Item 1",
      "<@U0PM> created the project INT-0001 _Acme order sync_",
    ]);
    expect(second.blocks.flatMap((b) => b.elements ?? []).map((e) => [e.action_id, e.value])).toEqual([
      ["history_newer", "1"],
    ]);
  });

  it("shows nothing of another channel's project", async () => {
    await createProjectThroughSlack(t, {
      channelId: "C0OTHER",
      form: { name: { type: "plain_text_input", value: "Other sync" } },
    });
    await t.slack.command({ text: "blocker Secret thing", channelId: CHANNEL });
    await posted("Secret thing");
    const other = (await t.slack.command({ text: "history", channelId: "C0OTHER" })).body as Reply;
    expect(JSON.stringify(other)).not.toContain("Secret thing");
    expect(linesOf(other)[0]).toContain("History of Other sync");
  });
});
