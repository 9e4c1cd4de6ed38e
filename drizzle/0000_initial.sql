CREATE TABLE `answers` (
	`project_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	`answered_by` text NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `question_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_project_at_idx` ON `audit_log` (`project_id`,`at`);--> statement-breakpoint
CREATE TABLE `blockers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`number` integer NOT NULL,
	`text` text NOT NULL,
	`owner_id` text,
	`waiting_on_client` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_by` text,
	`resolved_at` integer,
	`resolution_note` text,
	`source_ts` text,
	`source_permalink` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blockers_project_number_unique` ON `blockers` (`project_id`,`number`);--> statement-breakpoint
CREATE INDEX `blockers_project_status_idx` ON `blockers` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `checklist_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`phase_number` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	`done` integer DEFAULT false NOT NULL,
	`done_by` text,
	`done_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_project_key_unique` ON `checklist_items` (`project_id`,`key`);--> statement-breakpoint
CREATE TABLE `documents` (
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`canvas_id` text,
	`version` integer DEFAULT 0 NOT NULL,
	`content_hash` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `kind`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interview_drafts` (
	`project_id` integer NOT NULL,
	`section_id` text NOT NULL,
	`raw` text NOT NULL,
	`saved_by` text NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `section_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`job` text NOT NULL,
	`actor_id` text NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`run_after` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_project_job_unique` ON `outbox` (`project_id`,`job`);--> statement-breakpoint
CREATE INDEX `outbox_run_after_idx` ON `outbox` (`run_after`);--> statement-breakpoint
CREATE TABLE `phases` (
	`project_id` integer NOT NULL,
	`number` integer NOT NULL,
	`status` text DEFAULT 'not-started' NOT NULL,
	`owner_id` text,
	`started_on` text,
	`ended_on` text,
	`note` text,
	`signed_off_by` text,
	`signed_off_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `number`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `processed_requests` (
	`key` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`client_name` text NOT NULL,
	`system_a` text NOT NULL,
	`system_b` text NOT NULL,
	`integration_type` text NOT NULL,
	`integration_type_source` text NOT NULL,
	`lead_engineer_id` text,
	`project_manager_id` text,
	`target_go_live` text,
	`volume_estimate` text,
	`summary` text,
	`status` text DEFAULT 'planning' NOT NULL,
	`questionnaire_version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_team_channel_unique` ON `projects` (`team_id`,`channel_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `projects_team_code_unique` ON `projects` (`team_id`,`code`);--> statement-breakpoint
CREATE INDEX `projects_team_updated_idx` ON `projects` (`team_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`target` text NOT NULL,
	`target_id` text NOT NULL,
	`content_hash` text NOT NULL,
	`published_by` text NOT NULL,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `publications_project_idx` ON `publications` (`project_id`,`kind`);--> statement-breakpoint
CREATE TABLE `status_boards` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`ts` text NOT NULL,
	`pinned` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
