import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRADE_PALETTE, gradePaletteCss } from '../../core/grade-palette.js';
import { badgeSvg } from '../../server/routes/embed/badge-svg.js';
import { STRINGS } from '../../i18n/widget.js';

// One grade palette (issue 15): pages, widget, badge and share images draw from
// core/grade-palette.ts, and no other file keeps a copy of its colours.

const COLOURS = Object.values(GRADE_PALETTE).flatMap((look) => [look.background, look.line, look.ink]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the grade palette', () => {
  it('is written out as CSS custom properties for every grade and "none"', () => {
    const css = gradePaletteCss();
    for (const [grade, look] of Object.entries(GRADE_PALETTE)) {
      const g = grade.toLowerCase();
      expect(css).toContain(`--grade-${g}-background: ${look.background};`);
      expect(css).toContain(`--grade-${g}-line: ${look.line};`);
      expect(css).toContain(`--grade-${g}-ink: ${look.ink};`);
      expect(css).toMatch(new RegExp(`--grade-${g}-radius: [\\d.]+(%|px);`));
    }
  });

  it('has no second copy of its colours in the stylesheets, the widget, the badge or the share images', () => {
    // Where grades are drawn for the public (the workspace has its own look for form errors).
    const sources = ['client/app', 'client/components', 'client/widget', 'server/routes', 'server/share', 'server/html']
      .flatMap((dir) => files(dir))
      .filter((f) => /\.(css|ts)$/.test(f));
    const copies = sources.flatMap((file) => {
      const text = readFileSync(file, 'utf8').toLowerCase();
      return COLOURS.filter((c) => text.includes(c.toLowerCase())).map((c) => `${file}: ${c}`);
    });
    expect(copies).toEqual([]);
  });

  it('colours the SVG badge’s grade tile: fill, border and letter from the grade’s look', () => {
    const svg = badgeSvg(
      {
        grade: 'C',
        name: 'Someone',
        detail: 'Overall',
        asOf: 'Jan 1, 2030',
        coalition: 'A coalition',
        demo: false,
        description: 'C',
      } as never,
      STRINGS.en,
    );
    const look = GRADE_PALETTE.C;
    expect(svg).toContain(`fill="${look.background}" stroke="${look.line}"`);
    expect(svg).toMatch(new RegExp(`fill="${look.ink}" text-anchor="middle">C<`));
  });
});
