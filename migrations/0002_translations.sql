CREATE TABLE `methodology_texts` (
	`lang` text PRIMARY KEY NOT NULL,
	`steps` text NOT NULL,
	`review` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `standard_translations` (
	`standard_id` integer NOT NULL,
	`lang` text NOT NULL,
	`title` text,
	`summary` text,
	`da_power` text,
	`indicators` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`standard_id`, `lang`),
	FOREIGN KEY (`standard_id`) REFERENCES `standards`(`id`) ON UPDATE no action ON DELETE cascade
);
