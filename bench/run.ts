/**
 * `npm run bench [-- --requests N --concurrency N --quick --out FILE]`: measures intplan against a bare Bolt
 * app and rewrites BENCHMARKS.md (or FILE) with the figures. See BENCHMARKS.md for what each number means.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { runBench } from "./bench.js";
import { createChildProcesses } from "./child-app.js";
import { parseBenchArgs, USAGE } from "./options.js";
import { renderReport } from "./report.js";

const FINDINGS = new URL("./findings.md", import.meta.url);

async function main(argv: string[]): Promise<void> {
  let options: ReturnType<typeof parseBenchArgs>;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const children = createChildProcesses();
  // Whatever happens, no app is left running behind the bench.
  process.on("exit", () => children.killAll());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      children.killAll();
      process.exit(130);
    });
  }
  if (!options.fromSource) {
    // intplan is measured as `npm start` runs it: the compiled build, made fresh from this checkout.
    process.stderr.write("Building intplan (npm run build)…\n");
    execFileSync("npm", ["run", "build", "--silent"], {
      cwd: new URL("..", import.meta.url),
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const results = await runBench(options, children, (line) => process.stderr.write(`${line}\n`));
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(" ")}` : ""}`;
  const report = renderReport(results, {
    command,
    generatedAt: new Date(),
    findings: readFileSync(FINDINGS, "utf8"),
  });
  writeFileSync(options.out, report);
  process.stderr.write(`Wrote ${options.out} (${(results.totalMs / 1000).toFixed(0)} s).\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
