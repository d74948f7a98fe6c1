import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import { STRINGS } from '../../i18n/widget.js';
import { workspaceEn } from '../../i18n/workspace-en.js';
import { workspaceEs } from '../../i18n/workspace-es.js';
import { workspaceMessagesFor } from '../../i18n/workspace-catalog.js';
import { EVIDENCE_MESSAGES } from '../../core/evidence-checks.js';
import { problemInLanguage } from '../../client/workspace/api.js';
import { findingEs } from '../../i18n/workspace-finding.js';
import { STANDARD_SEEDS } from '../../db/seed/standards.js';
import { STANDARD_SEEDS_ES } from '../../db/seed/standards.es.js';
import { METHODOLOGY_TEXT_SEEDS } from '../../db/seed/methodology.js';
import { PDF_ENCRYPTED, PDF_UNREADABLE } from '../../server/flyer-pdf.js';

/**
 * The missing-translation check: every interface string in English must have a Spanish
 * counterpart of the same shape (same keys, same kind of value, same list lengths, functions
 * taking the same arguments), and the Spanish must not simply repeat the English.
 */
function problems(english: unknown, spanish: unknown, path: string, out: string[]): string[] {
  if (typeof english === 'function') {
    if (typeof spanish !== 'function') out.push(`${path}: missing Spanish function`);
    else if (spanish.length !== english.length) out.push(`${path}: takes ${spanish.length} arguments, English takes ${english.length}`);
    return out;
  }
  if (Array.isArray(english)) {
    if (!Array.isArray(spanish) || spanish.length !== english.length) out.push(`${path}: list of ${english.length} expected`);
    else english.forEach((e, i) => problems(e, spanish[i], `${path}[${i}]`, out));
    return out;
  }
  if (english && typeof english === 'object') {
    // Pushed, not returned as a new list: a nested block missing whole (the callers below ignore
    // the return value) went unreported, e.g. the admin screens' `records` on Spanish screens.
    if (!spanish || typeof spanish !== 'object') {
      out.push(`${path}: missing`);
      return out;
    }
    for (const key of Object.keys(english))
      problems((english as Record<string, unknown>)[key], (spanish as Record<string, unknown>)[key], `${path}.${key}`, out);
    for (const key of Object.keys(spanish)) if (!(key in english)) out.push(`${path}.${key}: not in English (stale?)`);
    return out;
  }
  if (typeof spanish !== typeof english || spanish === undefined || spanish === '') out.push(`${path}: missing Spanish text`);
  return out;
}

/** Strings identical in both languages that are genuinely the same word (or a code). */
// Words Spanish borrows as they are, and product names (the partner kit's snippet kinds and site builders).
// Language names are written in their own language (the workspace's language pickers).
const SAME_IN_BOTH = new Set([
  'Transparencia',
  'General',
  'Normal',
  'Triple',
  'Script',
  'Iframe',
  'Markdown',
  'Squarespace',
  'WordPress',
  'English',
  'Español',
]);
/** Codes a file must contain as written whatever the language, e.g. the import's column names `source_url, source_title`. */
const isCode = (text: string) => /^[a-z0-9_]+(, [a-z0-9_]+)*$/.test(text);
function untranslated(english: unknown, spanish: unknown, path: string, out: string[]): string[] {
  if (
    typeof english === 'string' &&
    english === spanish &&
    english.length > 3 &&
    /[a-z]{3}/i.test(english) &&
    !SAME_IN_BOTH.has(english) &&
    !isCode(english)
  ) {
    out.push(`${path}: "${english}" is the same in Spanish`);
  } else if (english && typeof english === 'object' && spanish && typeof spanish === 'object') {
    for (const key of Object.keys(english))
      untranslated((english as Record<string, unknown>)[key], (spanish as Record<string, unknown>)[key], `${path}.${key}`, out);
  }
  return out;
}

describe('interface strings', () => {
  it('the web app has a Spanish string for every English one', () => {
    expect(problems(en, es, 'messages', [])).toEqual([]);
    expect(untranslated(en, es, 'messages', [])).toEqual([]);
  });

  it('the widget has a Spanish string for every English one', () => {
    expect(problems(STRINGS.en, STRINGS.es, 'widget', [])).toEqual([]);
    expect(untranslated(STRINGS.en, STRINGS.es, 'widget', [])).toEqual([]);
  });

  // The Spanish workspace file itself, not the catalog built from it: the catalog falls back to
  // English key by key, which would hide a missing translation from this check.
  it('the workspace has a Spanish string for every English one', () => {
    expect(problems(workspaceEn, workspaceEs, 'workspace', [])).toEqual([]);
    expect(untranslated(workspaceEn, workspaceEs, 'workspace', [])).toEqual([]);
  });

  it('the workspace knows the server’s field problems in the server’s exact words', () => {
    // The plain problems are the server's words by construction: server/schemas/plain-messages.ts
    // reads them from this catalog (tests/i18n/server-messages.test.ts checks their Spanish).
    const { tooLong, tooShort, notEmail, flyerPdfEncrypted, flyerPdfUnreadable, ...rest } = workspaceEn.problems;
    const fromCore = Object.fromEntries(Object.entries(rest).filter(([key]) => key in EVIDENCE_MESSAGES));
    expect(fromCore).toEqual(EVIDENCE_MESSAGES);
    expect([flyerPdfEncrypted, flyerPdfUnreadable]).toEqual([PDF_ENCRYPTED, PDF_UNREADABLE]);
    expect(tooLong(200)).toBe('must be at most 200 characters');
    expect(tooShort(10)).toBe('must be at least 10 characters');
    expect(notEmail).toBe('must be an email address');
    const es = workspaceMessagesFor('es').problems;
    expect(problemInLanguage(EVIDENCE_MESSAGES.missingSubject, es)).toBe('elija una persona');
    expect(problemInLanguage('must be at most 300 characters', es)).toBe('debe tener como máximo 300 caracteres');
    expect(problemInLanguage('something only the server says', es)).toBe('something only the server says');
  });

  it('the Spanish workspace is what a Spanish page gets, with English only where a key is missing', () => {
    expect(workspaceMessagesFor('es').nav.newEvidence).toBe('Registrar evidencia');
    expect(workspaceMessagesFor('es').import.create(3)).toBe('Crear 3 registros en espera');
    expect(workspaceMessagesFor('en')).toBe(workspaceEn);
    // A block kept in a file of its own is part of the workspace check above.
    expect(workspaceMessagesFor('es').finding).toEqual(findingEs);
  });

  it('functions give Spanish text for sample arguments', () => {
    expect(es.person.coverage(7, 10)).toBe('7 de 10 estándares tienen evidencia');
    expect(STRINGS.es.coverage(3, 10)).toBe('3 de 10 estándares con calificación');
  });
});

describe('content translations', () => {
  it('every standard has its Spanish title, summary, DA power and as many indicators', () => {
    for (const s of STANDARD_SEEDS) {
      const t = STANDARD_SEEDS_ES[s.slug];
      expect(t, s.slug).toBeDefined();
      expect(t.title && t.summary && t.daPower, s.slug).toBeTruthy();
      expect(t.indicators.length, s.slug).toBe(s.indicators.length);
      expect(t.title).not.toBe(s.title);
    }
  });

  it('the methodology text has the same steps in Spanish', () => {
    expect(problems(METHODOLOGY_TEXT_SEEDS.en, METHODOLOGY_TEXT_SEEDS.es, 'methodology', [])).toEqual([]);
  });
});
