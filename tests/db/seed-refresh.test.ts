import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { seedStandards } from '../../db/seed/index.js';
import { METHODOLOGY_TEXT_SEEDS } from '../../db/seed/methodology.js';
import { STANDARD_SEEDS_ES } from '../../db/seed/standards.es.js';

// A database seeded before the Spanish was aligned with the glossary holds the old wording; starting the new version
// corrects what nobody edited and keeps what an admin wrote.

/** Spanish text an earlier version seeded, word for word. */
const OLD_HEALTH_TITLE =
  'Apoyo a la salud y el bienestar, incluso para personas que necesitan apoyo mental, físico, emocional o para sus necesidades básicas';
const OLD_REVIEW = [
  'Las personas voluntarias registran cada evidencia con la fecha en que ocurrió y al menos una fuente que cualquiera puede verificar.',
  'Un revisor, nunca la misma persona que la envió, verifica las fuentes y publica o rechaza la entrada.',
  'La evidencia publicada nunca desaparece en silencio: una corrección se muestra con su fecha, y una entrada retirada sigue en la lista con el motivo, sin contar para la calificación.',
];
const ADMIN_SUMMARY = 'Texto escrito por una persona administradora: no se toca.';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function seededDatabase(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-reseed-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'scorecard.db'));
  migrateDatabase(db);
  await seedStandards(db);
  return db;
}

const healthRow = (db: Db) =>
  db.$client
    .prepare(
      "select title, summary, da_power as daPower from standard_translations where lang = 'es' and standard_id = (select id from standards where slug = 'health')",
    )
    .get() as { title: string; summary: string; daPower: string };
const methodologyReview = (db: Db, lang: string) =>
  JSON.parse(db.$client.prepare('select review from methodology_texts where lang = ?').pluck().get(lang) as string) as string[];
const auditCount = (db: Db) => db.$client.prepare('select count(*) from audit_log').pluck().get() as number;

it('replaces seeded Spanish text that still has the old wording, field by field, and leaves edited text alone', async () => {
  const db = await seededDatabase();
  const englishReview = methodologyReview(db, 'en');
  // The state an existing database is in: old seeded title, an admin's own summary, old review text.
  db.$client
    .prepare(
      "update standard_translations set title = ?, summary = ? where lang = 'es' and standard_id = (select id from standards where slug = 'health')",
    )
    .run(OLD_HEALTH_TITLE, ADMIN_SUMMARY);
  db.$client.prepare("update methodology_texts set review = ? where lang = 'es'").run(JSON.stringify(OLD_REVIEW));
  const auditBefore = auditCount(db);

  await seedStandards(db);

  const health = healthRow(db);
  expect(health.title).toBe(STANDARD_SEEDS_ES.health.title);
  expect(health.title).toContain('incluidas las personas que');
  expect(health.summary).toBe(ADMIN_SUMMARY);
  expect(health.daPower).toBe(STANDARD_SEEDS_ES.health.daPower);
  expect(methodologyReview(db, 'es')).toEqual(METHODOLOGY_TEXT_SEEDS.es.review);
  expect(methodologyReview(db, 'en')).toEqual(englishReview);
  const audit = db.$client
    .prepare('select actor_id as actorId, action, entity_id as entityId from audit_log order by id')
    .all()
    .slice(auditBefore);
  expect(audit).toEqual([
    { actorId: null, action: 'standard.update', entityId: expect.any(String) },
    { actorId: null, action: 'methodology.update', entityId: 'es' },
  ]);

  // Idempotent: a second start finds nothing outdated and writes nothing.
  const auditAfter = auditCount(db);
  await seedStandards(db);
  expect(auditCount(db)).toBe(auditAfter);
  expect(healthRow(db).summary).toBe(ADMIN_SUMMARY);
  db.$client.close();
});

it('writes nothing on a database seeded with the current text', async () => {
  const db = await seededDatabase();
  const changes = db.$client.prepare('select total_changes()').pluck();
  const before = changes.get();
  await seedStandards(db);
  expect(changes.get()).toBe(before);
  db.$client.close();
});
