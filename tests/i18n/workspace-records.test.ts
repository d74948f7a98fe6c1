import { describe, expect, it } from 'vitest';
import { workspaceEn } from '../../i18n/workspace-en.js';
import { recordsEs } from '../../i18n/workspace-es-records.js';

/** Every English string of the admin screens' `records` (issue 14) has Spanish of the same shape, not a copy. */
function problems(english: unknown, spanish: unknown, path: string, out: string[] = []): string[] {
  if (typeof english === 'function') {
    if (typeof spanish !== 'function' || spanish.length !== english.length) out.push(`${path}: function of ${english.length} expected`);
    else {
      const args = Array.from({ length: english.length }, (_, i) => (i === 0 ? 2 : 7)) as never[];
      const samples = [english(...args), spanish(...args)];
      if (samples[1] === samples[0]) out.push(`${path}: same text in Spanish`);
    }
  } else if (english && typeof english === 'object') {
    if (!spanish || typeof spanish !== 'object') return [...out, `${path}: missing`];
    for (const key of Object.keys(english))
      problems((english as Record<string, unknown>)[key], (spanish as Record<string, unknown>)[key], `${path}.${key}`, out);
    for (const key of Object.keys(spanish)) if (!(key in english)) out.push(`${path}.${key}: not in English`);
  } else if (typeof spanish !== 'string' || !spanish || spanish === english) out.push(`${path}: missing Spanish text`);
  return out;
}

describe('workspace records strings', () => {
  it('has Spanish for every English string, none a copy', () => {
    expect(problems(workspaceEn.records, recordsEs, 'records')).toEqual([]);
  });
});
