import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** All tables. Migrations in drizzle/ are generated from this file with `npm run db:generate`. */

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
    integrationType: text("integration_type").notNull(),
    /** "auto" when the classifier chose the type, "chosen" when a person did. */
    integrationTypeSource: text("integration_type_source").notNull(),
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
    value: text("value", { mode: "json" }).$type<unknown>().notNull(),
    answeredBy: text("answered_by").notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
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
