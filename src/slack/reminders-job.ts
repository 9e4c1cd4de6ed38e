import { setTimeout as sleep } from "node:timers/promises";
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../deps.js";
import type { PhaseStatus } from "../domain/phases.js";
import type { PlannedNudge } from "../domain/reminders/plan.js";
import { WEEKDAY_NAMES } from "../domain/reminders/settings.js";
import type { OutboxRow } from "../outbox/queue.js";
import type { RecurringRun } from "../outbox/worker.js";
import {
  planAndRecordReminders,
  type RecordedReminder,
  type RemindersRun,
  rememberReminderMessage,
  statusBoardMessage,
  unrecordReminder,
} from "../services/reminders.js";
import { classifySlackFailure } from "./background-failures.js";
import { rateLimitDelayMs } from "./clients.js";
import { postDigest } from "./digest-poster.js";
import { slackErrorCode } from "./slack-error-code.js";
import type { MessageContent } from "./views/block-kit.js";
import { buildGoLiveNotice } from "./views/go-live-notice.js";
import { buildNudgeMessage, type NudgeSubject } from "./views/nudge-messages.js";
import { buildRemindersSummary } from "./views/reminders-summary.js";

/**
 * The `reminders` outbox job of one project: sends the nudges that are due (blockers, phases past their end,
 * unanswered asks), the go-live notice and the weekly digest, each once, and says when it is next due.
 *
 * Everything is in the ledger before it is sent (services/reminders.ts). A send Slack did not take is put
 * back: a rate limit that lasts only a moment (about one message a second per channel) is waited out here;
 * a longer one, or an error answer worth retrying, puts back this send and those not tried yet, and the
 * error goes to the worker, which defers the job (a rate limit: no attempt counted) or retries it; the next
 * run plans them again. A send whose fate is unknown (no answer) stays recorded: lost rather than doubled.
 * A refusal that retrying cannot help (the person's account is gone, the bot left the channel) is logged and
 * stays recorded, so it is not tried on every run.
 */

/** A rate limit this short is waited out in the job (Slack allows about one message a second per channel). */
const SHORT_WAIT_MS = 3000;
const SHORT_WAIT_TRIES = 3;

/** Calls Slack, waiting out a short rate limit (the background client never waits by itself). */
async function patiently<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = rateLimitDelayMs(error);
      if (wait === undefined || wait > SHORT_WAIT_MS || attempt >= SHORT_WAIT_TRIES) throw error;
      await sleep(Math.max(wait, 50));
    }
  }
}

/** Slack's answers that say "not now" rather than "never": the send is put back and tried on the next run. */
const TRANSIENT_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

/**
 * What a failed send means for the ledger: `put-back` (Slack did not take it and may later: a rate limit,
 * a 5xx, a transient error answer), `unknown-fate` (no answer: it may have been delivered), or `refused`
 * (Slack answered no for good: the person's account is gone, the bot left the channel). A refused one stays
 * recorded, so one unreachable person never holds up every other reminder of the channel.
 */
function failureOf(error: unknown): "put-back" | "unknown-fate" | "refused" {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === "slack_webapi_request_error") return "unknown-fate";
  if (classifySlackFailure(error).kind === "deferred" || code === "slack_webapi_http_error")
    return "put-back";
  const answer = slackErrorCode(error);
  if (code === "slack_webapi_platform_error" && answer && !TRANSIENT_ERRORS.has(answer)) return "refused";
  return classifySlackFailure(error).kind === "permanent" ? "refused" : "put-back";
}

function subjectOf(nudge: PlannedNudge): NudgeSubject {
  if (nudge.kind === "blocker")
    return {
      kind: "blocker",
      blockerNumber: nudge.blocker.number,
      text: nudge.blocker.text,
      openedAt: nudge.blocker.createdAt,
      workingDaysOpen: nudge.workingDaysOpen,
      ownerId: nudge.blocker.ownerId,
    };
  if (nudge.kind === "phase")
    return {
      kind: "phase",
      phaseNumber: nudge.phase.number,
      phaseName: nudge.phase.name,
      plannedEnd: nudge.phase.plannedEnd,
      status: nudge.phase.status as PhaseStatus,
      ownerId: nudge.phase.ownerId,
    };
  return {
    kind: "ask",
    personId: nudge.ask.personId,
    sections: nudge.ask.sections,
    askedAt: nudge.ask.askedAt,
    askedBy: nudge.ask.askedBy,
  };
}

interface Send {
  label: string;
  recorded: RecordedReminder;
  /** Posts the message; where Slack took it (the digest poster may not say). */
  post: () => Promise<{ channel: string; ts: string } | undefined>;
}

export function remindersJob(client: WebClient, deps: AppDeps) {
  /** A message in a channel (or a thread in it); where Slack put it. */
  const postIn = async (channel: string, content: MessageContent, threadTs?: string) => {
    const res = await patiently(() =>
      client.chat.postMessage({ channel, ...content, ...(threadTs ? { thread_ts: threadTs } : {}) }),
    );
    return res.ts ? { channel: res.channel ?? channel, ts: res.ts } : undefined;
  };

  /** A nudge to the person who must act: a DM, or a reply under the board; the channel for no owner. */
  const postNudge = async (run: RemindersRun, nudge: PlannedNudge, id: number) => {
    const { project } = run;
    const content = buildNudgeMessage({
      nudgeId: id,
      project: {
        id: project.id,
        name: project.name,
        clientName: project.clientName,
        channelId: project.channelId,
      },
      subject: subjectOf(nudge),
      addressee: nudge.recipientId ? "owner" : "channel",
    });
    const recipient = nudge.recipientId;
    if (!recipient) return postIn(project.channelId, content);
    // An ask's nudge always goes by DM, as the ask did: in the board's thread it would also notify the
    // person who asked (the message names them), and the person asked may not be in the channel at all.
    if (run.settings.destination === "board-thread" && nudge.kind !== "ask") {
      const board = statusBoardMessage(deps, project.id);
      return board ? postIn(board.channel, content, board.ts) : postIn(project.channelId, content);
    }
    const opened = await patiently(() => client.conversations.open({ users: recipient }));
    const dm = opened.channel?.id;
    if (!dm) throw new Error("conversations.open gave no channel");
    return postIn(dm, content);
  };

  /** Sends in order; a send Slack did not take puts it and the rest back, and the error goes to the worker. */
  async function sendAll(projectId: number, sends: Send[]): Promise<void> {
    for (const [index, send] of sends.entries()) {
      let where: { channel: string; ts: string } | undefined;
      try {
        where = await send.post();
      } catch (error) {
        const failure = failureOf(error);
        const code = slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
        if (failure === "refused") {
          deps.logger.warn(
            `Project ${projectId}: ${send.label} was refused by Slack (${code}); not retrying it.`,
          );
          continue;
        }
        const putBack = failure === "put-back" ? sends.slice(index) : sends.slice(index + 1);
        for (const later of putBack) unrecordReminder(deps, later.recorded);
        deps.logger.warn(
          `Project ${projectId}: ${send.label} failed (${code}); ${putBack.length} reminder(s) will be sent on the next run${
            failure === "unknown-fate" ? " (this one may have reached Slack: it is not sent again)" : ""
          }.`,
        );
        throw error;
      }
      if (where) rememberReminderMessage(deps, send.recorded, where);
    }
  }

  /** After downtime: one message in the channel for all that came due (already marked in the ledger). */
  async function summarise(run: RemindersRun): Promise<void> {
    const { digest } = run;
    const people = run.nudges.flatMap(({ planned }) =>
      planned.kind === "blocker"
        ? [planned.blocker.ownerId]
        : planned.kind === "phase"
          ? [planned.phase.ownerId]
          : [planned.ask.personId],
    );
    const names = new Map<string, string>();
    for (const id of new Set(people.filter((p): p is string => Boolean(p)))) {
      const found = await deps.people.person(id);
      if (found.status === "named") names.set(id, found.name);
    }
    const summary = buildRemindersSummary({
      names,
      project: { name: run.project.name },
      nudges: run.nudges.map((n) => n.planned),
      goLive: run.goLive?.planned,
      digestMissed:
        digest && run.settings.digest.on
          ? `${WEEKDAY_NAMES[run.settings.digest.weekday]} ${run.settings.digest.time}`
          : undefined,
    });
    if (!summary) return;
    try {
      await postIn(run.project.channelId, summary);
    } catch (error) {
      // Not put back: replaying what came due one by one is what the summary is there to avoid.
      deps.logger.warn(
        `Project ${run.project.id}: the summary of reminders missed while offline was not posted (${slackErrorCode(error) ?? "network"}).`,
      );
    }
  }

  return async (row: OutboxRow): Promise<RecurringRun> => {
    const run = await planAndRecordReminders(deps, { projectId: row.projectId, dueAt: row.runAfter });
    if (!run) return { nextRunAt: new Date(deps.clock().getTime() + 24 * 60 * 60_000) };
    if (run.late) {
      await summarise(run);
      return { nextRunAt: run.nextRunAt };
    }
    const { project } = run;
    const sends: Send[] = run.nudges.map((n) => ({
      label: `the ${n.planned.kind} nudge ${n.planned.itemKey}`,
      recorded: n,
      post: () => postNudge(run, n.planned, n.id),
    }));
    const { goLive, digest } = run;
    if (goLive)
      sends.push({
        label: `the go-live notice ${goLive.planned.itemKey}`,
        recorded: goLive,
        post: () =>
          postIn(
            project.channelId,
            buildGoLiveNotice({
              project: { name: project.name },
              target: goLive.planned.target,
              daysBefore: goLive.planned.daysBefore,
              open: goLive.planned.open,
            }),
          ),
      });
    if (digest)
      sends.push({
        label: "the weekly digest",
        recorded: digest,
        post: async () => {
          // Not waited out here: the digest poster may make several calls; a throw puts the digest back and
          // the worker runs the job again (within half an hour of its slot, it is still posted).
          const posted = await postDigest(client, deps, {
            projectId: project.id,
            now: deps.clock(),
            reason: "scheduled",
            actorId: "intplan",
          });
          return posted?.ts ? { channel: posted.channel, ts: posted.ts } : undefined;
        },
      });
    await sendAll(project.id, sends);
    return { nextRunAt: run.nextRunAt };
  };
}
