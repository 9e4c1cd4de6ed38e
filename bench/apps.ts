import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppName } from "./ack-latency.js";
import type { ChildApp, ChildProcesses, MemorySample } from "./child-app.js";
import { freePort } from "./child-app.js";

export const BENCH_SIGNING_SECRET = "bench-signing-secret-0123456789";
export const BENCH_BOT_TOKEN = "xoxb-bench-bot-token-0123456789";

const SCRIPTS: Record<AppName, string> = {
  intplan: fileURLToPath(new URL("../src/main.ts", import.meta.url)),
  floor: fileURLToPath(new URL("./floor-app.ts", import.meta.url)),
};

export interface StartedApp {
  app: ChildApp;
  /** Every start-up of this app, in ms (the last one is the app returned). */
  startupsMs: number[];
  /** Right after the last start-up, before any request. */
  idleMemory: MemorySample;
}

/**
 * Starts `name` `times` times in a row (each on a fresh port, intplan on a fresh database file in `workDir`),
 * stopping all but the last, so start-up is measured more than once; the last one keeps running.
 */
export async function startApp(
  children: ChildProcesses,
  name: AppName,
  options: { times: number; workDir: string; slackApiUrl: string; nodeOptions?: string[] },
): Promise<StartedApp> {
  const startupsMs: number[] = [];
  for (let i = 1; ; i++) {
    const port = await freePort();
    const app = await children.start({
      name,
      script: SCRIPTS[name],
      port,
      cwd: options.workDir,
      nodeOptions: options.nodeOptions,
      env: {
        SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
        SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
        SLACK_API_URL: options.slackApiUrl,
        PORT: String(port),
        DATABASE_URL: join(options.workDir, `${name}-${i}.sqlite`),
        LOG_LEVEL: "warn",
      },
    });
    startupsMs.push(app.startupMs);
    if (i >= options.times) return { app, startupsMs, idleMemory: app.memory() };
    await app.stop();
  }
}
