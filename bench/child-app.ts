import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";

/** An app running in a child process of its own, so its start-up and memory are measured honestly. */
export interface ChildApp {
  baseUrl: string;
  /** From spawn to the first 200 from /healthz. */
  startupMs: number;
  /** Resident memory now and at its peak, from /proc/<pid>/status. */
  memory(): MemorySample;
  /** CPU time used so far by all its threads (user + system), from /proc/<pid>/stat, in 10 ms steps. */
  cpuMs(): number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface MemorySample {
  rssMb: number;
  peakRssMb: number;
}

export interface ChildAppSpec {
  name: string;
  /** What follows `node` on the command line: Node's options and the entry point (absolute). */
  args: string[];
  /** The whole environment of the child (nothing is inherited but PATH). */
  env: Record<string, string>;
  port: number;
  /** Working directory: a folder of its own, so no stray .env is read. */
  cwd: string;
  startTimeoutMs?: number;
  /** Extra Node options, e.g. `--cpu-prof`. */
  nodeOptions?: string[];
}

/** Starts apps as child processes and remembers the ones still running. */
export interface ChildProcesses {
  /** Resolves once the app answers /healthz; the child is killed when it does not. */
  start(spec: ChildAppSpec): Promise<ChildApp>;
  /** SIGKILLs every child still running, each by its own process id: the last resort on exit. */
  killAll(): void;
}

/** tsx's loader by absolute URL, so a child running TypeScript can run from a folder of its own. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const STDERR_TAIL = 4000;

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("No free port on 127.0.0.1.");
  return address.port;
}

function readMemory(pid: number): MemorySample {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakRssMb: kb("VmHWM") / 1024 };
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ), whatever the kernel's own tick rate. */
const MS_PER_TICK = 10;

function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}:\n${stderr()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(10);
  }
  throw new Error(`did not answer ${url} within ${timeoutMs} ms:\n${stderr()}`);
}

export function createChildProcesses(): ChildProcesses {
  const running = new Set<ChildProcess>();
  return {
    async start(spec) {
      const started = performance.now();
      const child = spawn(process.execPath, [...(spec.nodeOptions ?? []), ...spec.args], {
        cwd: spec.cwd,
        env: { PATH: process.env.PATH ?? "", ...spec.env },
        stdio: ["ignore", "ignore", "pipe"],
      });
      running.add(child);
      child.once("exit", () => running.delete(child));
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
      });
      const baseUrl = `http://127.0.0.1:${spec.port}`;
      try {
        await waitForHealth(`${baseUrl}/healthz`, child, () => stderr, spec.startTimeoutMs ?? 30_000);
      } catch (error) {
        child.kill("SIGKILL");
        throw new Error(`${spec.name} ${(error as Error).message}`);
      }
      const startupMs = performance.now() - started;
      const pid = child.pid as number;
      return {
        baseUrl,
        startupMs,
        memory: () => readMemory(pid),
        cpuMs: () => readCpuMs(pid),
        async stop(graceMs = 3000) {
          const done = exited(child);
          child.kill("SIGTERM");
          const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          await done;
          clearTimeout(killer);
        },
      };
    },
    killAll() {
      for (const child of running) child.kill("SIGKILL");
    },
  };
}
