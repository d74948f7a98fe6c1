-- Full-text search over evidence (issue 14): an entry's title, summary and its sources' titles,
-- one FTS5 row per entry with the entry's id as rowid. drizzle-kit cannot describe a virtual
-- table or triggers, so this migration is written by hand: keep it as it is when regenerating.
-- Porter stemming finds "declined" from "decline"; remove_diacritics lets "policia" find "policía".
CREATE VIRTUAL TABLE `evidence_search` USING fts5(title, summary, sources, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `evidence_search` (rowid, title, summary, sources)
  SELECT e.id, e.title, e.summary, coalesce((SELECT group_concat(s.title, ' ') FROM evidence_sources s WHERE s.evidence_id = e.id), '')
  FROM evidence e;
--> statement-breakpoint
CREATE TRIGGER `evidence_search_insert` AFTER INSERT ON `evidence` BEGIN
  INSERT INTO `evidence_search` (rowid, title, summary, sources)
    VALUES (new.id, new.title, new.summary, coalesce((SELECT group_concat(title, ' ') FROM evidence_sources WHERE evidence_id = new.id), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_search_update` AFTER UPDATE OF title, summary ON `evidence` BEGIN
  UPDATE `evidence_search` SET title = new.title, summary = new.summary WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_search_delete` AFTER DELETE ON `evidence` BEGIN
  DELETE FROM `evidence_search` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_search_source_insert` AFTER INSERT ON `evidence_sources` BEGIN
  UPDATE `evidence_search` SET sources = coalesce((SELECT group_concat(title, ' ') FROM evidence_sources WHERE evidence_id = new.evidence_id), '')
    WHERE rowid = new.evidence_id;
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_search_source_update` AFTER UPDATE OF title, evidence_id ON `evidence_sources` BEGIN
  UPDATE `evidence_search` SET sources = coalesce((SELECT group_concat(title, ' ') FROM evidence_sources WHERE evidence_id = old.evidence_id), '')
    WHERE rowid = old.evidence_id;
  UPDATE `evidence_search` SET sources = coalesce((SELECT group_concat(title, ' ') FROM evidence_sources WHERE evidence_id = new.evidence_id), '')
    WHERE rowid = new.evidence_id;
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_search_source_delete` AFTER DELETE ON `evidence_sources` BEGIN
  UPDATE `evidence_search` SET sources = coalesce((SELECT group_concat(title, ' ') FROM evidence_sources WHERE evidence_id = old.evidence_id), '')
    WHERE rowid = old.evidence_id;
END;
