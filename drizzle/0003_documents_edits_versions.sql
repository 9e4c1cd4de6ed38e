CREATE TABLE `document_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`number` integer NOT NULL,
	`label` text,
	`markdown` text NOT NULL,
	`frozen_by` text NOT NULL,
	`frozen_at` integer NOT NULL,
	`docx_file_id` text,
	`markdown_file_id` text,
	`permalink` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_number_unique` ON `document_versions` (`project_id`,`kind`,`number`);--> statement-breakpoint
CREATE TABLE `section_edits` (
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`heading` text NOT NULL,
	`body` text NOT NULL,
	`edited_by` text NOT NULL,
	`edited_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `kind`, `heading`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `documents` ADD `canvas_access` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `canvas_permalink` text;