import { describe, expect, it } from 'vitest';
import { slugFromName } from '../../core/slugs.js';

describe('slugFromName', () => {
  it('suggests an address from a name as an admin types it', () => {
    expect(slugFromName('Avery Placeholder')).toBe('avery-placeholder');
    expect(slugFromName('  José María Núñez-O’Brien (demo) ')).toBe('jose-maria-nunez-o-brien-demo');
    expect(slugFromName('District Attorney — 2026 Primary')).toBe('district-attorney-2026-primary');
    expect(slugFromName('!!!')).toBe('');
  });

  it('always passes the API’s slug rule and length', () => {
    const slug = slugFromName(`${'Long name '.repeat(30)}end`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
