import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateView } from "../../emulator/block-kit-limits.js";
import type { RecordedCall } from "../../emulator/slack-emulator.js";
import { createProject } from "../../src/db/project-store.js";
import { LATEST_QUESTIONNAIRE_VERSION } from "../../src/domain/questionnaire/definition.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { createProjectThroughSlack, openedViewId } from "../support/projects.js";

type HomeView = {
  blocks: {
    type: string;
    text?: { text: string };
    elements?: { action_id?: string; value?: string; text?: unknown }[];
  }[];
};

const viewOf = (call: RecordedCall) => call.args.view as HomeView;
const sectionTexts = (view: HomeView) =>
  view.blocks.flatMap((b) => (b.type === "section" ? [b.text?.text ?? ""] : []));

describe("App Home lists the workspace's projects with live figures", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const openHome = async (userId: string) => {
    const before = t.emulator.callsTo("views.publish").length;
    await t.slack.event({ type: "app_home_opened", user: userId, tab: "home", channel: "D0HOME" });
    await t.idle();
    return t.emulator.waitForCall(
      "views.publish",
      (c) => t.emulator.callsTo("views.publish").indexOf(c) >= before,
    );
  };

  it("shows each project's current phase and open blockers", async () => {
    await createProjectThroughSlack(t);
    await t.slack.command({ text: "phase 1 done", userId: "U0LEAD" });
    await t.slack.command({ text: "phase dev blocked waiting on QBO" });
    await t.slack.command({ text: "blocker Sandbox credentials" });
    await t.idle();
    await t.emulator.waitForCall("chat.postMessage", (c) => String(c.args.text).includes("logged blocker"));

    const publish = await openHome("U0PM");
    expect(validateView(publish.args.view)).toEqual([]);
    const [line] = sectionTexts(viewOf(publish));
    expect(line).toContain("*Acme order sync* (INT-0001)");
    expect(line).toContain("Phase: Development (blocked) · 1 open blocker");
  });

  it("stays within Slack's limits with a thousand projects, the user's own first, paged", async () => {
    const base = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 1; i <= 1000; i++) {
      const channelId = `C${String(i).padStart(6, "0")}`;
      // Public channels the bot is in: one listing of the bot's channels (five pages) says they are public.
      t.emulator.addChannel({ id: channelId });
      createProject(t.db, {
        teamId: t.emulator.teamId,
        channelId,
        input: {
          name: `Project ${i} ${"<&>".repeat(20)}`,
          clientName: `Client ${i}`,
          systemA: "Shopify",
          systemB: "NetSuite",
          integrationType: "auto",
          leadEngineerId: i % 250 === 0 ? "U0ME" : "U0LEAD",
          projectManagerId: null,
          targetGoLive: null,
          volumeEstimate: null,
          summary: null,
        },
        integrationType: { type: "inventory", source: "chosen" },
        questionnaireVersion: LATEST_QUESTIONNAIRE_VERSION,
        actorId: "U0PM",
        at: new Date(base + i * 60_000),
      });
    }
    const publish = await openHome("U0ME");
    expect(publish.answer?.ok).toBe(true);
    const view = viewOf(publish);
    expect(validateView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const lines = sectionTexts(view);
    // Mine first (most recent first), then everyone's by last activity.
    expect(lines.slice(0, 5).map((l) => /Project (\d+)/.exec(l)?.[1])).toEqual([
      "1000",
      "750",
      "500",
      "250",
      "999",
    ]);
    expect(JSON.stringify(view)).toContain("1000 projects you can see · page 1 of 40");
    // Which channels are public: the bot's own channels, 200 a page as Slack recommends, five pages.
    const botListing = t.emulator.callsTo("users.conversations").filter((c) => c.args.user === undefined);
    expect(botListing.map((c) => (c.answer?.channels as unknown[] | undefined)?.length)).toEqual([
      200, 200, 200, 200, 200,
    ]);
    expect(t.emulator.callsTo("conversations.info")).toHaveLength(0);

    const next = view.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "home_page");
    await t.slack.blockAction({
      actionId: "home_page",
      value: next?.value,
      userId: "U0ME",
      view: openedViewId(publish),
    });
    await t.idle();
    const page2 = await t.emulator.waitForCall("views.publish", (c) =>
      JSON.stringify(c.args.view).includes("page 2 of 40"),
    );
    expect(validateView(page2.args.view)).toEqual([]);
    // Not a wait: seeding a thousand projects is about 3.5 s of CPU, which a machine with both cores busy
    // stretches past the default 20 s; nothing here depends on timing.
  }, 60_000);
});
