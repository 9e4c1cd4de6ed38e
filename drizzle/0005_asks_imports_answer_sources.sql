CREATE TABLE `asks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`section_id` text NOT NULL,
	`note` text,
	`asked_by` text NOT NULL,
	`asked_at` integer NOT NULL,
	`message_channel` text,
	`message_ts` text,
	`closed_at` integer,
	`closed_by` text,
	`closed_reason` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `asks_project_open_idx` ON `asks` (`project_id`,`closed_at`);--> statement-breakpoint
CREATE TABLE `pending_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`file_id` text NOT NULL,
	`file_name` text NOT NULL,
	`proposal` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_imports_project_idx` ON `pending_imports` (`project_id`);--> statement-breakpoint
ALTER TABLE `answers` ADD `source` text;