/**
 * Every word the widget shows, per language. Spanish is added as another `WidgetStrings`
 * object in `STRINGS`; nothing else in the widget holds user-facing text.
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
};

export const STRINGS: Readonly<Record<string, WidgetStrings>> = { en };

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
