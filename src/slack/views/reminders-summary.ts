import type { PlannedGoLive, PlannedNudge } from "../../domain/reminders/plan.js";
import { context, type KnownBlock, type MessageContent, section } from "./block-kit.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { phaseTitle } from "./phase-messages.js";

/** Past this many nudges the summary says how many more: `/intplan status` and `/intplan blockers` list all. */
const MAX_LINES = 20;

export interface RemindersSummaryInput {
  project: { name: string };
  /** The nudges that came due while the app was down (now marked sent: they are not sent one by one). */
  nudges: readonly PlannedNudge[];
  /** The go-live window that passed meanwhile. */
  goLive: PlannedGoLive | undefined;
  /** The digest slot missed, as people read it ("Monday 09:00"). */
  digestMissed: string | undefined;
  /**
   * People's names by id. The summary names people without mentioning them: posted in the channel at
   * whatever hour the app came back, it notifies nobody (the nudges would have gone to each person alone).
   */
  names: ReadonlyMap<string, string>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line per nudge, naming (not mentioning) the person who must act. */
function nudgeLine(nudge: PlannedNudge, names: ReadonlyMap<string, string>): string {
  const mention = (id: string) => {
    const name = names.get(id);
    return name ? `*${escapeMrkdwn(name)}*` : "a teammate";
  };
  if (nudge.kind === "blocker") {
    const { blocker } = nudge;
    const who = blocker.ownerId ? ` · ${mention(blocker.ownerId)}` : " · no owner";
    return `• Blocker *#${blocker.number}* ${escapeMrkdwn(blocker.text)}: open ${plural(nudge.workingDaysOpen, "working day")}${who}`;
  }
  if (nudge.kind === "phase") {
    const { phase } = nudge;
    const who = phase.ownerId ? ` · ${mention(phase.ownerId)}` : "";
    return `• *${phaseTitle(phase.number)}* is still open; it was planned to end ${phase.plannedEnd}${who}`;
  }
  const sections = nudge.ask.sections.map((s) => escapeMrkdwn(s.label)).join(", ");
  return `• ${mention(nudge.ask.personId)} still owes answers for ${sections || "the sections asked"}`;
}

function goLiveLine(goLive: PlannedGoLive): string {
  const { open } = goLive;
  const counts = [
    open.exitCriteria.length > 0 ? plural(open.exitCriteria.length, "exit criterion", "exit criteria") : "",
    open.blockers.length > 0 ? plural(open.blockers.length, "blocker") : "",
    open.requiredMissing > 0 ? plural(open.requiredMissing, "required question") : "",
  ].filter(Boolean);
  const still = counts.length > 0 ? ` still open: ${counts.join(", ")}` : " nothing is open for it";
  return `• Go-live on ${goLive.target} is ${goLive.daysBefore === 1 ? "1 day" : `${goLive.daysBefore} days`} away or less;${still}`;
}

/**
 * The one message a channel gets after the app was down while reminders came due: what came due, instead
 * of every nudge replayed one by one. Undefined when nothing came due (the channel hears nothing).
 */
export function buildRemindersSummary(input: RemindersSummaryInput): MessageContent | undefined {
  const lines = input.nudges.map((nudge) => nudgeLine(nudge, input.names));
  const shown =
    lines.length > MAX_LINES
      ? [...lines.slice(0, MAX_LINES), `…and ${lines.length - MAX_LINES} more`]
      : lines;
  if (input.goLive) shown.push(goLiveLine(input.goLive));
  if (input.digestMissed)
    shown.push(
      `• The weekly digest (${escapeMrkdwn(input.digestMissed)}) was missed: \`/intplan digest\` posts it now`,
    );
  if (shown.length === 0) return undefined;
  const name = escapeMrkdwn(input.project.name);
  const heading = `:hourglass: *While I was offline*, these reminders of *${name}* came due:`;
  const blocks: KnownBlock[] = [
    section(`${heading}\n${shown.join("\n")}`),
    context("I will not send them one by one. `/intplan status` shows where the project stands."),
  ];
  const count = input.nudges.length + (input.goLive ? 1 : 0) + (input.digestMissed ? 1 : 0);
  return {
    text: `While I was offline, ${plural(count, "reminder")} of ${name} came due.`,
    blocks,
  };
}
