import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { webClientFor } from "../../emulator/slack-emulator-test-client.js";
import type { DirectoryName } from "../../src/documents/people-presentation.js";
import { cachedDirectory, type PeopleDirectory } from "../../src/services/people-directory.js";
import { slackPeopleDirectory } from "../../src/slack/slack-people-directory.js";

const named = (name: string): DirectoryName => ({ status: "named", name });

/** A directory that answers from a script and counts what it was asked. */
function scripted(answers: Record<string, DirectoryName | Error>) {
  const asked: string[] = [];
  const answer = async (id: string) => {
    asked.push(id);
    const a = answers[id] ?? { status: "gone" };
    if (a instanceof Error) throw a;
    return a;
  };
  const source: PeopleDirectory = { person: answer, channel: answer, timeZone: async () => undefined };
  return { source, asked, answers };
}

describe("the names cache", () => {
  let now = new Date("2026-11-22T10:00:00Z").getTime();
  const clock = () => new Date(now);

  it("asks once per id within the TTL of the injected clock, and again after it", async () => {
    const s = scripted({ U0PM: named("Pat") });
    const directory = cachedDirectory(s.source, { clock, ttlMs: 60_000 });
    expect(await directory.person("U0PM")).toEqual(named("Pat"));
    expect(await directory.person("U0PM")).toEqual(named("Pat"));
    expect(s.asked).toEqual(["U0PM"]);
    s.answers.U0PM = named("Patricia");
    now += 60_001;
    expect(await directory.person("U0PM")).toEqual(named("Patricia"));
    expect(s.asked).toEqual(["U0PM", "U0PM"]);
  });

  it("shares one lookup between renders asking at once", async () => {
    const s = scripted({ U0PM: named("Pat") });
    const directory = cachedDirectory(s.source, { clock, ttlMs: 60_000 });
    await Promise.all([directory.person("U0PM"), directory.person("U0PM")]);
    expect(s.asked).toEqual(["U0PM"]);
  });

  it("turns a failed lookup into 'unavailable' and does not keep it", async () => {
    const s = scripted({ U0PM: new Error("socket hang up") });
    const directory = cachedDirectory(s.source, { clock, ttlMs: 60_000 });
    expect(await directory.person("U0PM")).toEqual({ status: "unavailable" });
    s.answers.U0PM = named("Pat");
    expect(await directory.person("U0PM")).toEqual(named("Pat"));
    expect(s.asked).toEqual(["U0PM", "U0PM"]);
  });

  it("keeps people and channels apart", async () => {
    const s = scripted({ X0: named("x") });
    const directory = cachedDirectory(s.source, { clock, ttlMs: 60_000 });
    await directory.person("X0");
    await directory.channel("X0");
    expect(s.asked).toEqual(["X0", "X0"]);
  });
});

describe("Slack's directory (users.info, conversations.info)", () => {
  let emulator: SlackEmulator;
  let directory: PeopleDirectory;
  const user = (id: string, display_name: string, real_name: string, name = id.toLowerCase()) => ({
    id,
    name,
    real_name,
    tz: "UTC",
    is_bot: false,
    profile: { display_name, real_name },
  });

  beforeAll(async () => {
    emulator = await startSlackEmulator();
    directory = slackPeopleDirectory(webClientFor(emulator));
  });
  afterAll(() => emulator.close());

  it("prefers the display name, then the full name, then the username", async () => {
    emulator.users.set("U0PM", user("U0PM", "Pat", "Pat Lee"));
    emulator.users.set("U0LEAD", user("U0LEAD", "", "Lee Chen"));
    emulator.users.set("U0BARE", user("U0BARE", " ", "", "bare.user"));
    expect(await directory.person("U0PM")).toEqual(named("Pat"));
    expect(await directory.person("U0LEAD")).toEqual(named("Lee Chen"));
    expect(await directory.person("U0BARE")).toEqual(named("bare.user"));
  });

  it("a deactivated account and an id Slack does not know are gone", async () => {
    emulator.users.set("U0EXDEV", { ...user("U0EXDEV", "sam", "Sam Former"), deleted: true });
    emulator.unknownUsers.add("U0NOBODY");
    expect(await directory.person("U0EXDEV")).toEqual({ status: "gone" });
    expect(await directory.person("U0NOBODY")).toEqual({ status: "gone" });
  });

  it("names a channel, and a channel Slack does not know is gone", async () => {
    emulator.addChannel({ id: "C0PROJECT", name: "int-acme" });
    expect(await directory.channel("C0PROJECT")).toEqual(named("int-acme"));
    emulator.failNext("conversations.info", { kind: "error", error: "channel_not_found" });
    expect(await directory.channel("C0GONE")).toEqual({ status: "gone" });
  });

  it("any other failure throws, for the cache to make it 'unavailable' this once", async () => {
    emulator.failNext("users.info", { kind: "error", error: "missing_scope" });
    await expect(directory.person("U0PM")).rejects.toThrow(/missing_scope/);
  });
});
