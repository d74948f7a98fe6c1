-- The data version on PostgreSQL (issue 18): one counter row, bumped by a statement trigger on
-- every table in the same transaction as the write, so the new number becomes visible exactly
-- when the write does (a reader can never see the new version with the old rows), and a NOTIFY
-- that PostgreSQL delivers at commit, so every instance LISTENing drops its caches.
-- data_version_watch_all() puts the trigger on tables added later too: the migrator calls it
-- after every migration run (db/pg/migrate.ts).
CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY CHECK ("id" = 1),
	"value" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_version" ("id", "value") VALUES (1, 1);
--> statement-breakpoint
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
	v bigint;
BEGIN
	UPDATE data_version SET value = value + 1 WHERE id = 1 RETURNING value INTO v;
	PERFORM pg_notify('data_version', current_schema() || ' ' || v);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION data_version_watch_all() RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
	t text;
BEGIN
	FOR t IN
		SELECT c.relname FROM pg_class c
		WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
			AND c.relkind IN ('r', 'p')
			AND c.relname NOT IN ('data_version', '__drizzle_migrations')
			AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'data_version_bump')
	LOOP
		EXECUTE format('CREATE TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()', t);
	END LOOP;
END
$$;
--> statement-breakpoint
SELECT data_version_watch_all();
