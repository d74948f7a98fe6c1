import { describe, expect, it } from 'vitest';
import { es } from '../../i18n/es.js';
import { STRINGS } from '../../i18n/widget.js';
import { workspaceEs } from '../../i18n/workspace-es.js';
import { METHODOLOGY_TEXT_SEEDS } from '../../db/seed/methodology.js';
import { STANDARD_SEEDS_ES } from '../../db/seed/standards.es.js';

/**
 * i18n/GLOSSARY-es.md, checked: no Spanish catalog or seed uses a word from the glossary's
 * "avoid" column for the concepts it lists. The rules are narrow on purpose: "calificación" is
 * right for the A-F grade, so it is only refused where the -2..+2 rating is meant (the rating
 * labels and keys, and next to a rating's number); "boleta" is right inside "boleta de
 * calificaciones" and "boleta electoral".
 */

/** Every string of a catalog with its path; functions are called with placeholder arguments. */
function texts(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') texts(value(...Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : 'X'))), path, out);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) texts(v, `${path}.${key}`, out);
  return out;
}

const SPANISH: Array<[string, string]> = [
  ...texts(es, 'i18n/es.ts'),
  ...texts(STRINGS.es, 'i18n/widget.ts es'),
  ...texts(workspaceEs, 'i18n/workspace-es.ts'),
  ...texts(STANDARD_SEEDS_ES, 'db/seed/standards.es.ts'),
  ...texts(METHODOLOGY_TEXT_SEEDS.es, 'db/seed/methodology.ts es'),
];

/** Concept, what the glossary says to avoid, and what to write instead. */
const AVOID: Array<{ concept: string; pattern: RegExp; use: string }> = [
  // The rating (-2..+2) is "valoración": "calificación" next to a rating's number, or "calificada +2".
  { concept: 'rating', pattern: /calificaci[oó]n(es)?\s+(de\s+)?[-+−]\s?\d|calificad[oa]s?\s+[-+−]?\d/i, use: 'valoración' },
  { concept: 'rating', pattern: /calificaci[oó]n de (la|una|cada) evidencia/i, use: 'valoración de la evidencia' },
  { concept: 'rating', pattern: /avanza(r)?\s+(claramente\s+)?el\s+est[aá]ndar/i, use: 'a favor / muy a favor del estándar' },
  {
    concept: 'scorecard',
    pattern: /\bboletas?\b(?!\s+(de\s+calificaciones|electoral))/i,
    use: '"calificaciones", or "boleta de calificaciones" as the name',
  },
  { concept: 'diversion', pattern: /\bprogramas?\s+alternativos?\b/i, use: 'programa de desvío' },
  { concept: 'conservatorship', pattern: /\btutela\b/i, use: 'curaduría' },
  { concept: 'reviewer', pattern: /\brevisor(a|es|as)?\b/i, use: 'persona del equipo de revisión' },
  { concept: 'former DA', pattern: /\bexfiscal\b/i, use: 'ex fiscal de distrito' },
  { concept: 'incumbent', pattern: /\(en el cargo\)/i, use: 'fiscal de distrito actual' },
  { concept: 'evidence', pattern: /\bevidencias\b|\bentradas?\b/i, use: 'evidencia / registro' },
  { concept: 'court', pattern: /\btribunal(es)?\b/i, use: 'corte' },
  { concept: 'outreach', pattern: /\balcance\b/i, use: 'difusión' },
];

function glossaryProblems(strings: Array<[string, string]>): string[] {
  return strings.flatMap(([path, text]) =>
    AVOID.filter((rule) => rule.pattern.test(text)).map(
      (rule) => `${path}: "${text.match(rule.pattern)![0]}" for ${rule.concept}; use ${rule.use}`,
    ),
  );
}

describe('the Spanish glossary', () => {
  it('is followed by every Spanish catalog and seed', () => {
    expect(SPANISH.length).toBeGreaterThan(300);
    expect(glossaryProblems(SPANISH)).toEqual([]);
  });

  it('calls the rating "valoración" wherever a rating is named, never "calificación"', () => {
    const ratingTexts = [...Object.values(es.ratings), es.evidence.rating, es.methodology.ratingColumn, es.methodology.pointsHeading];
    expect(ratingTexts.filter((t) => /calificaci/i.test(t))).toEqual([]);
    expect(es.ratings).toEqual({
      '-2': 'Muy en contra del estándar',
      '-1': 'En contra del estándar',
      '0': 'Mixto o neutral',
      '1': 'A favor del estándar',
      '2': 'Muy a favor del estándar',
    });
    // The method's step about ratings says "valoración" for the rating.
    expect(METHODOLOGY_TEXT_SEEDS.es.steps.find((s) => s.includes('+2'))).toMatch(/valoración/);
  });

  it('fires on the wordings the glossary replaced, and not on correct uses', () => {
    const fired = (text: string) => glossaryProblems([['sample', text]]).length > 0;
    for (const wrong of [
      'Cada calificación de -2 a +2 vale puntos',
      'una acción oficial calificada +2',
      'Calificación de la evidencia',
      'Avanza claramente el estándar',
      'Todas las personas en la boleta',
      'Boleta completa de Avery',
      'Boleta del Fiscal de Distrito',
      'ofrecer programas alternativos (desvío)',
      'casos de tutela (conservatorship)',
      'Un revisor, nunca la misma persona',
      'Exfiscal de Distrito',
    ]) {
      expect(fired(wrong), wrong).toBe(true);
    }
    for (const right of [
      'Calificación A, 80 de 100',
      'A es la mejor calificación; F significa reprobado.',
      'La calificación general se calcula de nuevo',
      'Boleta de Calificaciones de la Fiscalía de Distrito',
      'Una boleta de calificaciones de una coalición comunitaria',
      'En la boleta electoral',
      'Cada valoración de -2 a +2 vale puntos',
      'programas de desvío (el caso puede terminar sin condena)',
      'alternativas basadas en la comunidad',
      'una persona del equipo de revisión',
    ]) {
      expect(fired(right), right).toBe(false);
    }
  });

  it('glosses a hard term where it first appears in each seeded standard', () => {
    // A standard's page reads its summary, then the prosecutor's power, then the indicators;
    // the title is a heading, glossed by the paragraph right under it.
    const pages = Object.values(STANDARD_SEEDS_ES).map((s) => [s.summary, s.daPower, ...s.indicators].join(' '));
    const glosses: Array<[RegExp, RegExp]> = [
      [/programas? de desvío/, /programas? de desvío[^.]*?(\(el caso puede terminar sin condena\)|el caso puede terminar sin condena)/],
      [/curaduría/, /curaduría \(cuando una corte nombra/],
      [/agravantes/, /agravantes \(cargos adicionales/],
      [/acuerdos de culpabilidad/, /acuerdos de culpabilidad( ofrecer)? \(cuando la persona se declara culpable/],
      [/consecuencias colaterales/, /consecuencias colaterales son/],
    ];
    for (const page of pages) {
      for (const [term, gloss] of glosses) {
        const first = page.search(term);
        if (first === -1) continue;
        expect(page.search(gloss), `${term} glossed at its first mention in: ${page.slice(0, 60)}…`).toBe(first);
      }
    }
    // "Acuerdo" alone never stands for a plea deal.
    for (const page of pages) expect(page).not.toMatch(/\bacuerdos?\b(?! de culpabilidad)/);
  });
});
