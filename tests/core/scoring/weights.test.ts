import { describe, expect, it } from 'vitest';
import { formatWeights, isEqualWeighting, parseWeights } from '../../../core/scoring/weights.js';

const SLUGS = ['equity', 'health', 'kids'];

describe('"Your priorities" weights in the URL', () => {
  it('reads w=slug:weight pairs for known standards, weights 0 to 3', () => {
    expect(parseWeights('equity:2,kids:0', SLUGS)).toEqual({ equity: 2, kids: 0 });
  });

  it('ignores what a stale or hand-edited link may carry', () => {
    expect(parseWeights('equity:4,unknown:2,kids:-1,health:x,,health', SLUGS)).toEqual({});
    expect(parseWeights(null, SLUGS)).toEqual({});
  });

  it('writes only the changed weights, in the standards’ order', () => {
    expect(formatWeights({ kids: 0, equity: 3, health: 1 }, SLUGS)).toBe('equity:3,kids:0');
    expect(formatWeights({}, SLUGS)).toBe('');
    expect(parseWeights(formatWeights({ kids: 0, equity: 3 }, SLUGS), SLUGS)).toEqual({ equity: 3, kids: 0 });
  });

  it('knows the coalition’s equal weighting', () => {
    expect(isEqualWeighting({})).toBe(true);
    expect(isEqualWeighting({ equity: 1 })).toBe(true);
    expect(isEqualWeighting({ equity: 0 })).toBe(false);
  });
});
