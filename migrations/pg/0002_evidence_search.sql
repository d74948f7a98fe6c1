-- Full-text search over evidence on PostgreSQL (issue 18), the twin of SQLite's FTS5 table
-- (migrations/0006_evidence_search.sql): one row per entry with its title, summary and its
-- sources' titles, kept in step by triggers, and two stored tsvector columns, one with the
-- 'english' configuration and one with 'spanish', so an entry is found by the stem of a word
-- in either language. search_fold() lowercases and strips the accents Spanish uses, as FTS5's
-- remove_diacritics does, so "policia" finds "policía"; it needs no extension (unaccent is not
-- on every managed PostgreSQL). Queries: server/repositories/search-sql.ts.
-- drizzle-kit cannot describe this: written by hand, keep it as it is when regenerating.
CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT translate(lower(coalesce(t, '')), 'áàâäãéèêëíìîïóòôöõúùûüñç', 'aaaaaeeeeiiiiooooouuuunc')
$$;
--> statement-breakpoint
CREATE TABLE "evidence_search" (
	"evidence_id" integer PRIMARY KEY REFERENCES "public"."evidence"("id") ON DELETE cascade,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"sources" text NOT NULL DEFAULT '',
	"english" tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('english'::regconfig, search_fold(title)), 'A') ||
		setweight(to_tsvector('english'::regconfig, search_fold(summary)), 'B') ||
		setweight(to_tsvector('english'::regconfig, search_fold(sources)), 'C')
	) STORED,
	"spanish" tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('spanish'::regconfig, search_fold(title)), 'A') ||
		setweight(to_tsvector('spanish'::regconfig, search_fold(summary)), 'B') ||
		setweight(to_tsvector('spanish'::regconfig, search_fold(sources)), 'C')
	) STORED
);
--> statement-breakpoint
CREATE INDEX "evidence_search_english_idx" ON "evidence_search" USING gin ("english");
--> statement-breakpoint
CREATE INDEX "evidence_search_spanish_idx" ON "evidence_search" USING gin ("spanish");
--> statement-breakpoint
CREATE FUNCTION evidence_search_sources(id integer) RETURNS text LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
	SELECT coalesce(string_agg(title, ' ' ORDER BY position, id), '') FROM evidence_sources WHERE evidence_id = $1
$$;
--> statement-breakpoint
INSERT INTO "evidence_search" ("evidence_id", "title", "summary", "sources")
	SELECT e.id, e.title, e.summary, evidence_search_sources(e.id) FROM "evidence" e;
--> statement-breakpoint
CREATE FUNCTION evidence_search_entry() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	INSERT INTO evidence_search (evidence_id, title, summary, sources)
		VALUES (new.id, new.title, new.summary, evidence_search_sources(new.id))
		ON CONFLICT (evidence_id) DO UPDATE SET title = excluded.title, summary = excluded.summary;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "evidence_search_entry" AFTER INSERT OR UPDATE OF title, summary ON "evidence"
	FOR EACH ROW EXECUTE FUNCTION evidence_search_entry();
--> statement-breakpoint
CREATE FUNCTION evidence_search_source() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE evidence_search SET sources = evidence_search_sources(old.evidence_id) WHERE evidence_id = old.evidence_id;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		UPDATE evidence_search SET sources = evidence_search_sources(new.evidence_id) WHERE evidence_id = new.evidence_id;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "evidence_search_source" AFTER INSERT OR DELETE OR UPDATE OF title, evidence_id, position ON "evidence_sources"
	FOR EACH ROW EXECUTE FUNCTION evidence_search_source();
