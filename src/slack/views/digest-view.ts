import type { DirectoryName } from "../../documents/people-presentation.js";
import { daysBetween } from "../../domain/dates.js";
import { DOCUMENT_TITLES, type DocumentKind } from "../../domain/document-kinds.js";
import { currentPhaseLabel, statusLabel } from "../../domain/phase-labels.js";
import { phaseOwner } from "../../domain/phase-owners.js";
import { currentPhase } from "../../domain/phase-rules.js";
import { behindPlanSince, projectStatus } from "../../domain/project-status.js";
import type { NotableChange } from "../../domain/reminders/digest-summary.js";
import { WEEKDAY_NAMES } from "../../domain/reminders/settings.js";
import { localDate, zonedTime } from "../../domain/reminders/working-time.js";
import type { DigestFacts } from "../../services/digest.js";
import { agoText } from "./ask-messages.js";
import { context, divider, header, type KnownBlock, type MessageContent, section } from "./block-kit.js";
import { formatAge, openBlockerCount } from "./blocker-format.js";
import { linesToSections } from "./line-sections.js";
import { channelLink, escapeMrkdwn } from "./mrkdwn.js";
import { phaseTitle, statusEmoji } from "./phase-messages.js";

/**
 * The weekly digest: one message in the project's channel. It names people by their names, in bold, and
 * never mentions anyone (no `<@U…>`, no `@channel`): a digest is for reading, nobody has to act on it at
 * once. Every list is bounded, so even a project with many blockers stays within Slack's limits (50 blocks,
 * 3,000 characters a section); what does not fit is counted, with the command that lists it all.
 */

/** Lines shown per list; the rest are counted. */
export const DIGEST_LINES = { changes: 10, blockers: 15, owed: 8 } as const;

const SHORT_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** A person named without a mention: their Slack name in bold, else a neutral word. */
export function personName(names: ReadonlyMap<string, DirectoryName>, id: string | null): string {
  if (!id) return "no owner";
  const name = names.get(id);
  if (name?.status === "named" && name.name.trim()) return `*${escapeMrkdwn(name.name.trim())}*`;
  return name?.status === "gone" ? "a former member" : "a team member";
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summaryLine(week: DigestFacts["week"]): string {
  if (week.total === 0) return "Nothing changed this week.";
  const parts = [
    ...(week.phaseChanges > 0 ? [plural(week.phaseChanges, "phase change")] : []),
    ...(week.blockersAdded > 0 ? [`${plural(week.blockersAdded, "blocker")} logged`] : []),
    ...(week.blockersResolved > 0 ? [`${week.blockersResolved} resolved`] : []),
    ...(week.answersSaved > 0 ? [`${plural(week.answersSaved, "answer")} saved`] : []),
    ...(week.documentsFrozen > 0 ? [`${plural(week.documentsFrozen, "version")} frozen`] : []),
    ...week.published.map(
      (p) =>
        `${DOCUMENT_TITLES[p.document as DocumentKind] ?? escapeMrkdwn(p.document)} v${Math.max(1, p.revision)} published`,
    ),
  ];
  return `${plural(week.total, "change")} recorded${parts.length > 0 ? `: ${parts.join(" · ")}` : "."}`;
}

function changeLine(facts: DigestFacts, change: NotableChange): string {
  const day = SHORT_WEEKDAYS[zonedTime(change.at, facts.timeZone).weekday];
  const who = personName(facts.names, change.actorId);
  switch (change.kind) {
    case "phase":
      return `• ${day} · ${who} moved *${phaseTitle(change.phase)}* from ${statusLabel(change.from)} to ${statusLabel(change.to)}`;
    case "blocker-added":
      return `• ${day} · ${who} logged blocker *#${change.number}* ${escapeMrkdwn(change.text)}`;
    case "blocker-resolved":
      return `• ${day} · ${who} resolved blocker *#${change.number}* ${escapeMrkdwn(change.text)}`;
    case "document-frozen":
      return `• ${day} · ${who} froze the ${DOCUMENT_TITLES[change.document as DocumentKind] ?? escapeMrkdwn(change.document)} as version ${change.number}`;
  }
}

function weekBlocks(facts: DigestFacts): KnownBlock[] {
  const { week } = facts;
  const since = localDate(week.since, facts.timeZone);
  const shown = week.notable.slice(-DIGEST_LINES.changes);
  const lines = shown.map((c) => changeLine(facts, c));
  const { blocks, left } = linesToSections(
    [`*This week* (since ${since})\n${summaryLine(week)}`, ...lines],
    3,
  );
  const hidden = week.notable.length - shown.length + left;
  return [...blocks, ...(hidden > 0 ? [context(`…and ${hidden} more: \`/intplan history\``)] : [])];
}

function phaseLines(facts: DigestFacts): string[] {
  const { board } = facts;
  return board.live.phases.map((phase) => {
    const progress = board.progress.find((p) => p.phaseNumber === phase.number);
    const owner = phaseOwner(phase, board.team);
    const behind = behindPlanSince(phase, board.schedule, facts.today);
    return [
      `${statusEmoji(phase.status)} *${phaseTitle(phase.number)}* · ${statusLabel(phase.status)}`,
      ...(progress ? [`tasks ${progress.tasksDone}/${progress.tasksTotal}`] : []),
      ...(progress ? [`exit criteria ${progress.exitDone}/${progress.exitTotal}`] : []),
      ...(owner ? [personName(facts.names, owner)] : []),
      ...(behind ? [`:warning: behind plan since ${behind}`] : []),
    ].join(" · ");
  });
}

const inDays = (from: string, to: string) => {
  const days = daysBetween(from, to);
  if (days === 0) return "today";
  if (days > 0) return `in ${plural(days, "day")}`;
  return `${plural(-days, "day")} ago`;
};

function milestoneLine(facts: DigestFacts): string {
  const { milestone } = facts;
  if (milestone.kind === "finished") return ":tada: *Next milestone:* none, all five phases are done.";
  const progress = facts.board.progress.find((p) => p.phaseNumber === milestone.phase);
  const exit = progress ? `, exit criteria ${progress.exitDone}/${progress.exitTotal}` : "";
  const what = `${milestone.started ? "finish" : "start and finish"} *${phaseTitle(milestone.phase)}*`;
  if (!milestone.plannedEnd) return `*Next milestone:* ${what}${exit} (the plan has no dates yet)`;
  return `*Next milestone:* ${what}, planned for ${milestone.plannedEnd} (${inDays(facts.today, milestone.plannedEnd)})${exit}`;
}

const VERDICT_EMOJI = {
  achievable: ":white_check_mark:",
  "at-risk": ":warning:",
  "not-achievable": ":x:",
} as const;

/** Whether the plan still meets the target go-live, in the plan's own words. */
function goLiveLine(facts: DigestFacts): string {
  const { goLive } = facts.board;
  const emoji = goLive.verdict ? `${VERDICT_EMOJI[goLive.verdict]} ` : "";
  const said = goLive.statements.length > 0 ? goLive.statements.join(" ") : `${goLive.label}.`;
  return `${emoji}*Go-live:* ${escapeMrkdwn(said.charAt(0).toUpperCase() + said.slice(1))}`;
}

function blockerBlocks(facts: DigestFacts): KnownBlock[] {
  const open = facts.blockers;
  if (open.length === 0) return [section("*Open blockers:* none")];
  const stale = open.filter((b) => b.staleSince).length;
  const shown = open.slice(0, DIGEST_LINES.blockers);
  const lines = shown.map(({ blocker, staleSince }) =>
    [
      `• *#${blocker.number}* ${escapeMrkdwn(blocker.text)}`,
      formatAge(blocker.createdAt, facts.now),
      personName(facts.names, blocker.ownerId),
      ...(blocker.waitingOnClient ? ["waiting on client"] : []),
      ...(staleSince ? [":hourglass: *stale*"] : []),
    ].join(" · "),
  );
  const title = `*Open blockers (${open.length}${stale > 0 ? `, ${stale} stale` : ""})*`;
  const { blocks, left } = linesToSections([title, ...lines], 4);
  const hidden = open.length - shown.length + left;
  return [
    ...blocks,
    context(
      [
        ...(hidden > 0 ? [`…and ${hidden} more: \`/intplan blockers\`.`] : []),
        `Stale: open more than ${plural(facts.staleAfterWorkingDays, "working day")}.`,
      ].join(" "),
    ),
  ];
}

function owedBlocks(facts: DigestFacts): KnownBlock[] {
  const waiting = facts.board.waiting;
  if (waiting.length === 0) return [section("*Owed:* nobody owes any answers.")];
  const shown = waiting.slice(0, DIGEST_LINES.owed);
  const lines = shown.map(
    (w) =>
      `• ${personName(facts.names, w.personId)} owes ${w.sections.map((s) => escapeMrkdwn(s.label)).join(", ")} · asked ${agoText(w.since, facts.now)}`,
  );
  const { blocks, left } = linesToSections([`*Owed (${waiting.length})*`, ...lines], 2);
  const hidden = waiting.length - shown.length + left;
  return [...blocks, ...(hidden > 0 ? [context(`…and ${hidden} more: \`/intplan ask\``)] : [])];
}

function footer(facts: DigestFacts): string {
  const asked =
    facts.reason === "asked" ? `Posted on request by ${personName(facts.names, facts.actorId)}. ` : "";
  const weekly = facts.weekly.on
    ? `The weekly digest comes every ${WEEKDAY_NAMES[facts.weekly.weekday]} at ${facts.weekly.time} (${escapeMrkdwn(facts.timeZone)}).`
    : "The weekly digest is off in this channel.";
  return `${asked}${weekly} \`/intplan settings\` changes it; \`/intplan digest\` posts one now.`;
}

/** The block that marks a message as a project's digest. */
export const digestBlockId = (projectId: number) => `digest_${projectId}`;

export function buildDigest(facts: DigestFacts): MessageContent {
  const { project, live } = facts.board;
  const lead = personName(facts.names, project.leadEngineerId);
  const pm = personName(facts.names, project.projectManagerId);
  const blocks: KnownBlock[] = [
    header(`Weekly digest: ${project.name} (${project.code})`),
    context(
      `*${projectStatus(live.phases)}* · Client *${escapeMrkdwn(project.clientName)}* · ${project.code} · Lead ${lead} · PM ${pm}`,
    ),
    divider(),
    ...weekBlocks(facts),
    divider(),
    ...linesToSections(["*Progress*", ...phaseLines(facts)], 2).blocks,
    section(milestoneLine(facts)),
    section(goLiveLine(facts)),
    divider(),
    ...blockerBlocks(facts),
    ...owedBlocks(facts),
    { ...context(footer(facts)), block_id: digestBlockId(project.id) },
  ];
  const done = live.phases.filter((p) => p.status === "done").length;
  const stale = facts.blockers.filter((b) => b.staleSince).length;
  const text =
    `Weekly digest of ${escapeMrkdwn(project.name)} (${project.code}) for ${escapeMrkdwn(project.clientName)}: ` +
    `${done} of ${live.phases.length} phases done; ${openBlockerCount(live.openBlockers.length)}${stale > 0 ? ` (${stale} stale)` : ""}`;
  return { text, blocks };
}

const GO_LIVE_WORDS = {
  achievable: "the plan meets it",
  "at-risk": "at risk",
  "not-achievable": "the plan cannot meet it",
} as const;

/** One project of a person's own digest: where it is, its blockers and whether the go-live holds. */
function ownProjectBlock(facts: DigestFacts): KnownBlock {
  const { project, live, progress, goLive } = facts.board;
  const done = live.phases.filter((p) => p.status === "done").length;
  const current = currentPhaseLabel(currentPhase(live.phases));
  const tasks = progress.reduce(
    (sum, p) => ({ done: sum.done + p.tasksDone, total: sum.total + p.tasksTotal }),
    { done: 0, total: 0 },
  );
  const stale = facts.blockers.filter((b) => b.staleSince).length;
  const goLiveText = goLive.target
    ? `Go-live ${goLive.target}${goLive.verdict ? `: ${VERDICT_EMOJI[goLive.verdict]} ${GO_LIVE_WORDS[goLive.verdict]}` : ""}`
    : "No target go-live";
  return section(
    `*${escapeMrkdwn(project.name)}* (${project.code}) · ${escapeMrkdwn(project.clientName)} · ${channelLink(project.channelId)}\n` +
      [
        `${escapeMrkdwn(current ?? "Not started")}`,
        `${done} of ${live.phases.length} phases done`,
        `tasks ${tasks.done}/${tasks.total}`,
        `${openBlockerCount(live.openBlockers.length)}${stale > 0 ? ` (${stale} stale)` : ""}`,
        goLiveText,
      ].join(" · "),
  );
}

/**
 * The digest App Home's button sends by DM: a short part per project the person leads, manages or created,
 * most recently active first; the rest counted.
 */
export function buildOwnProjectsDigest(input: {
  projects: readonly DigestFacts[];
  total: number;
}): MessageContent {
  if (input.projects.length === 0) {
    const text =
      "You do not lead, manage or own any project yet, so there is nothing to digest. In a channel, `/intplan digest` posts that project's digest.";
    return { text, blocks: [section(text)] };
  }
  const hidden = input.total - input.projects.length;
  const blocks: KnownBlock[] = [
    header("Your projects this week"),
    context(`The projects you lead, manage or created (${input.total}), most recently active first.`),
    divider(),
    ...input.projects.map(ownProjectBlock),
    ...(hidden > 0 ? [context(`…and ${hidden} more.`)] : []),
    context("In a project's channel, `/intplan digest` posts the whole digest there."),
  ];
  const text = `Your projects this week: ${input.projects.map((p) => `${escapeMrkdwn(p.board.project.name)} (${p.board.project.code})`).join(", ")}${hidden > 0 ? ` and ${hidden} more` : ""}`;
  return { text, blocks };
}
