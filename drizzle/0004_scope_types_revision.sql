ALTER TABLE `checklist_items` ADD `scope` text DEFAULT 'in' NOT NULL;--> statement-breakpoint
ALTER TABLE `checklist_items` ADD `scoped_by` text;--> statement-breakpoint
ALTER TABLE `checklist_items` ADD `scoped_at` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `integration_types` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Existing projects are of the one type they were created with.
UPDATE `projects` SET `integration_types` = json_array(`integration_type`);--> statement-breakpoint
-- Versions so far counted every automatic refresh; a published document starts again at version 1.
UPDATE `documents` SET `revision` = CASE WHEN `version` > 0 THEN 1 ELSE 0 END;--> statement-breakpoint
-- A phase's owner was whoever first moved it, never a choice: owners now default from the team.
UPDATE `phases` SET `owner_id` = NULL;
