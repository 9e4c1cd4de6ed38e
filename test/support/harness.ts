import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type IntplanApp, type Timing } from "../../src/app.js";
import { type Config, secretsOf } from "../../src/config.js";
import { type Db, type OpenDatabase, openDatabase } from "../../src/db/client.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { createKeyedLock } from "../../src/keyed-lock.js";
import { createLogger } from "../../src/logger.js";
import { TEMPLATES_DIR } from "../../src/paths.js";
import { createSignedClient, type SignedClient } from "./signed-client.js";
import { type SlackEmulator, startSlackEmulator } from "./slack-emulator.js";

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789";
export const TEST_BOT_TOKEN = "xoxb-test-bot-token-0123456789";

export interface TestApp {
  app: IntplanApp;
  db: Db;
  /** The app's database handle: its health check, and the raw connection (to fill the disk in tests). */
  database: OpenDatabase;
  emulator: SlackEmulator;
  slack: SignedClient;
  /** Every line the app logged. */
  logs: string[];
  baseUrl: string;
  databasePath: string;
  /** Moves the app's clock (it keeps ticking from there). */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: Date;
  /** Reuse a database file (to test restarts); a fresh one in a temp folder otherwise. */
  databasePath?: string;
  emulator?: SlackEmulator;
  /** Background timing; by default refreshes run 30 ms after a change. */
  timing?: Partial<Timing>;
}

/**
 * The real app over real HTTP, on a fresh SQLite file that ran the real migrations, talking to the
 * loopback Slack emulator; `slack` sends correctly signed requests to it.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const emulator = options.emulator ?? (await startSlackEmulator());
  const dir = options.databasePath ? undefined : mkdtempSync(join(tmpdir(), "intplan-test-"));
  const databasePath = options.databasePath ?? join(dir as string, "intplan.sqlite");
  const database = openDatabase(databasePath, { clock: () => now() });
  const config: Config = {
    slackBotToken: TEST_BOT_TOKEN,
    slackSigningSecret: TEST_SIGNING_SECRET,
    slackAppToken: undefined,
    port: 0,
    databaseUrl: databasePath,
    slackApiUrl: emulator.apiUrl,
    logLevel: "debug",
    mode: "http",
  };
  const logs: string[] = [];
  // The app's clock starts at a fixed date and ticks with real time, so background work comes due.
  let base = (options.now ?? new Date("2026-11-22T10:00:00Z")).getTime();
  let started = Date.now();
  const now = () => new Date(base + (Date.now() - started));
  const app = createApp({
    config,
    db: database.db,
    database,
    clock: now,
    timing: { refreshDelayMs: 30, outboxPollMs: 20, ...options.timing },
    locks: createKeyedLock(),
    documents: createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now }),
    logger: createLogger({ level: "debug", secrets: secretsOf(config), write: (line) => logs.push(line) }),
  });
  const { port } = await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const slack = createSignedClient({
    appUrl: `${baseUrl}/slack/events`,
    signingSecret: TEST_SIGNING_SECRET,
    emulator,
  });
  return {
    app,
    db: database.db,
    database,
    emulator,
    slack,
    logs,
    baseUrl,
    databasePath,
    setNow: (date) => {
      base = date.getTime();
      started = Date.now();
    },
    async close() {
      await app.stop(2000);
      database.close();
      if (!options.emulator) await emulator.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
