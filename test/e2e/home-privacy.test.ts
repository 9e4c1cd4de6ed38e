import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createProject } from "../../src/db/project-store.js";
import { LATEST_QUESTIONNAIRE_VERSION } from "../../src/domain/questionnaire/definition.js";
import { HOME_INCOMPLETE_NOTE } from "../../src/slack/views/home-view.js";
import { form } from "../support/forms.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { openHome as openHomeAs } from "../support/home.js";
import { createProjectThroughSlack } from "../support/projects.js";

/**
 * A workspace with three project channels: #storefront (public), #payroll (private: Anna is in it, Ben is
 * not) and #partner (shared with the client's organisation through Slack Connect: Anna is in it). Projects in
 * public channels are for everyone; the others only for their members.
 */
const ANNA = "U0ANNA";
const BEN = "U0BEN";
const PUBLIC = { channelId: "C0STOREFRONT", name: "Storefront sync", client: "Globex Retail" };
const PRIVATE = { channelId: "C0PAYROLL", name: "Payroll bridge", client: "Initech Confidential" };
const SHARED = { channelId: "C0PARTNER", name: "Partner feed", client: "Umbrella Holdings" };

describe("App Home lists a project in a private or shared channel only for the channel's members", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    t.emulator.addChannel({ id: PUBLIC.channelId, name: "storefront", members: [ANNA, BEN, "U0PM"] });
    t.emulator.addChannel({
      id: PRIVATE.channelId,
      name: "payroll",
      is_private: true,
      members: [ANNA, "U0PM"],
    });
    t.emulator.addChannel({
      id: SHARED.channelId,
      name: "partner",
      is_ext_shared: true,
      members: [ANNA, "U0PM"],
    });
    for (const p of [PUBLIC, PRIVATE, SHARED]) {
      await createProjectThroughSlack(t, {
        channelId: p.channelId,
        form: { name: form.text(p.name), client_name: form.text(p.client) },
      });
    }
  });
  afterEach(async () => {
    await t.close();
  });

  const openHome = (userId: string) => openHomeAs(t, userId);

  const expectHidden = (home: string, project: { channelId: string; name: string; client: string }) => {
    expect(home).not.toContain(project.name);
    expect(home).not.toContain(project.client);
    expect(home).not.toContain(project.channelId);
  };

  it("shows a member of the private and shared channels all three projects", async () => {
    const home = await openHome(ANNA);
    for (const p of [PUBLIC, PRIVATE, SHARED]) {
      expect(home).toContain(p.name);
      expect(home).toContain(p.client);
    }
    expect(home).toContain("3 projects you can see");
    expect(home).toContain("Projects in private and shared channels are listed only for their members.");
    expect(home).not.toContain(HOME_INCOMPLETE_NOTE);
  });

  it("shows a workspace member who is in neither only the public project: no name, client or channel of the others", async () => {
    const home = await openHome(BEN);
    expect(home).toContain(PUBLIC.name);
    expect(home).toContain(PUBLIC.client);
    expectHidden(home, PRIVATE);
    expectHidden(home, SHARED);
    expect(home).toContain("1 project you can see");
    expect(home).not.toContain(HOME_INCOMPLETE_NOTE);
  });

  it("asks Slack once a minute at most: one listing of the bot's channels, one of each person's", async () => {
    await openHome(BEN);
    await openHome(BEN);
    await openHome(ANNA);
    const listings = t.emulator.callsTo("users.conversations");
    expect(listings.map((c) => String(c.args.user ?? "the bot's own")).sort()).toEqual(
      [ANNA, BEN, "the bot's own"].sort(),
    );
    for (const call of listings) {
      expect(call.args).toMatchObject({ types: "public_channel,private_channel", limit: "200" });
    }
    // Every project channel is in the bot's listing: no channel needed a conversations.info of its own.
    expect(t.emulator.callsTo("conversations.info")).toHaveLength(0);
  });

  it("hides a project whose channel was made private later from non-members once the answer is a minute old", async () => {
    expect(await openHome(BEN)).toContain(PUBLIC.name);
    t.emulator.updateChannel(PUBLIC.channelId, { is_private: true, members: [ANNA, "U0PM"] });

    // Slack's answer from a moment ago still stands.
    expect(await openHome(BEN)).toContain(PUBLIC.name);

    t.advance(61_000);
    const ben = await openHome(BEN);
    expectHidden(ben, PUBLIC);
    expect(ben).toContain("No projects to show");
    const anna = await openHome(ANNA);
    expect(anna).toContain(PUBLIC.name);
  });

  it("shows only public projects, and says so, when Slack will not list channels (rate limited)", async () => {
    t.emulator.failNext("users.conversations", { kind: "http", status: 429, retryAfter: 30 }, 2);
    const home = await openHome(ANNA);
    expect(home).toContain(PUBLIC.name);
    // Anna is in both, but nothing proves it just now.
    expectHidden(home, PRIVATE);
    expectHidden(home, SHARED);
    expect(home).toContain(HOME_INCOMPLETE_NOTE);
    // Which channels are public came from conversations.info, one call per project channel.
    expect(t.emulator.callsTo("conversations.info")).toHaveLength(3);

    // Slack asked to wait 30 s: until then users.conversations is not called again.
    t.advance(10_000);
    expect(await openHome(ANNA)).toContain(HOME_INCOMPLETE_NOTE);
    expect(t.emulator.callsTo("users.conversations")).toHaveLength(2);

    t.advance(21_000);
    const later = await openHome(ANNA);
    expect(later).toContain(PRIVATE.name);
    expect(later).not.toContain(HOME_INCOMPLETE_NOTE);
  });

  it("looks up channels the bot is not in a few at a time, and lists each once Slack said it is public", async () => {
    // 25 more projects in public channels the bot has left: not in its listing, so conversations.info says.
    for (let i = 1; i <= 25; i++) {
      const channelId = `C0LEFT${String(i).padStart(3, "0")}`;
      t.emulator.addChannel({ id: channelId, members: ["U0CAROL"], botIsMember: false });
      createProject(t.db, {
        teamId: t.emulator.teamId,
        channelId,
        input: {
          name: `Left behind ${i}`,
          clientName: `Client ${i}`,
          systemA: "Shopify",
          systemB: "NetSuite",
          integrationType: "auto",
          leadEngineerId: "U0LEAD",
          projectManagerId: null,
          targetGoLive: null,
          volumeEstimate: null,
          summary: null,
        },
        integrationType: { type: "inventory", source: "chosen" },
        questionnaireVersion: LATEST_QUESTIONNAIRE_VERSION,
        actorId: "U0PM",
        at: new Date("2026-11-22T09:00:00Z"),
      });
    }
    const first = await openHome(BEN);
    expect(t.emulator.callsTo("conversations.info")).toHaveLength(20);
    expect(first).toContain("21 projects you can see");
    expect(first).toContain(HOME_INCOMPLETE_NOTE);

    const second = await openHome(BEN);
    expect(t.emulator.callsTo("conversations.info")).toHaveLength(25);
    expect(second).toContain("26 projects you can see");
    expect(second).not.toContain(HOME_INCOMPLETE_NOTE);
    expectHidden(second, PRIVATE);
  });

  it("keeps what Slack said a few minutes ago while it fails, then stops trusting it", async () => {
    expect(await openHome(ANNA)).toContain(PRIVATE.name);
    t.advance(61_000);
    t.emulator.failNext("users.conversations", { kind: "error", error: "internal_error" }, 2);
    const during = await openHome(ANNA);
    expect(during).toContain(PRIVATE.name);
    expect(during).toContain(HOME_INCOMPLETE_NOTE);

    t.advance(5 * 60_000);
    t.emulator.failNext("users.conversations", { kind: "error", error: "internal_error" }, 2);
    const muchLater = await openHome(ANNA);
    expectHidden(muchLater, PRIVATE);
    expect(muchLater).toContain(PUBLIC.name);
    expect(muchLater).toContain(HOME_INCOMPLETE_NOTE);
  });
});
