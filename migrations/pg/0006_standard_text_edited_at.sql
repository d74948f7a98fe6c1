ALTER TABLE "standards" ADD COLUMN "text_edited_at" text;--> statement-breakpoint
ALTER TABLE "standard_translations" ADD COLUMN "text_edited_at" text;