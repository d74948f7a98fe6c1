/**
 * Every word the widget, its iframe page and the image badge show, per language; nothing else
 * in them holds user-facing text. The widget keeps this small table (rather than the web
 * app's catalog) so that widget.js stays within its size budget; tests/i18n checks that both
 * tables are complete in every language.
 */
export interface WidgetStrings {
  loading: string;
  unavailable: string;
  seeFullScorecard: string;
  overall: string;
  /** "7 of 10 standards scored" */
  coverage(scored: number, total: number): string;
  notEnoughEvidence: string;
  /** Why a person has no overall grade yet. */
  needsCoverage(min: number): string;
  noEvidence: string;
  score(score: number): string;
  evidenceCount(count: number): string;
  grade(grade: string): string;
  asOf(date: string): string;
  demoData: string;
  fullScorecard: string;
  fullComparison: string;
  methodology: string;
  standard: string;
  gradeHeading: string;
  candidate: string;
  electionOn(date: string): string;
  showTable: string;
  chartLabel(name: string): string;
  /** Short labels for the ten standards, by their stable slugs; other slugs show their title. */
  standardLabels: Readonly<Record<string, string>>;
  roles: Readonly<Record<string, string>>;
  /** The product's short name, on the image badge and the iframe page. */
  scorecardName: string;
  /** The badge's words for an overall grade: "overall grade C, 53 of 100". */
  overallGrade(grade: string, score: number): string;
  standardNumber(n: number): string;
  /** For a slug that does not exist, on the badge and the iframe page. */
  notFound(what: string): string;
}

const en: WidgetStrings = {
  loading: 'Loading scorecard…',
  unavailable: 'Scorecard unavailable right now.',
  seeFullScorecard: 'See the scorecard',
  overall: 'Overall',
  coverage: (scored, total) => `${scored} of ${total} standards scored`,
  notEnoughEvidence: 'Not enough evidence',
  needsCoverage: (min) => `An overall grade needs evidence on at least ${min} standards.`,
  noEvidence: 'no evidence yet',
  score: (score) => `${score} of 100`,
  evidenceCount: (count) => (count === 1 ? '1 piece of evidence' : `${count} pieces of evidence`),
  grade: (grade) => `grade ${grade}`,
  asOf: (date) => `As of ${date}`,
  demoData: 'Demo data',
  fullScorecard: 'Full scorecard',
  fullComparison: 'Full comparison',
  methodology: 'How grades work',
  standard: 'Standard',
  gradeHeading: 'Grade',
  candidate: 'Candidate',
  electionOn: (date) => `Election day ${date}`,
  showTable: 'Show as a table',
  chartLabel: (name) => `Radar chart of ${name}'s scores on the ten standards; the same scores are in the table below.`,
  standardLabels: {
    equity: 'Equity',
    health: 'Health & wellness',
    kids: 'Kids like kids',
    alternatives: 'Alternatives to jail',
    pretrial: 'Pretrial release',
    bias: 'Checking bias',
    transparency: 'Transparency',
    engagement: 'Community engagement',
    immigrants: 'Immigrants',
    restoration: 'Restoration',
  },
  roles: { incumbent: 'Incumbent', candidate: 'Candidate', former: 'Former DA' },
  scorecardName: 'DA scorecard',
  overallGrade: (grade, score) => `overall grade ${grade}, ${score} of 100`,
  standardNumber: (n) => `Standard ${n}`,
  notFound: (what) => `No scorecard for ${what}`,
};

const es: WidgetStrings = {
  loading: 'Cargando las calificaciones…',
  unavailable: 'Las calificaciones no están disponibles en este momento.',
  seeFullScorecard: 'Ver las calificaciones',
  overall: 'General',
  coverage: (scored, total) => `${scored} de ${total} estándares con calificación`,
  notEnoughEvidence: 'No hay suficiente evidencia',
  needsCoverage: (min) => `Para una calificación general se necesita evidencia en al menos ${min} estándares.`,
  noEvidence: 'todavía sin evidencia',
  score: (score) => `${score} de 100`,
  evidenceCount: (count) => (count === 1 ? '1 registro de evidencia' : `${count} registros de evidencia`),
  grade: (grade) => `calificación ${grade}`,
  asOf: (date) => `Datos al ${date}`,
  demoData: 'Datos ficticios',
  fullScorecard: 'Calificaciones completas',
  fullComparison: 'Comparación completa',
  methodology: 'Cómo se califica',
  standard: 'Estándar',
  gradeHeading: 'Calificación',
  candidate: 'Candidato/a',
  electionOn: (date) => `Día de la elección: ${date}`,
  showTable: 'Ver como tabla',
  chartLabel: (name) =>
    `Gráfica de radar de las puntuaciones de ${name} en los diez estándares; las mismas puntuaciones están en la tabla de abajo.`,
  standardLabels: {
    equity: 'Equidad',
    health: 'Salud y bienestar',
    kids: 'Niños como niños',
    alternatives: 'Alternativas a la cárcel',
    pretrial: 'Libertad antes del juicio',
    bias: 'Vigilar prejuicios',
    transparency: 'Transparencia',
    engagement: 'Diálogo con la comunidad',
    immigrants: 'Inmigrantes',
    restoration: 'Restauración',
  },
  roles: { incumbent: 'Fiscal de distrito actual', candidate: 'Candidato/a', former: 'Ex fiscal de distrito' },
  scorecardName: 'Calificaciones de la Fiscalía de Distrito',
  overallGrade: (grade, score) => `calificación general ${grade}, ${score} de 100`,
  standardNumber: (n) => `Estándar ${n}`,
  notFound: (what) => `No hay calificaciones para ${what}`,
};

export const STRINGS: Readonly<Record<string, WidgetStrings>> = { en, es };

/** The strings for a `lang` attribute such as "en" or "en-US"; English when unknown. */
export function stringsFor(lang: string | null | undefined): { lang: string; strings: WidgetStrings } {
  const base = (lang ?? '').toLowerCase().split('-')[0];
  return base && STRINGS[base] ? { lang: base, strings: STRINGS[base] } : { lang: 'en', strings: en };
}

/** A YYYY-MM-DD day as the reader's language writes it, without shifting it across time zones. */
export function formatDay(day: string, lang: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}
