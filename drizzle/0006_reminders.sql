CREATE TABLE `nudges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`item_key` text NOT NULL,
	`state` text NOT NULL,
	`recipient_id` text,
	`snoozed_until` integer,
	`changed_by` text,
	`times_sent` integer DEFAULT 0 NOT NULL,
	`sent_at` integer,
	`message_channel` text,
	`message_ts` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nudges_project_item_unique` ON `nudges` (`project_id`,`item_key`);--> statement-breakpoint
CREATE INDEX `nudges_project_state_idx` ON `nudges` (`project_id`,`state`);--> statement-breakpoint
CREATE TABLE `reminder_settings` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_until` integer;