import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppName } from "./ack-latency.js";
import type { ChildApp, ChildProcesses, MemorySample } from "./child-app.js";
import { freePort, TSX_LOADER } from "./child-app.js";

export const BENCH_SIGNING_SECRET = "bench-signing-secret-0123456789";
export const BENCH_BOT_TOKEN = "xoxb-bench-bot-token-0123456789";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * How `npm start` runs intplan (`node <options> dist/main.js`), read from package.json so the bench measures
 * exactly that; `fromSource` runs src/main.ts through tsx with the same options instead (no build needed).
 */
export function intplanArgs(fromSource: boolean): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  const entry = args.at(-1);
  if (command !== "node" || !entry?.endsWith(".js")) {
    throw new Error(
      `The bench expects "start" to be "node [options] <file>.js", not "${pkg.scripts.start}".`,
    );
  }
  const options = args.slice(0, -1);
  return fromSource
    ? [...options, "--import", TSX_LOADER, join(ROOT, "src/main.ts")]
    : [...options, resolve(ROOT, entry)];
}

const appArgs = (name: AppName, fromSource: boolean): string[] =>
  name === "intplan" ? intplanArgs(fromSource) : [join(ROOT, "bench/floor-app.mjs")];

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
  options: {
    times: number;
    workDir: string;
    slackApiUrl: string;
    nodeOptions?: string[];
    fromSource: boolean;
  },
): Promise<StartedApp> {
  const startupsMs: number[] = [];
  for (let i = 1; ; i++) {
    const port = await freePort();
    const app = await children.start({
      name,
      args: appArgs(name, options.fromSource),
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
