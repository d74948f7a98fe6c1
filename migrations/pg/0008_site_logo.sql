ALTER TABLE "site_settings" ADD COLUMN "logo_png" "bytea";--> statement-breakpoint
ALTER TABLE "site_settings" ADD COLUMN "logo_etag" text;--> statement-breakpoint
ALTER TABLE "site_settings" ADD COLUMN "logo_width" integer;--> statement-breakpoint
ALTER TABLE "site_settings" ADD COLUMN "logo_height" integer;