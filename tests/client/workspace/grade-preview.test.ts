import { describe, expect, it } from 'vitest';
import { previewGrade } from '../../../client/workspace/grade-preview.js';

const entry = (rating: number, kind: 'action' | 'data' | 'statement', status = 'published') => ({
  rating,
  kind,
  status,
  occurredOn: '2025-01-01',
});

describe('the review queue’s grade preview', () => {
  it('gives the grade now and if published, by the public method (the worked example)', () => {
    expect(previewGrade([entry(-1, 'statement')], { rating: 2, kind: 'action' })).toEqual({
      before: { score: 25, grade: 'D' },
      after: { score: 75, grade: 'B' },
    });
  });

  it('counts only published evidence, and says "no grade" when there is none yet', () => {
    const preview = previewGrade([entry(-2, 'action', 'retracted'), entry(-2, 'action', 'pending')], { rating: 0, kind: 'data' });
    expect(preview).toEqual({ before: null, after: { score: 50, grade: 'C' } });
  });
});
