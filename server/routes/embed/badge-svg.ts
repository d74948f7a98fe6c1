import type { Scorecard } from '../../schemas/scorecard.js';
import { formatDay, type WidgetStrings } from '../../../i18n/widget.js';
import { html, type SafeHtml } from '../../html/html.js';
import { cornerRadius, GRADE_PALETTE, gradeLook } from '../../../core/grade-palette.js';

type Grade = Scorecard['overall']['grade'];

/**
 * A shields.io badge's colour per grade, from the palette (core/grade-palette.ts): its `ink`,
 * the darkest of the grade's colours, because shields draws the message in white on it.
 */
export const GRADE_FILL: Record<NonNullable<Grade> | 'none', string> = Object.fromEntries(
  Object.entries(GRADE_PALETTE).map(([grade, look]) => [grade, look.ink]),
) as Record<NonNullable<Grade> | 'none', string>;

export const BADGE_WIDTH = 360;
/** The smallest badge: one line of each kind. Longer names and languages make it taller. */
export const BADGE_HEIGHT = 76;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const TEXT_X = 78;
const TEXT_WIDTH = BADGE_WIDTH - TEXT_X - 10;

/**
 * SVG text cannot wrap by itself, so lines are broken here, at spaces, from a generous
 * estimate of each character's width (wider than system fonts' average, so a line never runs
 * past the edge). Nothing is ever cut: the badge grows a line instead.
 */
export function wrapText(text: string, fontSize: number, bold = false): string[] {
  const perLine = Math.max(8, Math.floor(TEXT_WIDTH / (fontSize * (bold ? 0.64 : 0.6))));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    // A single word longer than a line (a long slug) is the only thing ever split.
    for (let rest = word; rest; rest = rest.slice(perLine)) {
      const piece = rest.slice(0, perLine);
      if (!line) line = piece;
      else if (line.length + 1 + piece.length <= perLine) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
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
  /** Who publishes the scorecard (the site's identity). */
  coalition: string;
}

/** What a badge says for a person's overall grade, or for one standard when given. */
export function badgeContent(
  card: Scorecard,
  s: WidgetStrings,
  lang: string,
  standardSlug: string | undefined,
  coalition: string,
): BadgeContent | null {
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
      coalition,
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
    coalition,
  };
}

/**
 * An image of a grade for places that allow neither script nor iframe (email, forums,
 * markdown). The letter carries the grade; the colour only repeats it. No script, no
 * external references: an SVG loaded as an image could not run them anyway.
 */
export function badgeSvg(content: BadgeContent, s: WidgetStrings): string {
  const grade = content.grade ?? '–';
  const look = gradeLook(content.grade);
  // Each kind of line: its words wrapped, its size, weight and colour; the demo notice on a line of its own.
  const blocks: Array<{ lines: string[]; size: number; weight: number; fill: string; gap: number }> = [
    { lines: wrapText(content.name, 15, true), size: 15, weight: 600, fill: '#1f2328', gap: 19 },
    { lines: wrapText(content.detail, 12), size: 12, weight: 400, fill: '#1f2328', gap: 16 },
    { lines: wrapText(`${s.scorecardName} · ${content.asOf}`, 11), size: 11, weight: 400, fill: '#59636e', gap: 15 },
    { lines: wrapText(s.publishedBy(content.coalition), 11), size: 11, weight: 400, fill: '#59636e', gap: 15 },
  ];
  if (content.demo) blocks.push({ lines: wrapText(s.demoData, 11, true), size: 11, weight: 700, fill: '#7a4b00', gap: 15 });
  let y = 10;
  const texts: SafeHtml[] = [];
  for (const block of blocks) {
    for (const line of block.lines) {
      y += block.gap;
      texts.push(
        html`<text x="${TEXT_X}" y="${y - 4}" font-size="${block.size}" font-weight="${block.weight}" fill="${block.fill}">${line}</text>\n`,
      );
    }
  }
  const height = Math.max(BADGE_HEIGHT, y + 8);
  const svg: SafeHtml = html`<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_WIDTH}" height="${height}" viewBox="0 0 ${BADGE_WIDTH} ${height}" role="img" aria-labelledby="title">
<title id="title">${content.description}</title>
<rect x="0.5" y="0.5" width="${BADGE_WIDTH - 1}" height="${height - 1}" rx="8" fill="#ffffff" stroke="#d0d7de"/>
<rect x="11" y="11" width="54" height="54" rx="${cornerRadius(look.shape, 54)}" fill="${look.background}" stroke="${look.line}" stroke-width="2"/>
<g font-family="${FONT}">
<text x="38" y="49" font-size="32" font-weight="700" fill="${look.ink}" text-anchor="middle">${grade}</text>
${texts}</g>
</svg>`;
  return svg.value;
}

/** Served with a 404 for an unknown person or standard, so a broken snippet still shows why. */
export function missingBadgeSvg(message: string): string {
  const lines = wrapText(message, 13);
  const height = 22 + lines.length * 17;
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_WIDTH}" height="${height}" viewBox="0 0 ${BADGE_WIDTH} ${height}" role="img" aria-labelledby="title">
<title id="title">${message}</title>
<rect x="0.5" y="0.5" width="${BADGE_WIDTH - 1}" height="${height - 1}" rx="8" fill="#ffffff" stroke="#d0d7de"/>
<g font-family="${FONT}" font-size="13" fill="#59636e">
${lines.map((line, i) => html`<text x="${TEXT_X - 64}" y="${28 + i * 17}">${line}</text>\n`)}</g>
</svg>`.value;
}
