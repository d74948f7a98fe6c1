ALTER TABLE `standards` ADD `text_edited_at` text;--> statement-breakpoint
ALTER TABLE `standard_translations` ADD `text_edited_at` text;