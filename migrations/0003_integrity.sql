CREATE TABLE `evidence_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`evidence_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`fields` text NOT NULL,
	`note` text NOT NULL,
	`base_revision` integer NOT NULL,
	`proposed_by` integer,
	`reviewed_by` integer,
	`review_note` text,
	`reviewed_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_changes_status_idx` ON `evidence_changes` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `evidence_changes_evidence_idx` ON `evidence_changes` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `replies` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_id` integer NOT NULL,
	`link_id` integer,
	`evidence_id` integer,
	`standard_id` integer,
	`body` text NOT NULL,
	`url` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`reviewed_by` integer,
	`review_note` text,
	`reviewed_at` text,
	`published_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`link_id`) REFERENCES `reply_links`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`standard_id`) REFERENCES `standards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `replies_subject_status_idx` ON `replies` (`subject_id`,`status`);--> statement-breakpoint
CREATE INDEX `replies_evidence_idx` ON `replies` (`evidence_id`);--> statement-breakpoint
CREATE INDEX `replies_status_idx` ON `replies` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `reply_links` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_links_token_hash_unique` ON `reply_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `reply_links_subject_idx` ON `reply_links` (`subject_id`);--> statement-breakpoint
ALTER TABLE `evidence` ADD `revision` integer DEFAULT 1 NOT NULL;