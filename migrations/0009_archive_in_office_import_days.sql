CREATE TABLE `import_days` (
	`user_id` integer NOT NULL,
	`day` text NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`user_id`, `day`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `subjects` ADD `in_office` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `subjects` ADD `archived_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `subjects_one_in_office` ON `subjects` (`in_office`) WHERE "subjects"."in_office";--> statement-breakpoint
ALTER TABLE `elections` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `events` ADD `archived_at` text;