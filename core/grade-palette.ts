/**
 * How a grade looks everywhere it is drawn: pages, the widget, the SVG badge and share images.
 * A grade is never told by colour alone: the letter is always drawn, and each grade also has a
 * shape (its corner style) so that two neighbouring grades differ for readers who cannot tell
 * the colours apart. The colours pass WCAG AA for `ink` on `background` and `line` on white.
 */
export const GRADE_LETTERS = ['A', 'B', 'C', 'D', 'F'] as const;
export type GradeLetter = (typeof GRADE_LETTERS)[number];

export interface GradeLook {
  /** Fill behind the letter. */
  background: string;
  /** Border, and the colour of a grade drawn on white (bars, badges). */
  line: string;
  /** The letter's colour on `background`. */
  ink: string;
  /** Corner style: A and B round, C square, D and F cut; repeated by the letter itself. */
  shape: 'round' | 'square' | 'notched';
}

export const GRADE_PALETTE: Record<GradeLetter | 'none', GradeLook> = {
  A: { background: '#dcf2e4', line: '#2e7d4f', ink: '#14532d', shape: 'round' },
  B: { background: '#ddedf8', line: '#2b6a99', ink: '#133e5e', shape: 'round' },
  C: { background: '#fbf0cf', line: '#a87b00', ink: '#4f3a00', shape: 'square' },
  D: { background: '#fde4d2', line: '#c2570c', ink: '#722b05', shape: 'notched' },
  F: { background: '#fadcd9', line: '#b42318', ink: '#7a1610', shape: 'notched' },
  /** Not enough evidence: grey, and drawn as "–" rather than a letter. */
  none: { background: '#eef0f2', line: '#6b7280', ink: '#374151', shape: 'square' },
};

/** The look of a grade, or of "not enough evidence" for null. */
export function gradeLook(grade: GradeLetter | null | undefined): GradeLook {
  return GRADE_PALETTE[grade ?? 'none'];
}

/** A grade tile's corner radius in pixels for a tile `size` pixels wide: round 22 %, cut 8 %, square 4 px. */
export function cornerRadius(shape: GradeLook['shape'], size: number): number {
  return shape === 'round' ? size * 0.22 : shape === 'square' ? 4 : size * 0.08;
}

/** The same corners in CSS, for tiles whose size CSS decides. */
const CSS_RADIUS: Record<GradeLook['shape'], string> = { round: '22%', notched: '8%', square: '4px' };

/**
 * The palette as CSS custom properties, `--grade-a-background`, `--grade-a-line`, `--grade-a-ink`,
 * `--grade-a-radius` … `--grade-none-*`, on `:root` and on a shadow root's `:host`. The pages'
 * stylesheet gets them from a build-time module (vite.config.ts, `virtual:grade-palette.css`),
 * the widget from its styles: no stylesheet holds a second copy of the colours.
 */
export function gradePaletteCss(): string {
  const properties = Object.entries(GRADE_PALETTE).flatMap(([grade, look]) => {
    const g = grade.toLowerCase();
    return [
      `--grade-${g}-background: ${look.background};`,
      `--grade-${g}-line: ${look.line};`,
      `--grade-${g}-ink: ${look.ink};`,
      `--grade-${g}-radius: ${CSS_RADIUS[look.shape]};`,
    ];
  });
  return `:root,\n:host {\n  ${properties.join('\n  ')}\n}\n`;
}
