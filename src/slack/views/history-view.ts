import type { AuditRow } from "../../db/schema.js";
import { DOCUMENT_TITLES, type DocumentKind } from "../../domain/document-kinds.js";
import { INTEGRATION_TYPE_LABELS, type IntegrationType } from "../../domain/integration-type.js";
import { statusLabel } from "../../domain/phase-labels.js";
import { phaseName } from "../../domain/phase-rules.js";
import { BASICS_LABELS, type ProjectBasicsField } from "../../domain/project-edit.js";
import { parseReminderSettings } from "../../domain/reminders/settings.js";
import { describeSettingsChanges } from "../../domain/reminders/settings-form.js";
import { ACTION } from "../ids.js";
import { actions, button, context, type KnownBlock, type MessageContent, section } from "./block-kit.js";
import { linesToSections } from "./line-sections.js";
import { escapeMrkdwn, mention } from "./mrkdwn.js";

/** `/intplan history`: the audit trail, newest first, a page at a time. */

export const HISTORY_PAGE_SIZE = 20;

type Details = Record<string, unknown>;

const text = (details: Details, key: string): string => {
  const value = details[key];
  return typeof value === "string" || typeof value === "number" ? escapeMrkdwn(String(value)) : "";
};

const list = (details: Details, key: string): string[] => {
  const value = details[key];
  return Array.isArray(value) ? value.map((v) => escapeMrkdwn(String(v))) : [];
};

function checklistChange(details: Details): string {
  const parts: Array<[string, string]> = [
    ["ticked", "ticked"],
    ["unticked", "unticked"],
    ["confirmed", "confirmed"],
    ["outOfScope", "marked not in scope"],
    ["backInScope", "brought back in scope"],
  ];
  return parts
    .flatMap(([key, verb]) => {
      const items = list(details, key);
      return items.length > 0 ? [`${verb} ${items.join("; ")}`] : [];
    })
    .join(" and ");
}

const typeNames = (details: Details, key: string) =>
  list(details, key)
    .map((t) => INTEGRATION_TYPE_LABELS[t as IntegrationType] ?? t)
    .join(" and ");

/** The checklist following the project's types: "suggested …; withdrew the suggestions …". */
function typeTasksChange(details: Details): string {
  const added = list(details, "added");
  const removed = list(details, "removed");
  return [
    ...(added.length > 0 ? [`suggested tasks for ${typeNames(details, "types")}: ${added.join("; ")}`] : []),
    ...(removed.length > 0 ? [`withdrew the suggestions ${removed.join("; ")}`] : []),
  ].join(" and ");
}

function phaseChange(details: Details): string {
  const number = Number(details.phase);
  const title = escapeMrkdwn(`${number}. ${phaseName(number)}`);
  const from = statusLabel(String(details.from ?? ""));
  const to = statusLabel(String(details.to ?? ""));
  const moved = from === to ? `updated the note on *${title}*` : `moved *${title}* from ${from} to ${to}`;
  return `${moved}${details.signedOff ? " (signed off)" : ""}${details.note ? `: _${text(details, "note")}_` : ""}`;
}

const documentTitle = (details: Details) =>
  DOCUMENT_TITLES[String(details.document) as DocumentKind] ?? text(details, "document");

/** A section edit (`/intplan edit`): "edited *## 3. Timeline* of the Implementation Plan". */
function sectionChange(action: string, details: Details): string {
  const where = `*${text(details, "heading")}* of the ${documentTitle(details)}`;
  if (action === "section.edited") return `edited ${where}`;
  return details.orphaned
    ? `deleted the edit of ${where} (no longer in the document)`
    : `reverted ${where} to the generated text`;
}

/** An edit of the project's basics: "changed Client, Target go-live". */
function projectEdit(details: Details): string {
  const changes = Array.isArray(details.changes) ? (details.changes as { field?: unknown }[]) : [];
  const names = changes.map((c) => BASICS_LABELS[String(c.field) as ProjectBasicsField] ?? String(c.field));
  return `changed the project's ${escapeMrkdwn(names.join(", ") || "basics")}`;
}

/** An ask's sections, by id as the log keeps them: "security, go live". */
const askedSectionNames = (details: Details): string =>
  escapeMrkdwn(
    (Array.isArray(details.sections) ? details.sections : [])
      .map((id) => String(id).replaceAll("_", " "))
      .join(", "),
  );

/** `/intplan ask` and its end: "asked @Dana for security (_by Friday_)". */
function askChange(action: string, details: Details): string {
  const who = mention(String(details.person ?? ""), "someone");
  const sections = askedSectionNames(details);
  if (action === "ask.sent")
    return `asked ${who} for ${sections}${details.note ? ` (_${text(details, "note")}_)` : ""}`;
  if (action === "ask.answered") return `answered what ${who} was asked for: ${sections}`;
  return `cancelled the ask of ${who} for ${sections}`;
}

/** `/intplan import`: "imported 64 answers from *acme-discovery.md* (3 kept as they were)". */
function importLine(details: Details): string {
  const imported = Number(details.imported ?? 0);
  const kept = Number(details.kept ?? 0);
  const unplaced = Number(details.unplaced ?? 0);
  const notes = [
    ...(kept > 0 ? [`${kept} kept as ${kept === 1 ? "it was" : "they were"}`] : []),
    ...(unplaced > 0 ? [`${unplaced} part${unplaced === 1 ? "" : "s"} not placed`] : []),
  ];
  return `imported ${imported} answer${imported === 1 ? "" : "s"} from *${text(details, "fileName")}*${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`;
}

/** The settings changes a history line names before "and N more". */
const HISTORY_SETTINGS_CHANGES = 3;

/** `/intplan settings` saved: "changed the reminder settings: Blocker nudges: after 3 … → after 5 …". */
function settingsChange(details: Details): string {
  const changes = describeSettingsChanges(
    parseReminderSettings(details.before),
    parseReminderSettings(details.after),
  );
  if (changes.length === 0) return "saved the reminder settings";
  const shown = changes.slice(0, HISTORY_SETTINGS_CHANGES).map(escapeMrkdwn);
  const more = changes.length - shown.length;
  return `changed the reminder settings: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}

/** What a nudge was about, from its audit row: "blocker #3 API keys", "*4. Development*", what @Dana owes. */
function nudgeSubject(details: Details): string {
  switch (details.kind) {
    case "blocker":
      return `blocker ${text(details, "label")}`;
    case "phase":
      return `*${text(details, "label")}*`;
    case "ask":
      return `what ${mention(String(details.label ?? ""), "someone")} was asked`;
    case "go-live":
      return `the ${text(details, "label")}`;
    default:
      return text(details, "label");
  }
}

/** A nudge snoozed or dismissed: "snoozed the reminder about blocker #3 API keys until Fri 4 Dec". */
function nudgeChange(action: string, details: Details): string {
  const about = `the reminder about ${nudgeSubject(details)}`;
  if (action === "nudge.dismissed") return `dismissed ${about}`;
  const until = new Date(String(details.until ?? ""));
  return Number.isNaN(until.getTime())
    ? `snoozed ${about}`
    : `snoozed ${about} until <!date^${Math.floor(until.getTime() / 1000)}^{date_short_pretty}|${until.toISOString().slice(0, 10)}>`;
}

/** One audit row as a sentence about what the person did. */
export function describeAuditEntry(entry: Pick<AuditRow, "action" | "details">): string {
  const d = entry.details;
  switch (entry.action) {
    case "project.created":
      return `created the project ${text(d, "code")} _${text(d, "name")}_`;
    case "phase.changed":
      return phaseChange(d);
    case "phase.owner-set":
      return `made ${d.owner ? mention(String(d.owner)) : "the team's default"} the owner of *${escapeMrkdwn(`${text(d, "phase")}. ${text(d, "name")}`)}*`;
    case "project.edited":
      return projectEdit(d);
    case "blocker.added":
      return `logged blocker #${text(d, "number")}: ${text(d, "text")}`;
    case "blocker.resolved":
      return `resolved blocker #${text(d, "number")}: ${text(d, "text")}${d.note ? ` (_${text(d, "note")}_)` : ""}`;
    case "checklist.updated":
      return checklistChange(d);
    case "checklist.types-followed":
      return typeTasksChange(d);
    case "project.types-detected":
      return `changed the project's detected type to ${typeNames(d, "types")} (${text(d, "reason")})`;
    case "answer.saved":
      return `answered \`${text(d, "question")}\``;
    case "answers.imported":
      return importLine(d);
    case "answer.cleared":
      return `cleared the answer to \`${text(d, "question")}\``;
    case "document.frozen":
      return `froze the ${DOCUMENT_TITLES[String(d.document) as DocumentKind] ?? text(d, "document")} as version ${text(d, "number")}${d.label ? ` “${text(d, "label")}”` : ""}`;
    case "document.published":
      return `published the ${documentTitle(d)} v${text(d, "version")} (${text(d, "target")})`;
    case "section.edited":
    case "section.reverted":
      return sectionChange(entry.action, d);
    case "questionnaire.moved": {
      const lost = Array.isArray(d.notCarried) ? d.notCarried.length : 0;
      return `moved the project from questionnaire version ${text(d, "from")} to ${text(d, "to")}${lost > 0 ? ` (${lost} ${lost === 1 ? "answer" : "answers"} not carried over, kept here)` : ""}`;
    }
    case "ask.sent":
    case "ask.answered":
    case "ask.cancelled":
      return askChange(entry.action, d);
    case "settings.changed":
      return settingsChange(d);
    case "nudge.snoozed":
    case "nudge.dismissed":
      return nudgeChange(entry.action, d);
    default:
      return `\`${escapeMrkdwn(entry.action)}\``;
  }
}

function when(at: Date): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short} {time}|${at.toISOString()}>`;
}
export interface HistoryPage {
  projectName: string;
  entries: readonly AuditRow[];
  /** 1-based. */
  page: number;
  hasNext: boolean;
}

export function buildHistoryPage(input: HistoryPage): MessageContent {
  const title = `*History of ${escapeMrkdwn(input.projectName)}* · page ${input.page} · newest first`;
  if (input.entries.length === 0) {
    const empty = input.page === 1 ? "Nothing has happened yet." : "No entries on this page.";
    return { text: `${title}\n${empty}`, blocks: [section(`${title}\n${empty}`)] };
  }
  const lines = input.entries.map(
    (e) => `${when(e.at)} · ${mention(e.actorId, "someone")} ${describeAuditEntry(e)}`,
  );
  const paging = [
    ...(input.page > 1 ? [button("Newer", ACTION.historyNewer, { value: String(input.page - 1) })] : []),
    ...(input.hasNext ? [button("Older", ACTION.historyOlder, { value: String(input.page + 1) })] : []),
  ];
  const blocks: KnownBlock[] = [
    section(title),
    ...linesToSections(lines, 40).blocks,
    ...(paging.length > 0 ? [actions("history_paging", paging)] : [context("That is everything.")]),
  ];
  return { text: `History of ${escapeMrkdwn(input.projectName)}, page ${input.page}`, blocks };
}
