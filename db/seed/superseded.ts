import { createHash } from 'node:crypto';

/**
 * Spanish seed text that earlier versions inserted and a later one corrected to follow
 * i18n/GLOSSARY-es.md ("valoración", "programas de desvío", "curaduría"…). Seeding only inserts missing
 * rows, so a database seeded before the correction still holds the old wording; where a stored
 * field is exactly one of these old versions (nobody edited it), seeding replaces it with the
 * current text. Text an admin wrote never matches, so it is never touched.
 *
 * Keyed `<standard slug>.<field>` and `methodology.<field>`; the values are seedTextHash() of
 * the old text, so the old wording is not kept around to be copied by mistake. When a seed
 * text changes again, add the hash of the text it replaces here.
 */
export const SUPERSEDED_SPANISH_SEEDS: Readonly<Record<string, readonly string[]>> = {
  'equity.summary': ['267a797a511bb877'],
  'equity.daPower': ['88b520aa0f5750c3'],
  'health.title': ['5c7f3fe2fecf32d8'],
  'health.daPower': ['a4622a1a2d88d428'],
  'health.indicators': ['de28911762f431c9'],
  'kids.summary': ['a65fb79df9b5744a'],
  'kids.daPower': ['5799b072742f6db6'],
  'kids.indicators': ['23209ecf0723153f'],
  'alternatives.daPower': ['6fd78de7904698cd'],
  'pretrial.title': ['4a953be2382cb022'],
  'pretrial.summary': ['e4fa870391ed3baa'],
  'pretrial.daPower': ['7310f77ea83d2113'],
  'pretrial.indicators': ['2c2808f6b1126220'],
  'engagement.daPower': ['8628a369ac81ee3a'],
  'engagement.indicators': ['f2a1d71290f1104b'],
  'immigrants.summary': ['c8a0655b5c6b2789'],
  'immigrants.daPower': ['70d7111d378ff106'],
  'immigrants.indicators': ['346e3774279d744e'],
  'restoration.summary': ['f4a47b7129d9003a'],
  'restoration.daPower': ['2377c02bb5deb709'],
  'restoration.indicators': ['f1c3a3bfcdf17fb2'],
  'methodology.steps': ['9eda6c58229d9955', 'b30204ea444f8fc0'],
  'methodology.review': ['a445667296ef2537'],
};

/** A short, stable fingerprint of a stored text field (a string or a list of strings). */
export function seedTextHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export function isSupersededSeed(key: string, value: unknown): boolean {
  return value !== null && value !== undefined && (SUPERSEDED_SPANISH_SEEDS[key]?.includes(seedTextHash(value)) ?? false);
}
