DROP INDEX `evidence_subject_status_idx`;--> statement-breakpoint
CREATE INDEX `evidence_scoring_idx` ON `evidence` (`subject_id`,`status`,`occurred_on`,`standard_id`,`rating`,`kind`,`updated_at`);