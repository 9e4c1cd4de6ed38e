/**
 * The real entry point in a process of its own, on a database another program locks (a second connection
 * holding `BEGIN EXCLUSIVE`). Starting on it, intplan starts anyway, says so (log and /healthz 503), refuses
 * changes with a clear answer, and takes changes as soon as the database does, without a restart. And after
 * such a spell, a `kill -9` loses nothing that was acknowledged.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSignedClient, type SignedClient } from "../../emulator/signed-client.js";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { openDatabase } from "../../src/db/client.js";
import { type AppProcess, startAppProcess } from "../support/app-process.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0PROJECT";

describe("a database another program locks, in a process of its own", () => {
  let emulator: SlackEmulator;
  let dir: string;
  let app: AppProcess | undefined;

  beforeEach(async () => {
    emulator = await startSlackEmulator();
    dir = mkdtempSync(join(tmpdir(), "intplan-start-"));
  });
  afterEach(async () => {
    app?.child.kill("SIGKILL");
    await app?.exited;
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const databasePath = () => join(dir, "intplan.sqlite");
  const env = () => ({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: emulator.apiUrl,
    DATABASE_URL: databasePath(),
    LOG_LEVEL: "info",
  });
  const clientFor = (p: AppProcess): SignedClient =>
    createSignedClient({
      appUrl: `http://127.0.0.1:${p.port}/slack/events`,
      signingSecret: TEST_SIGNING_SECRET,
      emulator,
    });
  const health = async (p: AppProcess) => {
    const res = await fetch(`http://127.0.0.1:${p.port}/healthz`);
    return { status: res.status, body: (await res.json()) as { ok: boolean; problem?: string } };
  };
  /** Waits for the app to report itself healthy again (it re-checks on its own); fails loudly after 10 s. */
  const recovered = async (p: AppProcess) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { status } = await health(p);
      if (status === 200) return;
      if (Date.now() > deadline)
        throw new Error(`/healthz still says ${status} after 10 s:\n${p.output.join("")}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it("starts, reports the lock, refuses changes, and takes them once the lock is gone", async () => {
    openDatabase(databasePath()).close(); // an existing, migrated database…
    const other = new Database(databasePath());
    other.exec("begin exclusive"); // …that another program keeps locked
    try {
      app = await startAppProcess(env(), undefined, { until: "answering" });
      expect(await health(app)).toEqual({
        status: 503,
        body: expect.objectContaining({ ok: false, problem: "locked" }),
      });
      const slack = clientFor(app);
      const refused = await slack.command({ text: "new", channelId: CHANNEL });
      expect(refused.status).toBe(200);
      expect(refused.ms).toBeLessThan(3000);
      expect(JSON.stringify(refused.body)).toContain("I could not save this");
      expect(app.output.join("")).toContain("The database does not accept changes (locked");

      other.exec("rollback");
      other.close();
      await recovered(app);
      const res = await slack.command({ text: "new", channelId: CHANNEL });
      expect(res.status).toBe(200);
      await emulator.waitForCall("views.open", (c) => c.args.trigger_id === res.triggerId);
      expect(app.output.join("")).toContain("The database accepts changes again.");
      expect(app.child.exitCode).toBeNull();
    } finally {
      if (other.open) other.close();
    }
  }, 60_000); // the app starts from source (tsx): slow on a loaded machine

  it("refuses changes while locked, takes them after, and keeps every acknowledged one through a kill -9", async () => {
    app = await startAppProcess(env());
    let slack = clientFor(app);
    await createProjectThroughSlack({ slack, emulator }, { channelId: CHANNEL });
    const saidNotSaved = (body: unknown) => JSON.stringify(body ?? "").includes("I could not save this");

    // While another program holds the lock, every blocker is refused, plainly and in time.
    const other = new Database(databasePath());
    other.exec("begin exclusive");
    try {
      const refused = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          slack.command({ text: `blocker Refused ${i + 1}`, channelId: CHANNEL, userId: `U0R${i}` }),
        ),
      );
      for (const res of refused) {
        expect(res.status).toBe(200);
        expect(res.ms).toBeLessThan(3000);
        expect(saidNotSaved(res.body)).toBe(true);
      }
    } finally {
      other.exec("rollback");
      other.close();
    }
    await recovered(app);

    // Then a burst from several people; the process is killed while requests are in flight.
    const acknowledged: string[] = [];
    const killer = (async () => {
      while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 2));
      app?.child.kill("SIGKILL");
    })();
    const workers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = w; i < 60; i += 4) {
        const text = `Accepted ${i + 1}`;
        try {
          const res = await slack.command({ text: `blocker ${text}`, channelId: CHANNEL, userId: `U0W${w}` });
          if (res.status === 200 && !saidNotSaved(res.body)) acknowledged.push(text);
        } catch {
          return; // connection refused or reset: the app is gone
        }
      }
    });
    await Promise.all([killer, ...workers]);
    expect(await app.exited).toBe("SIGKILL");

    app = await startAppProcess(env());
    slack = clientFor(app);
    const db = new Database(databasePath(), { readonly: true });
    try {
      const stored = (db.prepare("select text from blockers").all() as { text: string }[]).map((b) => b.text);
      expect(stored.filter((text) => text.startsWith("Refused"))).toEqual([]);
      for (const text of acknowledged) expect(stored).toContain(text);
    } finally {
      db.close();
    }
  }, 60_000); // the app starts from source (tsx): slow on a loaded machine
});
