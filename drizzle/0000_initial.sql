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
CREATE INDEX `projects_team_updated_idx` ON `projects` (`team_id`,`updated_at`);