import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Every module under src/ can be the first one a program imports. An import cycle breaks that: the module
 * imported first sees its peers' bindings before they are initialised (`ReferenceError: Cannot access
 * 'blockerCommand' before initialization`), which stays hidden while the tests happen to load app.ts first.
 * Vitest's module runner forgives such cycles, so this test asks Node itself: src/ is transpiled as it is
 * (the imports already name `.js` files) and each module is imported as the entry of a new worker thread,
 * which has a module graph of its own.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SRC = join(ROOT, "src");
/** Under node_modules, so the transpiled modules resolve packages exactly as src/ does. */
const OUT = join(ROOT, "node_modules", ".cache", "intplan-import-alone");
/** Entry points that do their work when imported (start the app, run the CLI). */
const ENTRY_POINTS = new Set(["main.ts", "cli.ts"]);

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modulesUnder(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [relative(SRC, path)] : [];
  });
}

const modules = modulesUnder(SRC).sort();
const outputOf = (module: string) => join(OUT, "src", module.replace(/\.ts$/, ".js"));

/**
 * A resolve hook that gives each graph its own copies of our modules: a relative import inherits the
 * importer's `?graph=N`, so `import("x.js?graph=7")` evaluates x and everything of ours it reaches afresh
 * (packages, imported by bare name, are shared: they are not ours to check).
 */
const FRESH_GRAPH_HOOK = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const graph = context.parentURL ? new URL(context.parentURL).search : "";
  const relative = specifier.startsWith("./") || specifier.startsWith("../");
  return graph && relative && resolved.url.startsWith("file:") ? { ...resolved, url: resolved.url + graph } : resolved;
}`;

/** In a worker (so the hook stays there), imports each module first in a graph of its own; returns the failures. */
function importEachAlone(urls: readonly string[]): Promise<string[]> {
  const script = `
    const { register } = require("node:module");
    const { parentPort, workerData } = require("node:worker_threads");
    register("data:text/javascript," + encodeURIComponent(workerData.hook));
    (async () => {
      const failures = [];
      for (const [index, url] of workerData.urls.entries()) {
        try { await import(url + "?graph=" + index); } catch (error) { failures.push(url + ": " + String(error)); }
      }
      parentPort.postMessage(failures);
    })();`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { eval: true, workerData: { urls, hook: FRESH_GRAPH_HOOK } });
    worker.once("message", (failures: string[]) => {
      resolve(failures);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  writeFileSync(join(mkdirSync(OUT, { recursive: true }) ?? OUT, "package.json"), '{"type":"module"}\n');
  for (const module of modules) {
    const output = ts.transpileModule(readFileSync(join(SRC, module), "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false,
      },
      fileName: module,
    });
    mkdirSync(dirname(outputOf(module)), { recursive: true });
    writeFileSync(outputOf(module), output.outputText);
  }
});

afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
});

describe("every module under src/ can be imported first, on its own", () => {
  it("finds the modules", () => {
    expect(modules.length).toBeGreaterThan(50);
  });

  it("imports each one as the first module of a fresh module graph", async () => {
    const urls = modules
      .filter((module) => !ENTRY_POINTS.has(module))
      .map((module) => pathToFileURL(outputOf(module)).href);
    const failures = await importEachAlone(urls);
    expect(failures.map((failure) => failure.replace(pathToFileURL(join(OUT, "src")).href, "src"))).toEqual(
      [],
    );
  }, 60_000);
});
