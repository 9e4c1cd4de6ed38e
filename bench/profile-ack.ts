/**
 * `npx tsx bench/profile-ack.ts [status|blocker|interview] [intplan|floor]`: a CPU profile of one app answering
 * one scenario only (compiled, as `npm start` runs it: `npm run build` first), and where its time goes.
 *
 * The app runs with `--cpu-prof --cpu-prof-interval 200`; after a warm-up and a quiet pause it answers 4,000
 * requests at 20 in flight. Printed: its CPU per request and latency, then the profile's samples during those
 * requests, by package (self time) and by function (inclusive, intplan's own code and its libraries). The
 * `.cpuprofile` file is kept for Chrome DevTools or speedscope; its path is printed last.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createSignedClient } from "../emulator/signed-client.js";
import { startSlackEmulator } from "../emulator/slack-emulator.js";
import type { AppName } from "./ack-latency.js";
import { BENCH_SIGNING_SECRET, startApp } from "./apps.js";
import { createChildProcesses } from "./child-app.js";
import { runLoad } from "./load.js";
import { createScenarios, type Scenario } from "./scenarios.js";
import { prepareProject } from "./setup.js";
import { percentile } from "./stats.js";

const ROUNDS = 8;
const ROUND_SIZE = 500;
const CONCURRENCY = 20;
/** Between the warm-up and the measured requests, so the work the warm-up left is done. */
const PAUSE_MS = 2500;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const where = (url: string) => url.replace(/.*node_modules\//, "").replace(/.*\/dist\//, "dist/");

function packageOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) return pkg;
  if (url.startsWith("node:")) return url.split("/")[0] ?? url;
  return where(url);
}

/**
 * Self time by package and inclusive time by function, over the samples of the measured load: the `loadMs`
 * that ended `tailMs` before the profile did (the app stopped right after the load).
 */
export function summarizeProfile(profile: CpuProfile, loadMs: number, tailMs: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = (id: number) => byId.get(id)?.callFrame.functionName === "(idle)";
  const at: number[] = [];
  let t = 0;
  for (const delta of profile.timeDeltas) {
    t += delta;
    at.push(t);
  }
  const endUs = t - tailMs * 1000;
  const startUs = endUs - loadMs * 1000;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const node = byId.get(id);
    const sampledAt = at[i] as number;
    if (!node || idle(id) || sampledAt < startUs || sampledAt > endUs) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    self.set(packageOf(node), (self.get(packageOf(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const frame = byId.get(p)?.callFrame;
      if (!frame) break;
      const name = `${frame.functionName || "(anonymous)"} ${where(frame.url)}`;
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      seen.add(name);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`)
      .join("\n");
  const ours = new Map([...inclusive].filter(([name]) => /dist\/|node_modules|@slack|drizzle/.test(name)));
  return `Samples in the measured load: ${total.toFixed(0)} ms\n\nSelf time by package:\n${top(self, 15)}\n\nInclusive, by function:\n${top(ours, 40)}`;
}

async function main(scenarioId: Scenario["id"], name: AppName) {
  const profileDir = mkdtempSync(join(tmpdir(), `intplan-profile-${name}-`));
  const workDir = mkdtempSync(join(tmpdir(), "intplan-profile-work-"));
  let loadMs = 0;
  let loadEnded = performance.now();
  const children = createChildProcesses();
  process.on("exit", () => children.killAll());
  const emulator = await startSlackEmulator();
  const started = await startApp(children, name, {
    times: 1,
    workDir,
    slackApiUrl: emulator.apiUrl,
    fromSource: false,
    nodeOptions: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval", "200"],
  });
  try {
    const slack = createSignedClient({
      appUrl: `${started.app.baseUrl}/slack/events`,
      signingSecret: BENCH_SIGNING_SECRET,
      emulator,
    });
    // The floor ignores what it is sent, so it gets the same requests about a project it never made.
    const project =
      name === "intplan"
        ? await prepareProject(slack, emulator)
        : { projectId: 1, channelId: "C0BENCH", userId: "U0PM" };
    const scenario = createScenarios(project).find((s) => s.id === scenarioId);
    if (!scenario) throw new Error(`No scenario "${scenarioId}".`);
    const plan = { concurrency: CONCURRENCY, deadline: Number.POSITIVE_INFINITY, requestTimeoutMs: 5000 };
    await runLoad((n) => scenario.send(slack, n), { ...plan, requests: 300 });
    await sleep(PAUSE_MS);
    const cpuBefore = started.app.cpuMs();
    const loadStarted = performance.now();
    const latencies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const result = await runLoad(
        (n) => scenario.send(slack, n),
        { ...plan, requests: ROUND_SIZE },
        round * ROUND_SIZE,
      );
      latencies.push(...result.latenciesMs);
      emulator.reset();
    }
    loadMs = performance.now() - loadStarted;
    loadEnded = performance.now();
    const cpuPerRequest = (started.app.cpuMs() - cpuBefore) / (ROUNDS * ROUND_SIZE);
    process.stdout.write(
      `${name}, ${scenario.label}: CPU per request ${cpuPerRequest.toFixed(2)} ms, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms\n`,
    );
  } finally {
    await started.app.stop(10_000);
    await emulator.close();
  }
  const tailMs = performance.now() - loadEnded;
  const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`${name} wrote no CPU profile into ${profileDir}.`);
  const path = join(profileDir, file);
  process.stdout.write(
    `\n${summarizeProfile(JSON.parse(readFileSync(path, "utf8")) as CpuProfile, loadMs, tailMs)}\n\n${path}\n`,
  );
}

const [scenarioId = "status", name = "intplan"] = process.argv.slice(2);
main(scenarioId as Scenario["id"], name as AppName).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
