ALTER TABLE "users" ADD COLUMN "mail_opt_out_token" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "unsubscribe_url" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_mail_opt_out_token_unique" UNIQUE("mail_opt_out_token");