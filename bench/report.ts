import type { AppName, LoadFigures } from "./ack-latency.js";
import type { BenchResults } from "./bench.js";
import type { BusyResult } from "./busy-workspace.js";
import { median } from "./stats.js";
import { verdicts } from "./targets.js";

export interface ReportContext {
  /** The command that produced the figures, as typed. */
  command: string;
  generatedAt: Date;
  /** Hand-written analysis of the figures (bench/findings.md), kept across runs. */
  findings: string;
}

const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : "—");
const mb = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} MB` : "—");
const kb = (chars: number) => `${(chars / 1024).toFixed(0)} KB`;
const count = (n: number) => n.toLocaleString("en-US");

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function summary(results: BenchResults): string {
  const rows = verdicts(results).map((v) => [v.what, v.target, v.measured, v.met ? "met" : "**missed**"]);
  return table(["What", "Target", "Measured", "Result"], rows);
}

function ackTable(results: BenchResults): string {
  const rows = results.ack.flatMap((r) =>
    (["floor", "intplan"] as AppName[]).map((name) => {
      const f: LoadFigures = r.figures[name];
      const floor = r.figures.floor;
      return [
        r.label,
        name,
        `${count(f.requests)}${f.failures ? ` (${f.failures} failed)` : ""}${f.cutShort ? " (cut short)" : ""}`,
        ms(f.p50Ms),
        ms(f.p95Ms),
        ms(f.p99Ms),
        `${(f.p99Ms / floor.p99Ms).toFixed(2)}×`,
        f.perSecond.toFixed(0),
        ms(f.aloneP50Ms),
        ms(f.cpuMsPerRequest),
        mb(f.rssMb),
      ];
    }),
  );
  return table(
    [
      "Scenario",
      "App",
      "Requests",
      "p50",
      "p95",
      "p99",
      "p99 ÷ floor",
      "req/s",
      "p50 alone",
      "CPU per request",
      "RSS after",
    ],
    rows,
  );
}

const sec = (n: number) => (Number.isFinite(n) ? `${(n / 1000).toFixed(1)} s` : "—");
const byCount = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([method, n]) => `${method} ${count(n)}`)
    .join(", ") || "none";

function busySection(results: BenchResults): string {
  const b = results.busy;
  const o = b.options;
  const fresh = (f: BusyResult["board"]) => [
    `${count(f.shown)} of ${count(f.expected)}`,
    sec(f.p50Ms),
    sec(f.p95Ms),
    sec(f.maxMs),
  ];
  const freshness = table(
    ["Shows the change", "Changes shown", "p50", "p95", "max"],
    [
      ["Status board", ...fresh(b.board)],
      ["Implementation Plan canvas", ...fresh(b.canvas)],
    ],
  );
  const m = b.modalOpens;
  const kinds = Object.entries(b.changesByKind)
    .map(([kind, n]) => `${count(n)} ${kind}`)
    .join(", ");
  const rateLimited = Object.values(b.rateLimited).reduce((a, n) => a + n, 0);
  const lines = [
    `${count(b.channels)} project channels, each with a project, a published plan canvas and a pinned status board (set up with the rate limits off), then for ${sec(o.durationMs)} with Slack's rate limits enforced by the emulator: a change every ${count(o.changeEveryMs)} ms in a random channel (${count(b.changes)} changes: ${kinds}; ${count(b.failedChanges)} not acked) and a \`/intplan new\` in a fresh channel every ${sec(o.newChannelEveryMs)}. Load ${sec(b.loadMs)}, then ${sec(b.drainMs)} waiting for the documents to catch up (budget ${sec(o.drainBudgetMs)}).`,
    "",
    freshness,
    "",
    `- **Slack calls per change**: ${(b.slackCalls / Math.max(1, b.changes)).toFixed(2)} (${count(b.slackCalls)} calls for the project channels: ${byCount(b.callsByMethod)})`,
    `- **429s received**: ${count(rateLimited)} (${byCount(b.rateLimited)})`,
    `- **Warnings posted in channels**: ${count(b.warnings.length)}${
      b.warnings.length > 0
        ? ` (first: ${b.warnings
            .slice(0, 3)
            .map((w) => `"${w.replaceAll("|", "\\|")}"`)
            .join("; ")})`
        : ""
    }`,
    `- **Modal open** (command or button sent → views.open accepted), ${count(m.opened)} of ${count(m.attempts)} opened: p50 ${ms(m.p50Ms)}, p95 ${ms(m.p95Ms)}, max ${ms(m.maxMs)}`,
    `- **At the end**, boards and canvases holding every change: ${count(b.converged)} of ${count(b.channels)} channels${b.mismatches.length > 0 ? ` (${b.mismatches.slice(0, 5).join("; ")}${b.mismatches.length > 5 ? "; …" : ""})` : ""}`,
  ];
  return lines.join("\n");
}

function appsTable(results: BenchResults): string {
  const rows = (["floor", "intplan"] as AppName[]).map((name) => {
    const a = results.apps[name];
    return [
      name,
      `${ms(median(a.startupsMs))} (${a.startupsMs.map((s) => s.toFixed(0)).join(", ")})`,
      mb(a.idleMemory.rssMb),
      mb(a.memoryAfterLoad.rssMb),
      mb(a.memoryAfterLoad.peakRssMb),
    ];
  });
  return table(
    ["App", "Start-up to /healthz: median (each run, ms)", "RSS idle", "RSS after load", "Peak RSS"],
    rows,
  );
}

function renderTable(results: BenchResults): string {
  const rows = results.rendering.map((c) => [
    c.size === 0
      ? "as answered (3 risks, no blockers)"
      : `${count(c.size)} blockers and ${count(c.size)} risks`,
    ms(c.planMs),
    ms(c.discoveryMs),
    `${ms(c.slowestCompanion.ms)} (${c.slowestCompanion.kind})`,
    `${kb(c.planChars)} / ${kb(c.discoveryChars)}`,
    String(c.samples),
  ]);
  return table(
    [
      "Project",
      "Implementation Plan",
      "Discovery Document",
      "Slowest companion",
      "Size (plan / discovery)",
      "Renders",
    ],
    rows,
  );
}

function homeTable(results: BenchResults): string {
  const rows = results.home.map((c) => [
    count(c.projects),
    ms(c.medianMs),
    String(c.blocks),
    String(c.samples),
  ]);
  return table(["Projects in the workspace", "Build the Home view (median)", "Blocks", "Builds"], rows);
}

function remindersTable(results: BenchResults): string {
  const rows = results.reminders.map((c) => [
    count(c.projects),
    ms(c.totalMs),
    ms(c.totalMs / Math.max(1, c.projects)),
    ms(c.slowestMs),
    count(c.nudges),
  ]);
  return table(
    [
      "Projects in the workspace",
      "Plan every project (a week offline)",
      "Per project",
      "Slowest",
      "Nudges recorded",
    ],
    rows,
  );
}

const MEANING = `## What the numbers mean

- **Ack latency** is the time from the load generator sending a signed request to receiving the app's whole
  HTTP answer, over loopback. Slack gives an app 3 seconds; within that, this is how quickly the person who
  typed the command sees the app respond. It covers everything on the ack path: HTTP parsing, Slack signature
  checking, body and JSON parsing, the Bolt middleware (intplan's replay check writes one SQLite row), the
  listener's synchronous SQLite work, building the reply and sending it. p50 is the typical answer, p95 one in
  twenty, p99 one in a hundred: what a busy channel notices.
- **Under load** means a fixed number of requests in flight at all times (\`--concurrency\`, 20 by default; each
  answered request is replaced by the next one at once). That saturates both apps: a request waits for the
  ones ahead of it, so latency is about concurrency × the CPU time each request costs, and **p99 ÷ floor**
  comes close to the ratio of their CPU per request. Work an app does after acking (intplan posts to the channel and updates the status board; the
  floor does nothing) runs in the same process and delays the requests behind it, as it would in production.
- **p50 alone** is the latency with one request at a time and the app otherwise idle: what one person feels in
  a quiet moment.
- **CPU per request** is the app's CPU time (all threads, from \`/proc/<pid>/stat\`, 10 ms resolution) over the
  whole scenario, including the work left after the ack, divided by the requests it was sent. It is what
  decides throughput and latency under load.
- **The floor** is a Bolt app whose only listeners ack \`/intplan\` and any view submission at once, run the
  same way (own process, HTTP mode, same emulator, same requests). It is the fastest a Bolt app can answer on
  this machine.
- **req/s** is answered requests per second of wall time at that concurrency: a throughput figure for this
  machine (one Node process, one SQLite file).
- The two apps take turns in rounds (the order swapped each round) after a warm-up, so both meet the same
  machine state. The scenarios run in the order shown, on one project that starts with three open blockers,
  so the blocker scenario leaves thousands of open blockers behind it. The load generator and the Slack
  emulator share one process, which also answers intplan's own Slack calls.
- **A busy workspace** runs intplan (a fresh process and database) against an emulator that enforces
  Slack's rate limits as Slack documents them (per workspace and method by tier, \`chat.postMessage\` about one
  per second per channel; \`emulator/slack-emulator-rate-limits.ts\`): past a budget it answers HTTP 429 with
  \`Retry-After\`. Changes go in through signed requests as people would make them: a blocker logged
  (\`/intplan blocker\`), one resolved, phase 1's status changed with a note (\`/intplan phase\`), a phase 1 task
  ticked (the board's "Tasks & exit criteria" button, then the modal saved), an interview answer saved (section
  1). Each carries a marker; a change **shows** once the emulator's stored board message (or plan canvas
  markdown) holds its marker, or no longer holds it for a resolved blocker (checked every 50 ms, from the ack of
  the change; a newer phase note or answer counts for an older one). Interview answers are not on the board.
  Slack calls per change counts every call the app made for the project channels (announcements, board and
  canvas updates, checklist modals) over the load and the drain. The end check compares each channel's final
  board and canvas with what the bench changed: every open blocker shown, every resolved one gone, the last
  phase note and answer, the ticks.
- **Rendering** is the median time to render each document from a project's answers with the renderer the app
  uses (templates compiled once at start; warm-up renders not counted). The larger projects add open
  blockers to the plan and rows to the risks table, to show how rendering grows.
- **App Home** is the median time to build the first page of the Home tab (the projects query ordered by "mine
  first, most recent first", each listed project's phase and open blockers, and the Block Kit view), as
  \`publishHome\` does, with only the calls to Slack left out (the view's publish, and which channels the viewer
  may see: answered as from the app's one-minute cache, every channel visible).
- **Reminders** is the reminders job's own work for every project of a workspace once, as after a week offline
  (\`planAndRecordReminders\`: the project's live state read, its nudges, go-live notice and digest planned in
  its working time, and the ledger written), with Slack left out. Each project is one outbox job, so this is
  the CPU the catch-up costs in all, spread over jobs that yield to requests between them.
- **Start-up** is from spawning the process (intplan exactly as \`npm start\` runs it once built: \`node
  --max-old-space-size=96 dist/main.js\`, a fresh SQLite file migrated, \`auth.test\` against the emulator; the
  floor as plain JavaScript on bare Node) to the first 200 from \`/healthz\`. The build itself is not timed.
- **Memory** is the process's resident set size (VmRSS; peak: VmHWM) from \`/proc/<pid>/status\`, idle after
  start, after each scenario, and after the load. intplan runs with the heap cap of its start script; the floor
  with Node's default.`;

export function renderReport(results: BenchResults, context: ReportContext): string {
  const m = results.machine;
  const o = results.options;
  return `# Benchmarks

Figures of the latest \`npm run bench\` (${context.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, ${(results.totalMs / 1000).toFixed(0)} s).
${o.quick ? "\n> **This was a `--quick` run**: a handful of requests to prove the bench works. Do not quote these figures.\n" : ""}
- Machine: ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGb.toFixed(1)} GB memory, ${m.os}, Node ${m.node}; load average ${m.loadAverage.toFixed(2)} when the run started
- Command: \`${context.command}\` (${count(o.requests)} measured requests per scenario per app, ${o.concurrency} at a time, after ${count(o.warmupRequests)} warm-up requests; rounds of ${count(o.roundSize)})

## Against the targets

${summary(results)}

## Ack latency under load

${ackTable(results)}

## A busy workspace

${busySection(results)}

## Start-up and memory

${appsTable(results)}

## Rendering the documents

${renderTable(results)}

## App Home

${homeTable(results)}

## Reminders

${remindersTable(results)}

${MEANING}

## Findings

${context.findings.trim()}
`;
}
