import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createSignedClient, type SignedClient } from "../emulator/signed-client.js";
import { type RecordedCall, type SlackEmulator, startSlackEmulator } from "../emulator/slack-emulator.js";
import { QUESTIONNAIRE_V2 } from "../src/domain/questionnaire/definition.js";
import { encodeMetadata } from "../src/slack/interview-modal.js";
import { INTERVIEW_CALLBACK_ID } from "../src/slack/views/interview-view.js";
import { form, newProjectForm } from "../test/support/forms.js";
import { sectionState } from "../test/support/interview.js";
import { openedViewId } from "../test/support/projects.js";
import { BENCH_SIGNING_SECRET, startApp } from "./apps.js";
import type { ChildProcesses } from "./child-app.js";
import { percentile } from "./stats.js";

/** How big the busy-workspace run is. */
export interface BusyOptions {
  /** Project channels set up before the load, each with a project, a plan canvas and a pinned board. */
  channels: number;
  /** How long changes keep coming. */
  durationMs: number;
  /** One change (blocker, resolve, phase, tick, answer) every this many ms, across the channels. */
  changeEveryMs: number;
  /** A `/intplan new` in a fresh channel every this many ms during the load. */
  newChannelEveryMs: number;
  /** After the load, how long to wait at most for every board and canvas to show every change. */
  drainBudgetMs: number;
}

export type ChangeKind = "blocker" | "resolve" | "phase" | "tick" | "answer";

export interface Freshness {
  /** Changes this document was expected to show. */
  expected: number;
  /** Of them, shown before the drain budget ran out; the percentiles are over these. */
  shown: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface BusyResult {
  options: BusyOptions;
  channels: number;
  changes: number;
  changesByKind: Record<ChangeKind, number>;
  /** Changes the app did not ack with a 200 (or whose modal never opened, for ticks). */
  failedChanges: number;
  board: Freshness;
  canvas: Freshness;
  /** Slack calls the app made for the project channels from the start of the load to the end of the drain. */
  slackCalls: number;
  callsByMethod: Record<string, number>;
  /** HTTP 429 answers the emulator gave, by method (every channel, fresh ones included). */
  rateLimited: Record<string, number>;
  /** Messages starting with ":warning:" posted in any channel during the run. */
  warnings: string[];
  /** Command or button sent → views.open accepted, for `/intplan new` in fresh channels and the checklist. */
  modalOpens: { attempts: number; opened: number; p50Ms: number; p95Ms: number; maxMs: number };
  /** Channels whose final board and canvas hold every change's final state. */
  converged: number;
  mismatches: string[];
  loadMs: number;
  drainMs: number;
}

const PM = "U0PM";
const CALL_TIMEOUT_MS = 20_000;
const POLL_MS = 50;
/** After every change is shown, the app is idle once no Slack call arrived for this long. */
const QUIET_MS = 2000;

const SECTION_0 = QUESTIONNAIRE_V2.sections[0];
const ANSWER_QUESTION = SECTION_0?.questions.find((q) => q.kind === "short_text" || q.kind === "long_text");

/** A small deterministic generator (mulberry32), so two runs send the same mix. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ProjectChannel {
  id: string;
  projectId: number;
  boardTs: string;
  canvasId: string;
  /** Blockers logged by the bench, by number, with their marker; `shown` once board and canvas showed them. */
  blockers: { number: number; marker: string; open: boolean; shown: boolean }[];
  nextBlockerNumber: number;
  /** Phase 1 task ids ticked so far, and the total. */
  ticked: number;
  lastPhaseMarker?: number;
  lastAnswerMarker?: number;
  busy: boolean;
}

/** What a change is expected to make a document show; `seenAt` once it does. */
interface Expectation {
  channel: ProjectChannel;
  kind: ChangeKind;
  ackedAt: number;
  board?: (content: string) => boolean;
  canvas?: (content: string) => boolean;
  boardAt?: number;
  canvasAt?: number;
}

const boardContent = (emulator: SlackEmulator, channel: ProjectChannel) => {
  const message = emulator.messages.get(channel.id)?.find((m) => m.ts === channel.boardTs);
  return message ? `${message.text}\n${JSON.stringify(message.blocks ?? [])}` : "";
};
const canvasContent = (emulator: SlackEmulator, channel: ProjectChannel) =>
  emulator.canvases.get(channel.canvasId)?.markdown ?? "";

/** True when `content` holds marker `prefix<n>x` for some n ≥ `at least` (a newer one replaces an older). */
const hasMarkerAtLeast = (prefix: string, atLeast: number) => (content: string) =>
  [...content.matchAll(new RegExp(`${prefix}(\\d+)x`, "g"))].some((m) => Number(m[1]) >= atLeast);
/** Phase 1's line on the board: "tasks k/n" with k at least `atLeast`. */
const boardTasksAtLeast = (atLeast: number) => (content: string) =>
  [...content.matchAll(/tasks (\d+)\/\d+/g)].some((m) => Number(m[1]) >= atLeast);

function summarize(samples: number[], expected: number): Freshness {
  return {
    expected,
    shown: samples.length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    maxMs: samples.length === 0 ? Number.NaN : Math.max(...samples),
  };
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};

async function waitForCall(
  emulator: SlackEmulator,
  method: string,
  predicate: (call: RecordedCall) => boolean,
): Promise<RecordedCall> {
  return emulator.waitForCall(method, (c) => c.answer?.ok === true && predicate(c), CALL_TIMEOUT_MS);
}

/** `/intplan new` in `channelId` and the form submitted; resolves with the views.open latency. */
async function newProject(slack: SignedClient, emulator: SlackEmulator, channelId: string) {
  const sentAt = Date.now();
  const opened = await slack.command({ text: "new", channelId, userId: PM });
  const open = await waitForCall(emulator, "views.open", (c) => c.args.trigger_id === opened.triggerId);
  const openMs = open.at - sentAt;
  const values = newProjectForm({ name: form.text(`Busy ${channelId}`) });
  await slack.viewSubmission({ userId: PM, viewId: openedViewId(open), values });
  return openMs;
}

/** A project, its plan canvas and its pinned board, through signed requests as a PM would. */
async function setUpChannel(
  slack: SignedClient,
  emulator: SlackEmulator,
  id: string,
): Promise<ProjectChannel> {
  await newProject(slack, emulator, id);
  await waitForCall(emulator, "chat.postMessage", (c) => c.args.channel === id);
  await slack.command({ text: "plan", channelId: id, userId: PM });
  const canvas = await waitForCall(emulator, "canvases.create", (c) => c.args.channel_id === id);
  // As a PM would: the board is asked for once the channel has heard the plan is published (the canvas made
  // read-only, its link known). Asked sooner, the board is posted without the link and updated once more,
  // and those updates, made while setting up, would use the chat.update budget the load is measured against.
  await waitForCall(
    emulator,
    "chat.postMessage",
    (c) => c.args.channel === id && /published the \S*Implementation Plan/.test(String(c.args.text)),
  );
  await slack.command({ text: "status", channelId: id, userId: PM });
  const pin = await waitForCall(emulator, "pins.add", (c) => c.args.channel === id);
  const channel: ProjectChannel = {
    id,
    projectId: 0,
    boardTs: String(pin.args.timestamp),
    canvasId: String(canvas.answer?.canvas_id),
    blockers: [],
    nextBlockerNumber: 1,
    ticked: 0,
    busy: false,
  };
  // The board's "Tasks & exit criteria" button carries the project id.
  const board = emulator.messages.get(id)?.find((m) => m.ts === channel.boardTs);
  const button = JSON.stringify(board?.blocks ?? []).match(
    /"action_id":"status_board_checklist"[^}]*"value":"(\d+)"|"value":"(\d+)"[^}]*"action_id":"status_board_checklist"/,
  );
  channel.projectId = Number(button?.[1] ?? button?.[2]);
  if (!channel.projectId)
    throw new Error(`The status board in ${id} has no checklist button with a project id.`);
  return channel;
}

interface ChecklistMeta {
  projectId: number;
  channelId: string;
  ticked: number[];
}
/**
 * Presses the board's "Tasks & exit criteria"; resolves with the modal once views.open accepted it. `consumed`
 * holds the views.open calls already matched to an earlier press.
 */
async function openChecklist(
  slack: SignedClient,
  emulator: SlackEmulator,
  channel: ProjectChannel,
  sentAt: number,
  consumed: WeakSet<RecordedCall>,
) {
  await slack.blockAction({
    actionId: "status_board_checklist",
    value: String(channel.projectId),
    userId: "U0DEV",
    channelId: channel.id,
    messageTs: channel.boardTs,
  });
  const call = await waitForCall(emulator, "views.open", (c) => {
    const view = c.args.view as { callback_id?: string; private_metadata?: string } | undefined;
    if (view?.callback_id !== "checklist" || consumed.has(c) || c.at < sentAt) return false;
    return (JSON.parse(view.private_metadata ?? "{}") as ChecklistMeta).channelId === channel.id;
  });
  consumed.add(call);
  const view = call.args.view as { private_metadata: string; blocks: unknown[] };
  return { call, meta: JSON.parse(view.private_metadata) as ChecklistMeta, openMs: call.at - sentAt, view };
}

/** Runs `task` on `items`, `concurrency` at a time. */
async function eachLimited<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>) {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * A busy workspace: intplan in its own process against an emulator that enforces Slack's rate-limit tiers,
 * `channels` project channels with boards and canvases, then a sustained mix of changes across them and a
 * `/intplan new` in a fresh channel every few seconds. Measures how long each change takes to show on its
 * board and its canvas, the Slack calls and 429s it costs, warnings posted, and how quickly modals open.
 */
export async function measureBusyWorkspace(
  options: BusyOptions,
  children: ChildProcesses,
  progress: (line: string) => void,
  setup: { fromSource: boolean; nodeOptions?: string[] },
): Promise<BusyResult> {
  const workDir = mkdtempSync(join(tmpdir(), "intplan-bench-busy-"));
  const emulator = await startSlackEmulator({ rateLimits: "off" });
  const started = await startApp(children, "intplan", {
    times: 1,
    workDir,
    slackApiUrl: emulator.apiUrl,
    fromSource: setup.fromSource,
    nodeOptions: setup.nodeOptions ?? [],
  });
  try {
    const slack = createSignedClient({
      appUrl: `${started.app.baseUrl}/slack/events`,
      signingSecret: BENCH_SIGNING_SECRET,
      emulator,
    });
    progress(`Busy workspace: setting up ${options.channels} project channels (rate limits off)…`);
    const ids = Array.from({ length: options.channels }, (_, i) => `C0BUSY${String(i + 1).padStart(3, "0")}`);
    const channels = await eachLimited(ids, 4, (id) => setUpChannel(slack, emulator, id));

    // The workspace from here on: Slack's tiers enforced, counting from now.
    emulator.setRateLimits("slack");
    const loadStart = Date.now();
    const callsBefore = emulator.calls.length;
    const rateLimitedBefore = emulator.rateLimited.length;
    const rand = random(20261201);
    const expectations: Expectation[] = [];
    const modalOpens: number[] = [];
    let modalAttempts = 0;
    let failedChanges = 0;
    let marker = 0;
    const changesByKind: Record<ChangeKind, number> = {
      blocker: 0,
      resolve: 0,
      phase: 0,
      tick: 0,
      answer: 0,
    };
    const inFlight: Promise<unknown>[] = [];
    const consumedOpens = new WeakSet<RecordedCall>();

    const expect = (e: Omit<Expectation, "ackedAt">) => {
      changesByKind[e.kind]++;
      expectations.push({ ...e, ackedAt: Date.now() });
    };
    const ok = (result: { status: number }) => {
      if (result.status !== 200) failedChanges++;
      return result.status === 200;
    };

    async function change(channel: ProjectChannel, kind: ChangeKind): Promise<void> {
      marker += 1;
      const n = marker;
      const say = (text: string) => slack.command({ text, channelId: channel.id, userId: PM });
      switch (kind) {
        case "blocker": {
          const text = `bwb${n}x sandbox credentials`;
          const number = channel.nextBlockerNumber++;
          const blocker = { number, marker: `bwb${n}x`, open: true, shown: false };
          channel.blockers.push(blocker);
          if (!ok(await say(`blocker ${text}`))) return;
          const has = (content: string) => content.includes(blocker.marker);
          expect({ channel, kind, board: has, canvas: has });
          return;
        }
        case "resolve": {
          const blocker = channel.blockers.find((b) => b.open && b.shown);
          if (!blocker) return;
          blocker.open = false;
          if (!ok(await say(`blocker resolve ${blocker.number}`))) return;
          const gone = (content: string) => !content.includes(blocker.marker);
          expect({ channel, kind, board: gone, canvas: gone });
          return;
        }
        case "phase": {
          const status = n % 2 === 0 ? "in-progress" : "blocked";
          channel.lastPhaseMarker = n;
          if (!ok(await say(`phase 1 ${status} bwp${n}x`))) return;
          expect({ channel, kind, board: hasMarkerAtLeast("bwp", n), canvas: hasMarkerAtLeast("bwp", n) });
          return;
        }
        case "tick": {
          modalAttempts++;
          const sentAt = Date.now();
          const open = await openChecklist(slack, emulator, channel, sentAt, consumedOpens).catch(
            () => undefined,
          );
          if (!open) {
            failedChanges++;
            return;
          }
          modalOpens.push(open.openMs);
          const group = (open.view.blocks as { block_id?: string; element?: { options?: unknown[] } }[]).find(
            (b) => b.block_id === "p1_task_0",
          );
          const options = (group?.element?.options ?? []) as { text: { text: string }; value: string }[];
          const next = options.find((o) => !open.meta.ticked.includes(Number(o.value)));
          if (!next) return;
          const ticked = options.filter((o) => open.meta.ticked.includes(Number(o.value)) || o === next);
          channel.ticked = ticked.length;
          const result = await slack.viewSubmission({
            userId: "U0DEV",
            viewId: openedViewId(open.call),
            values: { p1_task_0: { p1_task_0: form.checkboxes(ticked.map((o) => o.value)) } },
          });
          if (!ok(result)) return;
          const label = next.text.text;
          expect({
            channel,
            kind,
            board: boardTasksAtLeast(ticked.length),
            canvas: (content) => content.includes(`[x] ${label}`),
          });
          return;
        }
        case "answer": {
          if (!SECTION_0 || !ANSWER_QUESTION) return;
          channel.lastAnswerMarker = n;
          const values = sectionState(SECTION_0, { [ANSWER_QUESTION.id]: form.text(`bwa${n}x today`) });
          const result = await slack.viewSubmission({
            userId: PM,
            callbackId: INTERVIEW_CALLBACK_ID,
            privateMetadata: encodeMetadata({ p: channel.projectId, s: 0 }),
            values,
          });
          if (!ok(result)) return;
          expect({ channel, kind, canvas: hasMarkerAtLeast("bwa", n) });
          return;
        }
      }
    }

    const pickKind = (channel: ProjectChannel): ChangeKind => {
      const r = rand();
      const openShown = channel.blockers.filter((b) => b.open && b.shown).length;
      const open = channel.blockers.filter((b) => b.open).length;
      // Keep a channel's open blockers within what its board lists (10), so every one is visible there.
      if (r < 0.3) return open >= 6 && openShown > 0 ? "resolve" : "blocker";
      if (r < 0.5) return openShown > 0 ? "resolve" : "blocker";
      if (r < 0.65) return "phase";
      if (r < 0.8) return channel.ticked < 5 ? "tick" : "phase";
      return "answer";
    };

    progress(
      `Busy workspace: changes every ${options.changeEveryMs} ms for ${options.durationMs / 1000} s, a new project every ${options.newChannelEveryMs / 1000} s (Slack's rate limits on)…`,
    );
    const poller = setInterval(() => {
      const now = Date.now();
      for (const e of expectations) {
        if (e.board && e.boardAt === undefined && e.board(boardContent(emulator, e.channel))) e.boardAt = now;
        if (e.canvas && e.canvasAt === undefined && e.canvas(canvasContent(emulator, e.channel)))
          e.canvasAt = now;
      }
      for (const channel of channels) {
        for (const b of channel.blockers) {
          if (b.open && !b.shown) {
            b.shown =
              boardContent(emulator, channel).includes(b.marker) &&
              canvasContent(emulator, channel).includes(b.marker);
          }
        }
      }
    }, POLL_MS);
    try {
      const loadEnd = loadStart + options.durationMs;
      let nextChange = loadStart;
      let nextFresh = loadStart + options.newChannelEveryMs / 2;
      let fresh = 0;
      while (Date.now() < loadEnd) {
        const now = Date.now();
        if (now >= nextChange) {
          nextChange += options.changeEveryMs;
          const idle = channels.filter((c) => !c.busy);
          const channel = idle[Math.floor(rand() * idle.length)];
          if (channel) {
            channel.busy = true;
            inFlight.push(
              change(channel, pickKind(channel))
                .catch(() => {
                  failedChanges++;
                })
                .finally(() => {
                  channel.busy = false;
                }),
            );
          }
        }
        if (now >= nextFresh) {
          nextFresh += options.newChannelEveryMs;
          fresh += 1;
          const id = `C0FRESH${String(fresh).padStart(3, "0")}`;
          modalAttempts++;
          inFlight.push(
            newProject(slack, emulator, id).then(
              (ms) => modalOpens.push(ms),
              () => {},
            ),
          );
        }
        await sleep(Math.max(1, Math.min(nextChange, nextFresh) - Date.now()));
      }
      await Promise.all(inFlight);
      const loadMs = Date.now() - loadStart;

      progress("Busy workspace: waiting for every board and canvas to catch up…");
      const drainStart = Date.now();
      const drainDeadline = drainStart + options.drainBudgetMs;
      const pending = () =>
        expectations.some(
          (e) => (e.board && e.boardAt === undefined) || (e.canvas && e.canvasAt === undefined),
        );
      const lastCallAt = () => emulator.calls.at(-1)?.at ?? 0;
      while (Date.now() < drainDeadline && (pending() || Date.now() - lastCallAt() < QUIET_MS)) {
        await sleep(100);
      }
      const drainMs = Date.now() - drainStart;
      clearInterval(poller);

      const boardSamples = expectations.flatMap((e) =>
        e.boardAt === undefined ? [] : [e.boardAt - e.ackedAt],
      );
      const canvasSamples = expectations.flatMap((e) =>
        e.canvasAt === undefined ? [] : [e.canvasAt - e.ackedAt],
      );
      const projectChannel = new Map(channels.map((c) => [c.id, c]));
      const canvasChannel = new Map(channels.map((c) => [c.canvasId, c.id]));
      const channelOf = (call: RecordedCall) => {
        const id =
          call.args.channel ?? call.args.channel_id ?? canvasChannel.get(String(call.args.canvas_id));
        if (typeof id === "string") return id;
        const meta = (call.args.view as { private_metadata?: string } | undefined)?.private_metadata;
        try {
          return (JSON.parse(meta ?? "") as { channelId?: string }).channelId;
        } catch {
          return undefined;
        }
      };
      const loadCalls = emulator.calls.slice(callsBefore).filter((c) => {
        const id = channelOf(c);
        return id !== undefined && projectChannel.has(id);
      });
      const warnings = [...emulator.messages.values()]
        .flat()
        .filter((m) => m.text.startsWith(":warning:") && Number(m.ts) * 1000 >= loadStart)
        .map((m) => `${m.channel}: ${m.text.slice(0, 160)}`);

      const mismatches: string[] = [];
      for (const channel of channels) {
        const board = boardContent(emulator, channel);
        const canvas = canvasContent(emulator, channel);
        const problems: string[] = [];
        for (const b of channel.blockers) {
          if (b.open && !(board.includes(b.marker) && canvas.includes(b.marker)))
            problems.push(`open blocker ${b.marker} missing`);
          if (!b.open && (board.includes(b.marker) || canvas.includes(b.marker)))
            problems.push(`resolved blocker ${b.marker} still shown`);
        }
        const last = (prefix: string, content: string) =>
          Math.max(0, ...[...content.matchAll(new RegExp(`${prefix}(\\d+)x`, "g"))].map((m) => Number(m[1])));
        if (channel.lastPhaseMarker !== undefined) {
          if (last("bwp", board) !== channel.lastPhaseMarker)
            problems.push("board shows an older phase note");
          if (last("bwp", canvas) !== channel.lastPhaseMarker)
            problems.push("canvas shows an older phase note");
        }
        if (channel.lastAnswerMarker !== undefined && last("bwa", canvas) !== channel.lastAnswerMarker)
          problems.push("canvas shows an older answer");
        if (channel.ticked > 0 && !boardTasksAtLeast(channel.ticked)(board))
          problems.push("board misses a tick");
        if (problems.length > 0) mismatches.push(`${channel.id}: ${problems.join("; ")}`);
      }

      const opened = modalOpens.length;
      return {
        options,
        channels: channels.length,
        changes: expectations.length,
        changesByKind,
        failedChanges,
        board: summarize(boardSamples, expectations.filter((e) => e.board).length),
        canvas: summarize(canvasSamples, expectations.filter((e) => e.canvas).length),
        slackCalls: loadCalls.length,
        callsByMethod: countBy(loadCalls, (c) => c.method),
        rateLimited: countBy(emulator.rateLimited.slice(rateLimitedBefore), (c) => c.method),
        warnings,
        modalOpens: {
          attempts: modalAttempts,
          opened,
          p50Ms: percentile(modalOpens, 50),
          p95Ms: percentile(modalOpens, 95),
          maxMs: opened === 0 ? Number.NaN : Math.max(...modalOpens),
        },
        converged: channels.length - mismatches.length,
        mismatches,
        loadMs,
        drainMs,
      };
    } finally {
      clearInterval(poller);
    }
  } finally {
    await started.app.stop();
    await emulator.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
