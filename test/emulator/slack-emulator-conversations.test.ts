import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { slackErrorOf, webClientFor } from "../../emulator/slack-emulator-test-client.js";

let emulator: SlackEmulator;
beforeEach(async () => {
  emulator = await startSlackEmulator({ teamId: "T_AGENCY", botUserId: "U_BOT" });
  emulator.addChannel({ id: "C_PUBLIC", name: "storefront", members: ["U_ANNA", "U_BEN"] });
  emulator.addChannel({ id: "C_SECRET", name: "payroll", is_private: true, members: ["U_ANNA"] });
  emulator.addChannel({ id: "C_PARTNER", name: "partner", is_ext_shared: true, members: ["U_ANNA"] });
  // A private channel the bot is not in, and a public one it is not in.
  emulator.addChannel({ id: "C_HR", is_private: true, members: ["U_ANNA"], botIsMember: false });
  emulator.addChannel({ id: "C_LOUNGE", members: ["U_BEN"], botIsMember: false });
});
afterEach(() => emulator.close());

const ids = (answer: { channels?: { id?: string }[] }) => (answer.channels ?? []).map((c) => c.id);
const both = "public_channel,private_channel";

describe("users.conversations with a bot token", () => {
  it("lists the bot's own channels without `user`, public only by default", async () => {
    const client = webClientFor(emulator);
    expect(ids(await client.users.conversations({}))).toEqual(["C_PARTNER", "C_PUBLIC"]);
    expect(ids(await client.users.conversations({ types: both }))).toEqual([
      "C_PARTNER",
      "C_PUBLIC",
      "C_SECRET",
    ]);
  });

  it("with `user`: that person's public channels, and the private ones the bot shares with them", async () => {
    const client = webClientFor(emulator);
    expect(ids(await client.users.conversations({ user: "U_ANNA", types: both }))).toEqual([
      "C_PARTNER",
      "C_PUBLIC",
      "C_SECRET",
    ]);
    expect(ids(await client.users.conversations({ user: "U_BEN", types: both }))).toEqual([
      "C_LOUNGE",
      "C_PUBLIC",
    ]);
  });

  it("answers Slack's limited objects: privacy and sharing, no is_member", async () => {
    const answer = await webClientFor(emulator).users.conversations({ user: "U_ANNA", types: both });
    const secret = answer.channels?.find((c) => c.id === "C_SECRET");
    const partner = answer.channels?.find((c) => c.id === "C_PARTNER");
    expect(secret).toMatchObject({ is_private: true, is_channel: false, is_group: true, is_shared: false });
    expect(partner).toMatchObject({ is_private: false, is_ext_shared: true, is_shared: true });
    expect(secret).not.toHaveProperty("is_member");
  });

  it("pages with an opaque cursor, empty on the last page", async () => {
    const client = webClientFor(emulator);
    const first = await client.users.conversations({ types: both, limit: 2 });
    expect(ids(first)).toEqual(["C_PARTNER", "C_PUBLIC"]);
    const cursor = first.response_metadata?.next_cursor ?? "";
    expect(cursor).not.toBe("");
    const last = await client.users.conversations({ types: both, limit: 2, cursor });
    expect(ids(last)).toEqual(["C_SECRET"]);
    expect(last.response_metadata?.next_cursor).toBe("");
  });

  it("refuses what Slack refuses: a cursor it did not give, a limit past 999, an unknown type", async () => {
    const client = webClientFor(emulator);
    expect(await slackErrorOf(client.users.conversations({ cursor: "bm9wZQ==" }))).toBe("invalid_cursor");
    expect(await slackErrorOf(client.users.conversations({ limit: 1000 }))).toBe("invalid_limit");
    expect(await slackErrorOf(client.users.conversations({ types: "public_channel,dm" }))).toBe(
      "invalid_types",
    );
  });

  it("leaves archived channels in unless asked, and follows a channel made private later", async () => {
    const client = webClientFor(emulator);
    emulator.updateChannel("C_PUBLIC", { is_archived: true });
    expect(ids(await client.users.conversations({ exclude_archived: true }))).toEqual(["C_PARTNER"]);
    emulator.updateChannel("C_PUBLIC", { is_archived: false, is_private: true, members: ["U_ANNA"] });
    expect(ids(await client.users.conversations({ user: "U_BEN", types: both }))).toEqual(["C_LOUNGE"]);
    const info = await client.conversations.info({ channel: "C_PUBLIC" });
    expect(info.channel).toMatchObject({ is_private: true, is_member: true });
  });

  it("is Tier 3: the 51st call in a minute is answered 429", async () => {
    emulator.setRateLimits("slack");
    const client = webClientFor(emulator, { rejectRateLimitedCalls: true });
    for (let i = 0; i < 50; i++) await client.users.conversations({});
    await expect(client.users.conversations({})).rejects.toMatchObject({
      code: "slack_webapi_rate_limited_error",
    });
  });
});

describe("conversations.info with a bot token", () => {
  it("describes public and shared channels, and no private channel the bot is not in", async () => {
    const client = webClientFor(emulator);
    expect((await client.conversations.info({ channel: "C_LOUNGE" })).channel).toMatchObject({
      is_private: false,
      is_member: false,
    });
    expect((await client.conversations.info({ channel: "C_PARTNER" })).channel).toMatchObject({
      is_ext_shared: true,
      is_shared: true,
    });
    expect(await slackErrorOf(client.conversations.info({ channel: "C_HR" }))).toBe("channel_not_found");
    // A channel no test declared: public, the bot in it.
    expect((await client.conversations.info({ channel: "C_ELSEWHERE" })).channel).toMatchObject({
      id: "C_ELSEWHERE",
      is_private: false,
      is_member: true,
    });
  });
});

describe("posting where the bot is not a member", () => {
  it("answers not_in_channel for a public channel and channel_not_found for a private one, as Slack does", async () => {
    const client = webClientFor(emulator);
    const post = (channel: string) => slackErrorOf(client.chat.postMessage({ channel, text: "hello" }));
    expect(await post("C_LOUNGE")).toBe("not_in_channel");
    expect(await post("C_HR")).toBe("channel_not_found");
    emulator.updateChannel("C_LOUNGE", { botIsMember: true });
    expect((await client.chat.postMessage({ channel: "C_LOUNGE", text: "hello" })).ok).toBe(true);
  });
});

describe("conversations.open and direct messages", () => {
  const person = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: id.toLowerCase(),
    real_name: id,
    tz: "UTC",
    is_bot: false,
    profile: { display_name: id.toLowerCase(), real_name: id },
    ...extra,
  });

  it("opens one DM per person, the same on every call, where the bot can post", async () => {
    const client = webClientFor(emulator);
    const first = await client.conversations.open({ users: "U_ANNA" });
    const again = await client.conversations.open({ users: "U_ANNA" });
    expect(first.channel?.id).toMatch(/^D/);
    expect(again.channel?.id).toBe(first.channel?.id);
    const posted = await client.chat.postMessage({ channel: first.channel?.id ?? "", text: "Hello" });
    expect(posted.ok).toBe(true);
  });

  it("refuses a DM nobody opened, a bot, a deactivated person and an unknown id", async () => {
    const client = webClientFor(emulator);
    emulator.users.set("U_APP", person("U_APP", { is_bot: true }));
    emulator.users.set("U_GONE", person("U_GONE", { deleted: true }));
    emulator.unknownUsers.add("U_NOBODY");
    expect(await slackErrorOf(client.chat.postMessage({ channel: "D000000099", text: "x" }))).toBe(
      "channel_not_found",
    );
    expect(await slackErrorOf(client.conversations.open({ users: "U_APP" }))).toBe("cannot_dm_bot");
    expect(await slackErrorOf(client.conversations.open({ users: "U_GONE" }))).toBe("user_disabled");
    expect(await slackErrorOf(client.conversations.open({ users: "U_NOBODY" }))).toBe("user_not_found");
  });

  it("someone of another organisation: another team_id in users.info; a DM only when they share a channel with the bot", async () => {
    const client = webClientFor(emulator);
    emulator.users.set("U_CLIENT", person("U_CLIENT", { team_id: "T_CLIENT" }));
    emulator.users.set("U_FAR", person("U_FAR", { team_id: "T_OTHER" }));
    emulator.joinChannel("C_PARTNER", "U_CLIENT");
    expect((await client.users.info({ user: "U_CLIENT" })).user?.team_id).toBe("T_CLIENT");
    expect((await client.users.info({ user: "U_ANNA" })).user?.team_id).toBe("T_AGENCY");
    expect((await client.conversations.open({ users: "U_CLIENT" })).ok).toBe(true);
    expect(await slackErrorOf(client.conversations.open({ users: "U_FAR" }))).toBe(
      "invalid_user_combination",
    );
  });
});
