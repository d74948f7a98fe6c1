ALTER TABLE `site_settings` ADD `logo_png` blob;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `logo_etag` text;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `logo_width` integer;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `logo_height` integer;