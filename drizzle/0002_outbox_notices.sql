CREATE TABLE `outbox_notices` (
	`project_id` integer NOT NULL,
	`job` text NOT NULL,
	`cause` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `job`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
