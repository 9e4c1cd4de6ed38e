import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { BLOCKER_STATUSES } from "../domain/blockers.js";
import { CANVAS_ACCESS_STATES, DOCUMENT_KINDS, PUBLICATION_TARGETS } from "../domain/document-kinds.js";
import {
  INTEGRATION_TYPE_SOURCES,
  INTEGRATION_TYPES,
  type IntegrationType,
} from "../domain/integration-type.js";
import { CHECKLIST_KINDS, CHECKLIST_SCOPES, PHASE_STATUSES } from "../domain/phases.js";
import type { AnswerSource } from "../domain/questionnaire/answer-source.js";
import type { AnswerValue } from "../domain/questionnaire/answers.js";
import { NUDGE_KINDS, NUDGE_STATES } from "../domain/reminders/nudges.js";
import { OUTBOX_JOBS } from "../outbox/job-kinds.js";

/**
 * All tables. Migrations in drizzle/ are generated from this file with `npm run db:generate`.
 * Enumerated columns take their values from the domain's constants (`text({ enum })` types the column in
 * TypeScript and changes nothing in SQL).
 */

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();
const updatedAt = () => integer("updated_at", { mode: "timestamp_ms" }).notNull();

export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id").notNull(),
    channelId: text("channel_id").notNull(),
    /** Human code, unique per workspace: INT-0001. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    clientName: text("client_name").notNull(),
    systemA: text("system_a").notNull(),
    systemB: text("system_b").notNull(),
    /** The resolved type: accounting, marketing, fulfillment, inventory, pos or other. */
    integrationType: text("integration_type", { enum: INTEGRATION_TYPES }).notNull(),
    /** "auto" when the classifier chose the type, "chosen" when a person did. */
    integrationTypeSource: text("integration_type_source", { enum: INTEGRATION_TYPE_SOURCES }).notNull(),
    /**
     * Every type the project is (stock sync plus order posting), `integrationType` first. Chosen by a person
     * when the source is "chosen"; otherwise what the classifier last found.
     */
    integrationTypes: text("integration_types", { mode: "json" })
      .$type<IntegrationType[]>()
      .notNull()
      .default(sql`'[]'`),
    leadEngineerId: text("lead_engineer_id"),
    projectManagerId: text("project_manager_id"),
    /** YYYY-MM-DD */
    targetGoLive: text("target_go_live"),
    volumeEstimate: text("volume_estimate"),
    summary: text("summary"),
    status: text("status").notNull().default("planning"),
    questionnaireVersion: integer("questionnaire_version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("projects_team_channel_unique").on(t.teamId, t.channelId),
    uniqueIndex("projects_team_code_unique").on(t.teamId, t.code),
    index("projects_team_updated_idx").on(t.teamId, t.updatedAt),
  ],
);

/** Every change to project data writes one row here, in the same transaction as the change. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("audit_project_at_idx").on(t.projectId, t.at)],
);

/** One row per answered discovery question; the last edit wins, the audit log keeps the previous value. */
export const answers = sqliteTable(
  "answers",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    value: text("value", { mode: "json" }).$type<AnswerValue>().notNull(),
    answeredBy: text("answered_by").notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
    /** Null when a person typed it; otherwise where it came from (an import, a system profile). */
    source: text("source", { mode: "json" }).$type<AnswerSource>(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.questionId] })],
);

/** What someone typed in a section but could not be saved yet (invalid, or the modal was closed). */
export const interviewDrafts = sqliteTable(
  "interview_drafts",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    sectionId: text("section_id").notNull(),
    raw: text("raw", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    savedBy: text("saved_by").notNull(),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.sectionId] })],
);

export type ProjectRow = typeof projects.$inferSelect;
export type NewProjectRow = typeof projects.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;

/** The plan's five phases, one row each per project, created with the project. */
export const phases = sqliteTable(
  "phases",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    /** not-started, in-progress, blocked or done */
    status: text("status", { enum: PHASE_STATUSES }).notNull().default("not-started"),
    ownerId: text("owner_id"),
    startedOn: text("started_on"),
    endedOn: text("ended_on"),
    note: text("note"),
    signedOffBy: text("signed_off_by"),
    signedOffAt: integer("signed_off_at", { mode: "timestamp_ms" }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.number] })],
);

/** A phase's tasks and exit criteria from the plan, ticked off as the work happens. */
export const checklistItems = sqliteTable(
  "checklist_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    phaseNumber: integer("phase_number").notNull(),
    /** "task" or "exit" */
    kind: text("kind", { enum: CHECKLIST_KINDS }).notNull(),
    /** Stable key from the phase definition, so ticks survive re-seeding. */
    key: text("key").notNull(),
    label: text("label").notNull(),
    position: integer("position").notNull(),
    done: integer("done", { mode: "boolean" }).notNull().default(false),
    doneBy: text("done_by"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    /** in, suggested (a type-specific task not confirmed yet) or out (not in scope). */
    scope: text("scope", { enum: CHECKLIST_SCOPES }).notNull().default("in"),
    /** Who confirmed the item or marked it not in scope, and when. */
    scopedBy: text("scoped_by"),
    scopedAt: integer("scoped_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("checklist_project_key_unique").on(t.projectId, t.key)],
);

/** Blockers, numbered per project (#1, #2, ...). */
export const blockers = sqliteTable(
  "blockers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    ownerId: text("owner_id"),
    waitingOnClient: integer("waiting_on_client", { mode: "boolean" }).notNull().default(false),
    /** open or resolved */
    status: text("status", { enum: BLOCKER_STATUSES }).notNull().default("open"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    resolvedBy: text("resolved_by"),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolutionNote: text("resolution_note"),
    /** The message a blocker was logged from (message shortcut). */
    sourceTs: text("source_ts"),
    sourcePermalink: text("source_permalink"),
  },
  (t) => [
    uniqueIndex("blockers_project_number_unique").on(t.projectId, t.number),
    index("blockers_project_status_idx").on(t.projectId, t.status),
  ],
);

/** The one status message per project channel, updated in place. */
export const statusBoards = sqliteTable("status_boards", {
  projectId: integer("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  channelId: text("channel_id").notNull(),
  ts: text("ts").notNull(),
  pinned: integer("pinned", { mode: "boolean" }).notNull().default(false),
  /** A hash of the board as last sent to Slack, so an edit that would change nothing is not sent. */
  contentHash: text("content_hash"),
  /** When Slack last took the board (posted or edited). */
  updatedAt: updatedAt(),
});

/** Where each generated document lives in Slack, and the hash of what was last published. */
export const documents = sqliteTable(
  "documents",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** one of the suite's seven (DOCUMENT_KINDS) */
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    canvasId: text("canvas_id"),
    version: integer("version").notNull().default(0),
    contentHash: text("content_hash"),
    /**
     * Whether the channel was made read-only on the canvas (`canvases.access.set`): null until tried,
     * "read" once Slack took it, "refused" when Slack would not (the channel is told once).
     */
    canvasAccess: text("canvas_access", { enum: CANVAS_ACCESS_STATES }),
    /** The canvas' link as Slack gives it (`files.info` → `file.permalink`), once asked. */
    canvasPermalink: text("canvas_permalink"),
    /**
     * The document's version in Document Control: publishes a person asked for (`/intplan plan`, a section
     * edit, a freeze) that changed the content. Automatic refreshes do not count.
     */
    revision: integer("revision").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind] })],
);

/**
 * A PM's own wording for one section of a document (`/intplan edit`), which replaces the generated text of
 * that section in every later render. The section is named by its heading as rendered ("## 3. Timeline").
 * Reverting deletes the row; who changed what is in the audit log.
 */
export const sectionEdits = sqliteTable(
  "section_edits",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    /** The section's heading line as rendered, "#" marks included. */
    heading: text("heading").notNull(),
    /** The section's body as the PM wrote it (Markdown, without the heading line). */
    body: text("body").notNull(),
    editedBy: text("edited_by").notNull(),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind, t.heading] })],
);

/** A frozen, numbered version of a document (`/intplan freeze`): never changed once written. */
export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    /** 1, 2, 3… per project and document. */
    number: integer("number").notNull(),
    label: text("label"),
    /** The frozen document as a file reader sees it: real names, no Slack markup. */
    markdown: text("markdown").notNull(),
    frozenBy: text("frozen_by").notNull(),
    frozenAt: integer("frozen_at", { mode: "timestamp_ms" }).notNull(),
    /** The uploaded files, once Slack has them (the version is committed first). */
    docxFileId: text("docx_file_id"),
    markdownFileId: text("markdown_file_id"),
    permalink: text("permalink"),
  },
  (t) => [uniqueIndex("document_versions_number_unique").on(t.projectId, t.kind, t.number)],
);

/** Every publish of a document: canvas or file, who, when, what (by hash). */
export const publications = sqliteTable(
  "publications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    version: integer("version").notNull(),
    /** canvas or file */
    target: text("target", { enum: PUBLICATION_TARGETS }).notNull(),
    targetId: text("target_id").notNull(),
    contentHash: text("content_hash").notNull(),
    publishedBy: text("published_by").notNull(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("publications_project_idx").on(t.projectId, t.kind)],
);

/**
 * Slack work owed after a committed change (refresh the plan canvas, update the status board). One row per
 * project and job: a burst of changes collapses into one job, which a background worker runs and retries.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    job: text("job", { enum: OUTBOX_JOBS }).notNull(),
    actorId: text("actor_id").notNull(),
    /** Bumped by every enqueue, so a run only clears the job if nothing new arrived meanwhile. */
    generation: integer("generation").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    runAfter: integer("run_after", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    /**
     * Which process is running the job, until when (a lease): a row is claimed by a conditional update before
     * it runs, so two app processes sharing the database never both run it; a claim left by a process that
     * died lapses at `claimedUntil` and the job runs again.
     */
    claimedBy: text("claimed_by"),
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outbox_project_job_unique").on(t.projectId, t.job),
    index("outbox_run_after_idx").on(t.runAfter),
  ],
);

/**
 * The last failure the channel was told about, per project and job: a job that keeps failing for the same
 * reason is announced once, not after every burst of changes (and not again after a restart). Cleared when
 * the job next succeeds.
 */
export const outboxNotices = sqliteTable(
  "outbox_notices",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    job: text("job", { enum: OUTBOX_JOBS }).notNull(),
    cause: text("cause").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.job] })],
);

/**
 * What someone was asked to answer (`/intplan ask @person 5`): one row per person and section, open until the
 * section is saved by anyone or the ask is cancelled. The board lists the open ones ("Waiting on @Dana").
 */
export const asks = sqliteTable(
  "asks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** The chat user asked. */
    personId: text("person_id").notNull(),
    /** The questionnaire section's id (not its number, which a version may move). */
    sectionId: text("section_id").notNull(),
    note: text("note"),
    askedBy: text("asked_by").notNull(),
    askedAt: integer("asked_at", { mode: "timestamp_ms" }).notNull(),
    /** The message carrying the button (a DM, or the channel when a DM is not possible), once Slack took it. */
    messageChannel: text("message_channel"),
    messageTs: text("message_ts"),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    closedBy: text("closed_by"),
    /** "answered" or "cancelled" once closed. */
    closedReason: text("closed_reason", { enum: ["answered", "cancelled"] }),
  },
  (t) => [index("asks_project_open_idx").on(t.projectId, t.closedAt)],
);

/**
 * A file read by `/intplan import`, waiting for the person's review: what it would fill, what it would replace
 * and what could not be placed. Nothing reaches the answers until they confirm; a review left alone expires.
 */
export const pendingImports = sqliteTable(
  "pending_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    personId: text("person_id").notNull(),
    fileId: text("file_id").notNull(),
    fileName: text("file_name").notNull(),
    /** The parsed proposal (import/ decides its shape). */
    proposal: text("proposal", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pending_imports_project_idx").on(t.projectId)],
);

/**
 * A channel's reminder settings (`/intplan settings`), one JSON value per project read through the domain's
 * `parseReminderSettings` (a missing row is the defaults).
 */
export const reminderSettings = sqliteTable("reminder_settings", {
  projectId: integer("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  settings: text("settings", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: updatedAt(),
});

/**
 * The nudges ledger: one row per item and window (`itemKey`, see domain/reminders/nudges.ts), written when the
 * nudge is sent (or summarised after downtime), so each is sent once; snoozing and dismissing change its row.
 */
export const nudges = sqliteTable(
  "nudges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NUDGE_KINDS }).notNull(),
    itemKey: text("item_key").notNull(),
    state: text("state", { enum: NUDGE_STATES }).notNull(),
    /** Who it went to (a user id), or null when it went to the channel. */
    recipientId: text("recipient_id"),
    /** Snoozed: not sent again before this instant. */
    snoozedUntil: integer("snoozed_until", { mode: "timestamp_ms" }),
    /** Who snoozed or dismissed it, last. */
    changedBy: text("changed_by"),
    timesSent: integer("times_sent").notNull().default(0),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    /** The message that carried it, once Slack took it (to update after a snooze or an action). */
    messageChannel: text("message_channel"),
    messageTs: text("message_ts"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("nudges_project_item_unique").on(t.projectId, t.itemKey),
    index("nudges_project_state_idx").on(t.projectId, t.state),
  ],
);

/** Requests already handled (Slack retries events; people double-click), kept for a day. */
export const processedRequests = sqliteTable("processed_requests", {
  key: text("key").primaryKey(),
  at: integer("at", { mode: "timestamp_ms" }).notNull(),
});

export type PhaseRow = typeof phases.$inferSelect;
export type ChecklistItemRow = typeof checklistItems.$inferSelect;
export type BlockerRow = typeof blockers.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type SectionEditRow = typeof sectionEdits.$inferSelect;
export type DocumentVersionRow = typeof documentVersions.$inferSelect;
export type AskRow = typeof asks.$inferSelect;
export type PendingImportRow = typeof pendingImports.$inferSelect;
export type NudgeRow = typeof nudges.$inferSelect;
