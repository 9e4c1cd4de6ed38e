import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { person } from "../support/people.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0PROJECT";

/** How many times `needle` occurs in `haystack`. */
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("people and the channel in the documents, as each audience reads them", () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
    // The workspace: Pat (the PM) goes by a display name, Lee (the lead) has only a full name, a former
    // developer's account is deactivated, and one id was never a member.
    t.emulator.users.set("U0PM", person("U0PM", { display_name: "Pat", real_name: "Pat Lee" }));
    t.emulator.users.set("U0LEAD", person("U0LEAD", { display_name: "", real_name: "Lee Chen" }));
    t.emulator.users.set(
      "U0EXDEV",
      person("U0EXDEV", { display_name: "sam", real_name: "Sam Former" }, true),
    );
    t.emulator.unknownUsers.add("U0NOBODY");
    t.emulator.addChannel({ id: CHANNEL, name: "int-acme-orders" });
    await createProjectThroughSlack(t, { channelId: CHANNEL });
  });
  afterEach(async () => {
    await t.close();
  });

  const command = (text: string) => t.slack.command({ text, channelId: CHANNEL, userId: "U0PM" });
  const exported = () =>
    [...t.emulator.files.values()].filter((f) => f.filename === "INT-0001-implementation-plan.md");

  async function publishPlan() {
    await command("plan");
    await t.idle();
    const created = await t.emulator.waitForCall("canvases.create", (c) => c.answer?.ok === true);
    const canvasId = String(created.answer?.canvas_id);
    return () => t.emulator.canvases.get(canvasId)?.markdown ?? "";
  }

  it("the plan canvas shows each person as a user card once and by name after, and the channel as a link", async () => {
    const canvas = await publishPlan();
    const markdown = canvas();
    expect(markdown).toContain("**Lead Engineer**: ![](@U0LEAD)  \n**Project Manager**: ![](@U0PM)  \n");
    expect(markdown).toContain("**Channel**: ![](#C0PROJECT)");
    expect(markdown).toContain("| **Project Manager** | Pat | Overall coordination");
    expect(markdown).toContain("| **Lead Engineer** | Lee Chen | Technical architecture");
    expect(count(markdown, "![](@U0PM)")).toBe(1);
    expect(count(markdown, "![](@U0LEAD)")).toBe(1);
    expect(markdown).not.toContain("<@");
    expect(t.emulator.canvasProblems).toEqual([]);

    // A refresh (a new blocker owned by a deactivated account) mentions nobody again.
    await command("blocker Sandbox credentials <@U0EXDEV|sam>");
    await t.idle();
    await t.emulator.waitForCall("canvases.edit");
    expect(canvas()).toMatch(/- Sandbox credentials \(owner: former member, since /);
    expect(canvas()).not.toContain("U0EXDEV");
    expect(count(canvas(), "![](@U0PM)")).toBe(1);
    expect(canvas()).not.toContain("<@");
  });

  it("`/intplan export plan` has real names and the channel's name, and no Slack ids or markup at all", async () => {
    await command("blocker Sandbox credentials <@U0EXDEV|sam>");
    await command("blocker Webhook secret <@U0NOBODY|nobody>");
    await t.idle();
    await command("export plan");
    await t.idle();
    const content = exported()[0]?.content ?? "";
    expect(content).toContain("**Lead Engineer**: Lee Chen  \n**Project Manager**: Pat  \n");
    expect(content).toContain("**Channel**: #int-acme-orders");
    expect(content).toContain("| **Project Manager** | Pat |");
    expect(content).toMatch(/- Sandbox credentials \(owner: former member, since /);
    expect(content).toMatch(/- Webhook secret \(owner: former member, since /);
    expect(content).not.toMatch(/\b[UWCG]0[A-Z0-9]+\b/);
    expect(content).not.toMatch(/<@|<#|!\[\]\(/);
  });

  it("a name Slack cannot give just now reads 'team member' in that file, and is asked again once Slack's wait is over", async () => {
    t.emulator.failNext("users.info", { kind: "error", error: "ratelimited" }, 100);
    await command("export plan");
    await t.idle();
    expect(exported()[0]?.content).toContain(
      "**Lead Engineer**: team member  \n**Project Manager**: team member",
    );

    t.emulator.reset();
    // Slack said "ratelimited" without a Retry-After: the app waits 30 s before asking for names again.
    t.advance(31_000);
    await command("export plan");
    await t.idle();
    expect(exported()[1]?.content).toContain("**Lead Engineer**: Lee Chen  \n**Project Manager**: Pat");
  });

  it("the canvas is published even while Slack gives no names, and names them at the next refresh", async () => {
    t.emulator.failNext("users.info", { kind: "error", error: "ratelimited" }, 100);
    const canvas = await publishPlan();
    expect(canvas()).toContain("**Project Manager**: ![](@U0PM)");
    expect(canvas()).toContain("| **Project Manager** | team member |");

    t.emulator.reset();
    t.advance(31_000);
    await command("blocker Sandbox credentials");
    await t.idle();
    await t.emulator.waitForCall("canvases.edit");
    expect(canvas()).toContain("| **Project Manager** | Pat |");
    expect(count(canvas(), "![](@U0PM)")).toBe(1);
  });

  it("names are asked of Slack once and kept for an hour of the app's clock", async () => {
    await command("export plan");
    await t.idle();
    await command("export plan");
    await t.idle();
    // Each name once; the PM is asked once more, for the time zone the channel's reminders keep (also kept).
    expect(
      t.emulator
        .callsTo("users.info")
        .map((c) => c.args.user)
        .sort(),
    ).toEqual(["U0LEAD", "U0PM", "U0PM"]);

    t.emulator.users.set("U0PM", person("U0PM", { display_name: "Patricia", real_name: "Pat Lee" }));
    t.advance(61 * 60 * 1000);
    await command("export plan");
    await t.idle();
    expect(exported().at(-1)?.content).toContain("**Project Manager**: Patricia");
  });

  it("where there are no canvases, the Markdown file uploaded instead reads as a file", async () => {
    t.emulator.setCanvasesAvailable(false);
    await command("plan");
    await t.idle();
    await t.emulator.waitForCall("files.completeUploadExternal");
    const content = exported()[0]?.content ?? "";
    expect(content).toContain("**Lead Engineer**: Lee Chen  \n**Project Manager**: Pat  \n");
    expect(content).not.toMatch(/<@|!\[\]\(|\bU0[A-Z0-9]+\b/);
  });
});
