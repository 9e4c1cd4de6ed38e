import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSignedClient } from "../emulator/signed-client.js";
import { startSlackEmulator } from "../emulator/slack-emulator.js";
import { type AppName, type AppUnderLoad, measureAckLatency, type ScenarioResult } from "./ack-latency.js";
import { BENCH_SIGNING_SECRET, type StartedApp, startApp } from "./apps.js";
import type { ChildProcesses, MemorySample } from "./child-app.js";
import type { BenchOptions } from "./options.js";
import { createScenarios } from "./scenarios.js";
import { prepareProject } from "./setup.js";

export interface AppFigures {
  startupsMs: number[];
  /** Right after start-up, before any request. */
  idleMemory: MemorySample;
  /** After every measured request was answered. */
  memoryAfterLoad: MemorySample;
}

export interface AppsUnderLoad {
  apps: Record<AppName, AppFigures>;
  ack: ScenarioResult[];
}

/**
 * The floor and intplan, each in its own process, against one loopback Slack emulator: start-up, memory and
 * ack latency under load. Both apps are stopped on the way out, also on error.
 */
export async function measureAppsUnderLoad(
  options: BenchOptions,
  children: ChildProcesses,
  progress: (line: string) => void,
): Promise<AppsUnderLoad> {
  const workDir = mkdtempSync(join(tmpdir(), "intplan-bench-"));
  const emulator = await startSlackEmulator();
  const running: StartedApp[] = [];
  try {
    const start = async (name: AppName) => {
      progress(`Starting ${name} (${options.startups}×)…`);
      const profile = name === "intplan" && options.profileDir;
      const started = await startApp(children, name, {
        times: options.startups,
        workDir,
        slackApiUrl: emulator.apiUrl,
        nodeOptions: profile ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [],
        fromSource: options.fromSource,
      });
      running.push(started);
      return started;
    };
    const floor = await start("floor");
    const intplan = await start("intplan");
    const clientFor = (started: StartedApp) =>
      createSignedClient({
        appUrl: `${started.app.baseUrl}/slack/events`,
        signingSecret: BENCH_SIGNING_SECRET,
        emulator,
      });
    const intplanSlack = clientFor(intplan);
    const apps: AppUnderLoad[] = [
      { name: "intplan", slack: intplanSlack, process: intplan.app },
      { name: "floor", slack: clientFor(floor), process: floor.app },
    ];

    progress("Setting up a project with a few blockers in intplan…");
    const scenarios = createScenarios(await prepareProject(intplanSlack, emulator));
    for (const scenario of scenarios) {
      const problem = scenario.problemWith(await scenario.send(intplanSlack, 0));
      if (problem) throw new Error(`intplan does not answer ${scenario.label} as expected: ${problem}`);
    }

    progress(
      `Load: ${options.requests} requests per scenario per app, ${options.concurrency} at a time, after ${options.warmupRequests} warm-up…`,
    );
    const deadline = performance.now() + options.loadBudgetMs;
    const ack = await measureAckLatency(apps, scenarios, { ...options, deadline }, emulator);
    const figuresOf = (started: StartedApp): AppFigures => ({
      startupsMs: started.startupsMs,
      idleMemory: started.idleMemory,
      memoryAfterLoad: started.app.memory(),
    });
    return { apps: { intplan: figuresOf(intplan), floor: figuresOf(floor) }, ack };
  } finally {
    await Promise.all(running.map((r) => r.app.stop()));
    await emulator.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
