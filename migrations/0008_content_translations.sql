CREATE TABLE `election_translations` (
	`election_id` integer NOT NULL,
	`lang` text NOT NULL,
	`name` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`election_id`, `lang`),
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `event_translations` (
	`event_id` integer NOT NULL,
	`lang` text NOT NULL,
	`title` text,
	`description` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`event_id`, `lang`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `evidence_translations` (
	`evidence_id` integer NOT NULL,
	`lang` text NOT NULL,
	`title` text,
	`summary` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`evidence_id`, `lang`),
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subject_translations` (
	`subject_id` integer NOT NULL,
	`lang` text NOT NULL,
	`office` text,
	`bio` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`subject_id`, `lang`),
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade
);
