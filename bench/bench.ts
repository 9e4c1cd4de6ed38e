import type { AppName, ScenarioResult } from "./ack-latency.js";
import { type AppFigures, measureAppsUnderLoad } from "./apps-under-load.js";
import { type BusyResult, measureBusyWorkspace } from "./busy-workspace.js";
import type { ChildProcesses } from "./child-app.js";
import { type HomeCase, measureHome } from "./home.js";
import { describeMachine, type Machine } from "./machine.js";
import type { BenchOptions } from "./options.js";
import { measureReminders, type RemindersCase } from "./reminders.js";
import { measureRendering, type RenderCase } from "./rendering.js";

export interface BenchResults {
  machine: Machine;
  options: BenchOptions;
  apps: Record<AppName, AppFigures>;
  ack: ScenarioResult[];
  busy: BusyResult;
  rendering: RenderCase[];
  home: HomeCase[];
  reminders: RemindersCase[];
  totalMs: number;
}

/** Per case of the in-process measurements (one render size, one Home size). */
const CASE_BUDGET_MS = 8000;

/**
 * The whole benchmark: the apps under load, then the busy workspace (each in child processes, stopped before
 * this returns or throws), then rendering and App Home in this process with nothing else running.
 * `children.killAll()` is the caller's last resort.
 */
export async function runBench(
  options: BenchOptions,
  children: ChildProcesses,
  progress: (line: string) => void,
): Promise<BenchResults> {
  const started = performance.now();
  const machine = describeMachine();
  const { apps, ack } = await measureAppsUnderLoad(options, children, progress);
  const busy = await measureBusyWorkspace(options.busy, children, progress, {
    fromSource: options.fromSource,
  });
  progress("Rendering the seven documents…");
  const rendering = await measureRendering({
    sizes: options.renderSizes,
    iterations: options.renderIterations,
    budgetMsPerCase: CASE_BUDGET_MS,
  });
  progress("Building App Home…");
  const home = await measureHome({
    sizes: options.homeSizes,
    iterations: options.homeIterations,
    budgetMsPerCase: CASE_BUDGET_MS,
  });
  progress("Planning reminders…");
  const reminders = await measureReminders({ sizes: options.reminderSizes });
  return {
    machine,
    options,
    apps,
    ack,
    busy,
    rendering,
    home,
    reminders,
    totalMs: performance.now() - started,
  };
}
