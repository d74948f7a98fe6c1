-- Data, not schema (issue 14): before the in_office flag, the home page showed the person whose
-- role was "incumbent", a real one before a demo one. Mark that same person, so what the home
-- page shows does not change until an admin marks someone else.
UPDATE `subjects` SET `in_office` = 1 WHERE `id` = (
  SELECT `id` FROM `subjects` WHERE `role` = 'incumbent' AND `archived_at` IS NULL ORDER BY `demo` ASC, `name` ASC LIMIT 1
);
