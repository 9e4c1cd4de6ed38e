import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSignedClient, type SignedClient } from "../../emulator/signed-client.js";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { type AppProcess, startAppProcess } from "../support/app-process.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../support/harness.js";
import { createProjectThroughSlack } from "../support/projects.js";

const CHANNEL = "C0PROJECT";

describe("a crash in the middle of a burst of changes", () => {
  let emulator: SlackEmulator;
  let dir: string;
  let app: AppProcess | undefined;

  beforeEach(async () => {
    emulator = await startSlackEmulator();
    dir = mkdtempSync(join(tmpdir(), "intplan-crash-"));
  });
  afterEach(async () => {
    app?.child.kill("SIGKILL");
    await app?.exited;
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: emulator.apiUrl,
    DATABASE_URL: join(dir, "intplan.sqlite"),
    LOG_LEVEL: "warn",
  });
  const clientFor = (p: AppProcess): SignedClient =>
    createSignedClient({
      appUrl: `http://127.0.0.1:${p.port}/slack/events`,
      signingSecret: TEST_SIGNING_SECRET,
      emulator,
    });

  it("keeps every acknowledged change after SIGKILL, and the outbox finishes after restart", async () => {
    app = await startAppProcess(env());
    let slack = clientFor(app);
    await createProjectThroughSlack({ slack, emulator }, { channelId: CHANNEL });
    await slack.command({ text: "plan", channelId: CHANNEL });
    const created = await emulator.waitForCall("canvases.create", undefined, 5000);
    const canvasId = String(created.answer?.canvas_id);

    // A burst of blockers from several people; the app is killed while requests are in flight.
    const acknowledged: string[] = [];
    const burst = Array.from({ length: 80 }, (_, i) => `Blocker number ${i + 1}`);
    const killer = (async () => {
      while (acknowledged.length < 25) await new Promise((r) => setTimeout(r, 2));
      app?.child.kill("SIGKILL");
    })();
    const workers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = w; i < burst.length; i += 8) {
        const text = burst[i] as string;
        try {
          const res = await slack.command({ text: `blocker ${text}`, channelId: CHANNEL, userId: `U0W${w}` });
          if (res.status === 200) acknowledged.push(text);
        } catch {
          return; // connection refused or reset: the app is gone
        }
      }
    });
    await Promise.all([killer, ...workers]);
    expect(await app.exited).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    expect(acknowledged.length).toBeLessThan(burst.length);

    app = await startAppProcess(env());
    slack = clientFor(app);

    const db = new Database(join(dir, "intplan.sqlite"), { readonly: true });
    try {
      const stored = db.prepare("select text from blockers").all() as { text: string }[];
      const storedTexts = new Set(stored.map((b) => b.text));
      for (const text of acknowledged) expect(storedTexts.has(text)).toBe(true);
      const audited = db
        .prepare("select count(*) as n from audit_log where action = 'blocker.added'")
        .get() as { n: number };
      expect(audited.n).toBe(stored.length);

      // The restarted app drains what the crash left in the outbox: the canvas catches up on every blocker.
      // Another process: no t.idle() here, so poll the outbox, and say what is left if it never empties.
      // The project's recurring reminders job stays, due later: it is not work the crash left.
      const left = () =>
        db.prepare("select job, attempts, last_error from outbox where job != 'reminders'").all();
      const deadline = Date.now() + 10_000;
      while (left().length > 0) {
        if (Date.now() > deadline) {
          throw new Error(`The restarted app left outbox work after 10 s: ${JSON.stringify(left())}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const markdown = emulator.canvases.get(canvasId)?.markdown ?? "";
      for (const { text } of stored) expect(markdown).toContain(text);
    } finally {
      db.close();
    }
    const res = await slack.command({ text: "blockers", channelId: CHANNEL });
    expect(res.status).toBe(200);
  }, 60_000);
});
