import type { Scorecard } from '../../schemas/scorecard.js';
import { formatDay, type WidgetStrings } from '../../../i18n/widget.js';
import { html, type SafeHtml } from '../../html/html.js';

type Grade = Scorecard['overall']['grade'];

/** The widget's default palette: white text on each passes WCAG AA (4.5:1). */
const GRADE_FILL: Record<NonNullable<Grade> | 'none', string> = {
  A: '#15803d',
  B: '#4d7c0f',
  C: '#a16207',
  D: '#c2410c',
  F: '#b91c1c',
  none: '#6b7280',
};

export const BADGE_WIDTH = 360;
export const BADGE_HEIGHT = 76;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** SVG text cannot wrap or ellipsize by itself, so long names are cut here. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export interface BadgeContent {
  grade: Grade;
  /** First line: the person. */
  name: string;
  /** Second line: what is graded and the score. */
  detail: string;
  asOf: string;
  demo: boolean;
  /** The whole badge in words, for the SVG's <title> and the snippet's alt text. */
  description: string;
}

/** What a badge says for a person's overall grade, or for one standard when given. */
export function badgeContent(card: Scorecard, s: WidgetStrings, lang: string, standardSlug?: string): BadgeContent | null {
  const asOf = s.asOf(formatDay(card.asOf, lang));
  const demo = card.subject.demo ? ` ${s.demoData}.` : '';
  if (standardSlug) {
    const st = card.standards.find((x) => x.slug === standardSlug);
    if (!st) return null;
    const result = st.grade ? `${s.grade(st.grade)}, ${s.score(st.score!)}` : s.notEnoughEvidence;
    return {
      grade: st.grade,
      name: card.subject.name,
      detail: `${st.number}. ${st.title} · ${st.grade ? `${st.score}/100` : s.notEnoughEvidence}`,
      asOf,
      demo: card.subject.demo,
      description: `${card.subject.name}, ${s.standardNumber(st.number)} “${st.title}”: ${result}. ${asOf}.${demo}`,
    };
  }
  const { overall } = card;
  const coverage = s.coverage(overall.coverage, card.standards.length);
  const result = overall.grade ? s.overallGrade(overall.grade, overall.score!) : s.notEnoughEvidence;
  return {
    grade: overall.grade,
    name: card.subject.name,
    detail: `${overall.grade ? `${s.overall} ${overall.score}/100` : s.notEnoughEvidence} · ${coverage}`,
    asOf,
    demo: card.subject.demo,
    description: `${card.subject.name}: ${result}, ${coverage}. ${asOf}.${demo}`,
  };
}

/**
 * An image of a grade for places that allow neither script nor iframe (email, forums,
 * markdown). The letter carries the grade; the colour only repeats it. No script, no
 * external references: an SVG loaded as an image could not run them anyway.
 */
export function badgeSvg(content: BadgeContent, s: WidgetStrings): string {
  const grade = content.grade ?? '–';
  const footer = `${s.scorecardName} · ${content.asOf}${content.demo ? ` · ${s.demoData}` : ''}`;
  const svg: SafeHtml = html`<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" viewBox="0 0 ${BADGE_WIDTH} ${BADGE_HEIGHT}" role="img" aria-labelledby="title">
<title id="title">${content.description}</title>
<rect x="0.5" y="0.5" width="${BADGE_WIDTH - 1}" height="${BADGE_HEIGHT - 1}" rx="8" fill="#ffffff" stroke="#d0d7de"/>
<rect x="10" y="10" width="56" height="56" rx="6" fill="${GRADE_FILL[content.grade ?? 'none']}"/>
<g font-family="${FONT}">
<text x="38" y="49" font-size="32" font-weight="700" fill="#ffffff" text-anchor="middle">${grade}</text>
<text x="78" y="28" font-size="15" font-weight="600" fill="#1f2328">${fit(content.name, 32)}</text>
<text x="78" y="47" font-size="12" fill="#1f2328">${fit(content.detail, 44)}</text>
<text x="78" y="64" font-size="11" fill="#59636e">${fit(footer, 50)}</text>
</g>
</svg>`;
  return svg.value;
}

/** Served with a 404 for an unknown person or standard, so a broken snippet still shows why. */
export function missingBadgeSvg(what: string, s: WidgetStrings): string {
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_WIDTH}" height="40" viewBox="0 0 ${BADGE_WIDTH} 40" role="img" aria-labelledby="title">
<title id="title">${s.notFound(what)}</title>
<rect x="0.5" y="0.5" width="${BADGE_WIDTH - 1}" height="39" rx="8" fill="#ffffff" stroke="#d0d7de"/>
<text x="14" y="25" font-family="${FONT}" font-size="13" fill="#59636e">${fit(s.notFound(what), 52)}</text>
</svg>`.value;
}
