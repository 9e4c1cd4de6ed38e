/**
 * Starting on a database that cannot be written: intplan starts anyway, says so (log and /healthz 503),
 * refuses changes with a clear answer, and takes changes as soon as the database does, without a restart.
 * Runs the real entry point in a process of its own; the lock is held by a second connection.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { type AppProcess, startAppProcess } from "../support/app-process.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../support/harness.js";
import { createSignedClient } from "../support/signed-client.js";
import { type SlackEmulator, startSlackEmulator } from "../support/slack-emulator.js";

const CHANNEL = "C0PROJECT";

describe("starting on a database that cannot be written", () => {
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
      app = await startAppProcess(
        {
          SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
          SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
          SLACK_API_URL: emulator.apiUrl,
          DATABASE_URL: databasePath(),
          LOG_LEVEL: "info",
        },
        undefined,
        { until: "answering" },
      );
      expect(await health(app)).toEqual({
        status: 503,
        body: expect.objectContaining({ ok: false, problem: "locked" }),
      });
      const slack = createSignedClient({
        appUrl: `http://127.0.0.1:${app.port}/slack/events`,
        signingSecret: TEST_SIGNING_SECRET,
        emulator,
      });
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
  });
});
