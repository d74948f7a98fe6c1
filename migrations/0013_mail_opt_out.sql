ALTER TABLE `users` ADD `mail_opt_out_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_mail_opt_out_token_unique` ON `users` (`mail_opt_out_token`);--> statement-breakpoint
ALTER TABLE `mail_messages` ADD `unsubscribe_url` text;