import type { ProjectRow } from "../../db/schema.js";
import { isoDate } from "../../domain/dates.js";
import { DOCUMENT_TITLES } from "../../domain/document-kinds.js";
import { statusLabel } from "../../domain/phase-labels.js";
import { type ProjectTeam, phaseOwner } from "../../domain/phase-owners.js";
import { currentPhase, phaseName } from "../../domain/phase-rules.js";
import type { LivePhase, PhaseProgress, ProjectLiveState } from "../../domain/project-state.js";
import { behindPlanSince, type PlannedEnds, projectStatus } from "../../domain/project-status.js";
import { fingerprintOf } from "../../fingerprint.js";
import type { WaitingOn } from "../../services/asks-service.js";
import type { BoardReminders, SnoozedItem } from "../../services/board-reminders.js";
import { ACTION } from "../ids.js";
import { waitingBlocks } from "./ask-messages.js";
import {
  actions,
  button,
  context,
  divider,
  header,
  type KnownBlock,
  type MessageContent,
  section,
  truncate,
} from "./block-kit.js";
import { blockerLine, openBlockerCount } from "./blocker-format.js";
import { linesToSections } from "./line-sections.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";
import { phaseTitle, statusEmoji } from "./phase-messages.js";
import { type InterviewProgressSummary, progressLine } from "./project-card.js";

/** The status board: one message per project channel, pinned, rebuilt from live data on every change. */

export interface PublishedDocument {
  canvasId: string | null;
  /** Every publish, refreshes included: 0 until the first. */
  version: number;
  /** Document Control's version: publishes a person asked for. */
  revision: number;
  /** The canvas' link as Slack gave it (`files.info`), once asked. */
  canvasPermalink: string | null;
}

export interface StatusBoardInput {
  project: Pick<
    ProjectRow,
    | "id"
    | "teamId"
    | "code"
    | "name"
    | "clientName"
    | "systemA"
    | "systemB"
    | "leadEngineerId"
    | "projectManagerId"
    | "targetGoLive"
  >;
  live: ProjectLiveState;
  progress: readonly PhaseProgress[];
  interview: InterviewProgressSummary;
  documents: { plan: PublishedDocument | undefined; discovery: PublishedDocument | undefined };
  now: Date;
  /** Who the team names for each phase's default owner; none when absent (only a set owner shows). */
  team?: ProjectTeam;
  /** The plan's planned phase dates; no phase shows as behind plan when absent. */
  schedule?: PlannedEnds | null;
  /**
   * Who still owes answers (`/intplan ask`), one entry per person, named with a mention as the board names
   * the lead, the PM and phase owners. The board is edited in place (chat.update): Slack's docs describe an
   * edit as replacing the message (`message_changed`, docs.slack.dev/reference/events/message/message_changed)
   * and say nothing of it notifying the people an edit newly mentions (not confirmed either way); a board
   * posted anew (the first `/intplan status`, or a lost board reposted) mentions them like any message does.
   */
  waiting?: readonly WaitingOn[];
  /**
   * Whether the channel's reminders are off (`/intplan settings`), and the nudges snoozed past `now`. The
   * snoozed line depends on `now`: a snooze that ran out leaves the board at its next refresh (a nudge or
   * any change), not on a timer of its own.
   */
  reminders?: BoardReminders;
}

/** Open blockers shown on the board; the rest are counted and `/intplan blockers` lists them all. */
export const BOARD_BLOCKER_LINES = 10;

const slackDate = (date: Date, format: string) =>
  `<!date^${Math.floor(date.getTime() / 1000)}^${format}|${date.toISOString()}>`;

function phaseLine(input: StatusBoardInput, phase: LivePhase, progress: PhaseProgress | undefined): string {
  const owner = input.team ? phaseOwner(phase, input.team) : phase.ownerId;
  const behind = behindPlanSince(phase, input.schedule, isoDate(input.now));
  const facts = [
    // The status in words beside its emoji: a screen reader says "large blue circle" for the emoji alone.
    `${statusEmoji(phase.status)} *${phaseTitle(phase.number)}* · ${statusLabel(phase.status)}`,
    ...(progress ? [`tasks ${progress.tasksDone}/${progress.tasksTotal}`] : []),
    ...(progress ? [`exit criteria ${progress.exitDone}/${progress.exitTotal}`] : []),
    ...(owner ? [mention(owner)] : []),
    ...(phase.status === "done" && phase.endedOn ? [`done ${phase.endedOn}`] : []),
    ...(phase.status !== "done" && phase.startedOn ? [`since ${phase.startedOn}`] : []),
    ...(phase.signedOffBy ? [`signed off by ${mention(phase.signedOffBy)}`] : []),
    ...(behind ? [`:warning: behind plan since ${behind}`] : []),
  ];
  return `${facts.join(" · ")}${phase.note ? `\n>${escapeMrkdwn(phase.note)}` : ""}`;
}

function milestoneLine(input: StatusBoardInput): string {
  const current = currentPhase(input.live.phases);
  const goLive = input.project.targetGoLive ? ` · Target go-live: ${input.project.targetGoLive}` : "";
  if (current.kind === "finished") return `:tada: All five phases are done.${goLive}`;
  if (current.kind === "not-started") return `*Next milestone:* start *${phaseTitle(1)}*${goLive}`;
  const progress = input.progress.find((p) => p.phaseNumber === current.phase.number);
  const exit = progress ? ` (exit criteria ${progress.exitDone}/${progress.exitTotal})` : "";
  return `*Next milestone:* finish *${phaseTitle(current.phase.number)}*${exit}${goLive}`;
}

function blockerBlocks(input: StatusBoardInput): KnownBlock[] {
  const open = input.live.openBlockers;
  if (open.length === 0) return [section("*Open blockers:* none")];
  const lines = open.slice(0, BOARD_BLOCKER_LINES).map((b) => `• ${blockerLine(b, input.now)}`);
  const { blocks, left } = linesToSections([`*Open blockers (${open.length})*`, ...lines], 4);
  const hidden = open.length - lines.length + left;
  return [...blocks, ...(hidden > 0 ? [context(`…and ${hidden} more: \`/intplan blockers\``)] : [])];
}

function documentLink(title: string, doc: PublishedDocument | undefined, command: string): string {
  if (!doc || doc.version === 0) return `${title}: not published yet (\`${command}\`)`;
  const shown = Math.max(doc.revision, 1);
  if (!doc.canvasId) return `${title} v${shown} (posted as a file)`;
  // Until Slack has given the canvas' link (files.info), say where it is rather than guess a URL.
  if (!doc.canvasPermalink) return `${title} v${shown} (a canvas in this channel's tabs)`;
  return `<${doc.canvasPermalink}|${title}> v${shown}`;
}

/** Snoozed nudges named on the board; the rest are counted. */
const BOARD_SNOOZED_LINES = 10;
/** How much of a snoozed blocker's text the board repeats (the blockers list above has it whole). */
const SNOOZED_BLOCKER_TEXT = 40;

function snoozedLabel(item: SnoozedItem): string {
  switch (item.kind) {
    case "blocker":
      return `blocker #${item.number} (${escapeMrkdwn(truncate(item.text, SNOOZED_BLOCKER_TEXT))})`;
    case "phase":
      return `${escapeMrkdwn(phaseName(item.phaseNumber))} past its end`;
    case "ask":
      return `answers owed by ${mention(item.personId, "someone")}`;
    case "go-live":
      return `the go-live notice ${item.daysBefore} day${item.daysBefore === 1 ? "" : "s"} before`;
  }
}

/** "Reminders are off…" and "Snoozed reminders: blocker #3 until …", when there is anything to say. */
function reminderBlocks(input: StatusBoardInput): KnownBlock[] {
  const reminders = input.reminders;
  if (!reminders) return [];
  // A snooze outlives its item in the ledger: a finished phase's, or an ask since answered, is not shown.
  const done = new Set(input.live.phases.filter((p) => p.status === "done").map((p) => p.number));
  const owing = input.waiting ? new Set(input.waiting.map((w) => w.personId)) : undefined;
  const snoozed = reminders.snoozed.filter(
    (s) =>
      (s.kind !== "phase" || !done.has(s.phaseNumber)) &&
      (s.kind !== "ask" || !owing || owing.has(s.personId)),
  );
  const shown = snoozed
    .slice(0, BOARD_SNOOZED_LINES)
    .map((s) => `${snoozedLabel(s)} until ${slackDate(s.until, "{date_short_pretty}")}`);
  const more = snoozed.length - shown.length;
  const lines = [
    ...(reminders.enabled ? [] : [":no_bell: Reminders are off in this channel (`/intplan settings`)"]),
    ...(shown.length > 0
      ? [`:zzz: Snoozed reminders: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`]
      : []),
  ];
  return lines.length > 0 ? [context(...lines)] : [];
}

const UPDATED_AT_BLOCK = "status_board_updated_at";

/**
 * What the board says, as a hash, leaving out when it was built: two boards with the same fingerprint
 * differ only in their "Updated …" line, so editing one into the other would change nothing that matters.
 */
export function boardFingerprint(board: MessageContent): string {
  const blocks = board.blocks.filter((b) => (b as { block_id?: string }).block_id !== UPDATED_AT_BLOCK);
  return fingerprintOf({ text: board.text, blocks });
}

export function buildStatusBoard(input: StatusBoardInput): MessageContent {
  const { project, live } = input;
  const progressOf = (n: number) => input.progress.find((p) => p.phaseNumber === n);
  const blocks: KnownBlock[] = [
    header(`${project.name} (${project.code})`),
    context(
      `*${projectStatus(live.phases)}* · Client *${escapeMrkdwn(project.clientName)}* · ${escapeMrkdwn(project.systemA)} → ${escapeMrkdwn(project.systemB)}` +
        ` · Lead ${mention(project.leadEngineerId)} · PM ${mention(project.projectManagerId)}`,
    ),
    divider(),
    ...live.phases.map((phase) => section(phaseLine(input, phase, progressOf(phase.number)))),
    section(milestoneLine(input)),
    divider(),
    ...blockerBlocks(input),
    ...waitingBlocks(input.waiting ?? [], input.now),
    ...reminderBlocks(input),
    divider(),
    context(
      progressLine(input.interview),
      [
        documentLink(DOCUMENT_TITLES.plan, input.documents.plan, "/intplan plan"),
        documentLink(DOCUMENT_TITLES.discovery, input.documents.discovery, "/intplan discovery"),
      ].join(" · "),
    ),
    actions(`status_board_${project.id}`, [
      button("Tasks & exit criteria", ACTION.openChecklist, { value: String(project.id), style: "primary" }),
    ]),
    {
      ...context(
        `Updated ${slackDate(input.now, "{date_short_pretty} at {time}")} · this message updates itself as the project changes`,
      ),
      block_id: UPDATED_AT_BLOCK,
    },
  ];
  return { text: boardNotificationText(input), blocks };
}

/**
 * The board shown privately, when Slack would not take it in the channel: the same board, without the
 * line saying the message updates itself (this one does not).
 */
export function buildPrivateStatusBoard(input: StatusBoardInput): MessageContent {
  const board = buildStatusBoard(input);
  const blocks = board.blocks.filter((b) => (b as { block_id?: string }).block_id !== UPDATED_AT_BLOCK);
  return { ...board, blocks };
}

/**
 * The board's notification text (what a notification, a screen reader and a search show): the current
 * phase and its status in words, and the open blockers. "INT-0001 status: phase 2. Development, In
 * progress; 1 open blocker".
 */
function boardNotificationText({ project, live }: StatusBoardInput): string {
  const current = currentPhase(live.phases);
  const where =
    current.kind === "running"
      ? `phase ${phaseTitle(current.phase.number)}, ${statusLabel(current.phase.status)}`
      : current.kind === "finished"
        ? "all phases done"
        : "not started";
  return `${escapeMrkdwn(project.name)} (${project.code}) status: ${where}; ${openBlockerCount(live.openBlockers.length)}`;
}
