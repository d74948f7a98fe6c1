-- Data, not schema (issue 14), the twin of migrations/0010_mark_in_office.sql: before the
-- in_office flag, the home page showed the person whose role was "incumbent", a real one before
-- a demo one. Mark that same person, so what the home page shows does not change until an admin
-- marks someone else.
UPDATE "subjects" SET "in_office" = true WHERE "id" = (
	SELECT "id" FROM "subjects" WHERE "role" = 'incumbent' AND "archived_at" IS NULL ORDER BY "demo" ASC, "name" ASC LIMIT 1
);
--> statement-breakpoint
-- The tables 0004 added (translations, flyers, import days, sign-in failures, leases) carry the
-- data-version trigger like every other table (0001_data_version.sql). The migrator also calls
-- this after every run; calling it here keeps the migrations complete on their own.
SELECT data_version_watch_all();
