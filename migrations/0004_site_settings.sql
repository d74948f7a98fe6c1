CREATE TABLE `site_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`coalition_name` text NOT NULL,
	`updated_at` text NOT NULL
);
