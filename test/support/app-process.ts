import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  port: number;
  output: string[];
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** "healthy" (default): resolve once /healthz says 200; "answering": once it answers at all (503 too). */
  until?: "healthy" | "answering";
}

/**
 * Runs the app's entry point in a process of its own, from source through tsx (what `npm start` runs once
 * compiled, so the tests need no build), with the given environment; resolves when /healthz answers 200
 * (or, with `until: "answering"`, anything: a database that cannot be written makes it answer 503).
 */
export async function startAppProcess(
  env: Record<string, string>,
  port?: number,
  options: StartOptions = {},
): Promise<AppProcess> {
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(listenPort) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`intplan exited before it was healthy:\n${output.join("")}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${listenPort}/healthz`);
      if (res.ok || options.until === "answering") return { child, port: listenPort, output, exited };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `intplan did not ${options.until === "answering" ? "answer" : "become healthy"} in 20 s:\n${output.join("")}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
