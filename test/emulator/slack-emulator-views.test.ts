import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { slackErrorOf, webClientFor } from "../../emulator/slack-emulator-test-client.js";

let emulator: SlackEmulator;
let now: number;
beforeEach(async () => {
  now = 1_700_000_000_000;
  emulator = await startSlackEmulator({ now: () => now });
});
afterEach(() => emulator.close());

const plain = (text: string) => ({ type: "plain_text" as const, text });
const question = {
  type: "input" as const,
  block_id: "systems",
  label: plain("Which systems?"),
  element: { type: "plain_text_input" as const, action_id: "value" },
};
const step = (title: string, extra: object = {}) => ({
  type: "modal" as const,
  callback_id: "interview",
  title: plain(title),
  submit: plain("Next"),
  blocks: [question],
  ...extra,
});

describe("views.open and views.push", () => {
  it("open a modal with a fresh trigger id and keep the view", async () => {
    const answer = await webClientFor(emulator).views.open({
      trigger_id: emulator.issueTriggerId(),
      view: step("Discovery"),
    });
    const viewId = answer.view?.id as string;
    expect(answer.view).toMatchObject({ type: "modal", callback_id: "interview", hash: expect.any(String) });
    expect(emulator.views.get(viewId)?.view).toEqual(step("Discovery"));
  });

  it("refuse a trigger id that was already used, never issued, or is older than 3 seconds", async () => {
    const client = webClientFor(emulator);
    const triggerId = emulator.issueTriggerId();
    await client.views.open({ trigger_id: triggerId, view: step("One") });
    expect(await slackErrorOf(client.views.open({ trigger_id: triggerId, view: step("Two") }))).toBe(
      "expired_trigger_id",
    );
    expect(await slackErrorOf(client.views.push({ trigger_id: "123.456.abc", view: step("Two") }))).toBe(
      "expired_trigger_id",
    );
    const late = emulator.issueTriggerId();
    now += 3001;
    expect(await slackErrorOf(client.views.open({ trigger_id: late, view: step("Late") }))).toBe(
      "expired_trigger_id",
    );
  });

  it("refuse a view that breaks Block Kit limits with invalid_arguments, and record it", async () => {
    const tooLong = step("An interview title that is far too long");
    const error = await webClientFor(emulator)
      .views.open({ trigger_id: emulator.issueTriggerId(), view: tooLong })
      .catch((e) => e);
    expect(error.data).toMatchObject({
      error: "invalid_arguments",
      response_metadata: { messages: ["[ERROR] title.text: 39 characters (max 24)"] },
    });
    expect(emulator.rejections).toMatchObject([
      { method: "views.open", errors: ["title.text: 39 characters (max 24)"] },
    ]);
    expect(emulator.views.size).toBe(0);
  });

  it("refuse a second open view with the same external_id", async () => {
    const client = webClientFor(emulator);
    await client.views.open({
      trigger_id: emulator.issueTriggerId(),
      view: step("One", { external_id: "p1" }),
    });
    const again = client.views.open({
      trigger_id: emulator.issueTriggerId(),
      view: step("Two", { external_id: "p1" }),
    });
    expect(await slackErrorOf(again)).toBe("duplicate_external_id");
  });
});

describe("views.update", () => {
  it("replaces a view found by view_id or external_id, with a new hash each time", async () => {
    const client = webClientFor(emulator);
    const opened = await client.views.open({
      trigger_id: emulator.issueTriggerId(),
      view: step("Step 1", { external_id: "project-7" }),
    });
    const viewId = opened.view?.id as string;
    const byId = await client.views.update({
      view_id: viewId,
      hash: opened.view?.hash,
      view: step("Step 2", { external_id: "project-7" }),
    });
    expect(byId.view?.hash).not.toBe(opened.view?.hash);
    await client.views.update({
      external_id: "project-7",
      view: step("Step 3", { external_id: "project-7" }),
    });
    expect(emulator.views.get(viewId)?.view.title).toEqual(plain("Step 3"));
  });

  it("answers hash_conflict for a stale hash and not_found for an unknown view", async () => {
    const client = webClientFor(emulator);
    const opened = await client.views.open({ trigger_id: emulator.issueTriggerId(), view: step("Step 1") });
    const viewId = opened.view?.id as string;
    await client.views.update({ view_id: viewId, view: step("Step 2") });
    const stale = client.views.update({ view_id: viewId, hash: opened.view?.hash, view: step("Step 2b") });
    expect(await slackErrorOf(stale)).toBe("hash_conflict");
    expect(await slackErrorOf(client.views.update({ view_id: "V_NONE", view: step("x") }))).toBe("not_found");
  });
});

describe("views.publish", () => {
  it("keeps one Home tab per user and refuses a modal", async () => {
    const client = webClientFor(emulator);
    const home = (text: string) => ({
      type: "home" as const,
      blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }],
    });
    await client.views.publish({ user_id: "U_PM", view: home("2 projects") });
    await client.views.publish({ user_id: "U_PM", view: home("3 projects") });
    await client.views.publish({ user_id: "U_DEV", view: home("1 project") });
    expect(emulator.homeViews.get("U_PM")?.view).toEqual(home("3 projects"));
    expect(emulator.homeViews.size).toBe(2);
    expect(await slackErrorOf(client.views.publish({ user_id: "U_PM", view: step("Modal") }))).toBe(
      "invalid_arguments",
    );
  });
});
