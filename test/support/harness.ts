import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSignedClient, type SignedClient } from "../../emulator/signed-client.js";
import { type SlackEmulator, startSlackEmulator } from "../../emulator/slack-emulator.js";
import { createApp, type IntplanApp } from "../../src/app.js";
import { type Config, secretsOf } from "../../src/config.js";
import { type Db, type OpenDatabase, openDatabase } from "../../src/db/client.js";
import type { AppInputs, Timing } from "../../src/deps.js";
import { createDocumentRenderer } from "../../src/documents/renderer.js";
import { createKeyedLock } from "../../src/keyed-lock.js";
import { createLogger } from "../../src/logger.js";
import { TEMPLATES_DIR } from "../../src/paths.js";

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
  /** Moves the app's clock forward by `ms` (e.g. past `refreshDelayMs`, so the refresh a burst asked for is due). */
  advance(ms: number): void;
  /**
   * Resolves when the work is done: every request sent through `slack` answered, no listener still running
   * (they go on after their ack), and no outbox job due at the app's clock (due ones are run). Throws, saying
   * what is still pending, after `timeoutMs`. Work scheduled later is not waited for: move the clock.
   */
  idle(timeoutMs?: number): Promise<void>;
  /**
   * Stops the app and the emulator; then fails the test if the app wrote a canvas Slack would show wrongly
   * (message markup such as `<@U…>`, recorded by the emulator in `canvasProblems`).
   */
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: Date;
  /** Reuse a database file (to test restarts); a fresh one in a temp folder otherwise. */
  databasePath?: string;
  emulator?: SlackEmulator;
  /**
   * Background timing. By default a change's refresh is due at once (so `idle()` sees it done) and the
   * outbox polls every 20 ms (the reminders, too, are planned again at once after a change); a burst test sets
   * a long `refreshDelayMs` and moves the clock past it.
   */
  timing?: Partial<Timing>;
  /** `/intplan import`'s file readers (a stand-in, test/support/fake-import-reader.ts); the app's own otherwise. */
  readImport?: AppInputs["readImport"];
}

/** Generous: `idle()` waits for real work on a loaded machine, and failing says what was still pending. */
const IDLE_TIMEOUT_MS = 15_000;

/** Records every request sent through `client` until it is answered, so `idle()` can wait for it. */
function trackRequests(client: SignedClient, sent: Set<Promise<unknown>>): SignedClient {
  const tracked = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(client)) {
    tracked[name] = (...args: unknown[]) => {
      const request = (method as (...a: unknown[]) => Promise<unknown>)(...args);
      sent.add(request);
      void request.then(
        () => sent.delete(request),
        () => sent.delete(request),
      );
      return request;
    };
  }
  return tracked as unknown as SignedClient;
}

/** True when every promise settled within `timeoutMs`. */
async function settleWithin(promises: Promise<unknown>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([Promise.allSettled(promises).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
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
    timing: { refreshDelayMs: 0, remindersDelayMs: 0, outboxPollMs: 20, ...options.timing },
    locks: createKeyedLock(),
    documents: createDocumentRenderer({ templatesDir: TEMPLATES_DIR, now }),
    logger: createLogger({ level: "debug", secrets: secretsOf(config), write: (line) => logs.push(line) }),
    ...(options.readImport ? { readImport: options.readImport } : {}),
  });
  const { port } = await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sent = new Set<Promise<unknown>>();
  const slack = trackRequests(
    createSignedClient({ appUrl: `${baseUrl}/slack/events`, signingSecret: TEST_SIGNING_SECRET, emulator }),
    sent,
  );
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
    advance: (ms) => {
      base += ms;
    },
    async idle(timeoutMs = IDLE_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      const answered = await settleWithin([...sent], timeoutMs);
      if (!answered) {
        throw new Error(`${sent.size} request(s) sent to the app got no answer within ${timeoutMs} ms`);
      }
      await app.idle(Math.max(0, deadline - Date.now()));
    },
    async close() {
      await app.stop(2000);
      database.close();
      if (!options.emulator) await emulator.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      const problems = emulator.canvasProblems.flatMap((p) =>
        p.problems.map((text) => `${p.method}: ${text}`),
      );
      if (problems.length > 0) {
        throw new Error(`The app wrote canvas markdown Slack shows as raw text:\n${problems.join("\n")}`);
      }
    },
  };
}
