import { describe, expect, it } from 'vitest';
import { currentElectionOf, electionPhase } from '../../core/election-phase.js';
import { electionStandings } from '../../core/election-standings.js';

describe('electionPhase', () => {
  const e = { electionDate: '2030-11-05', registrationDeadline: '2030-10-21', results: null };
  it.each([
    ['2030-10-20', 'registering'],
    ['2030-10-21', 'registering'], // the deadline day itself still counts
    ['2030-10-22', 'same-day-registration'],
    ['2030-11-04', 'same-day-registration'],
    ['2030-11-05', 'election-day'],
    ['2030-11-06', 'counting'],
  ])('on %s is %s', (day, phase) => expect(electionPhase(e, day)).toBe(phase));

  it('is registering until election day when no deadline is known, and results once entered (blank text is none)', () => {
    expect(electionPhase({ ...e, registrationDeadline: null }, '2030-11-04')).toBe('registering');
    expect(electionPhase({ ...e, results: 'A won.' }, '2030-11-06')).toBe('results');
    expect(electionPhase({ ...e, results: '  ' }, '2030-11-06')).toBe('counting');
  });
});

describe('currentElectionOf', () => {
  const list = [
    { electionDate: '2031-03-01' },
    { electionDate: '2030-11-05' },
    { electionDate: '2028-11-07' },
    { electionDate: '2026-11-03' },
  ];
  it('is the nearest not yet past, else the most recent, else null', () => {
    expect(currentElectionOf(list, '2029-01-01')).toBe(list[1]);
    expect(currentElectionOf(list, '2030-11-05')).toBe(list[1]);
    expect(currentElectionOf(list, '2030-11-06')).toBe(list[0]);
    expect(currentElectionOf(list, '2032-01-01')).toBe(list[0]);
    expect(currentElectionOf([], '2032-01-01')).toBeNull();
  });
});

describe('electionStandings', () => {
  it('counts leads, trails, ties, sole scores and gaps standard by standard', () => {
    const [a, b, c] = electionStandings([
      [80, 50, null, 40, 70],
      [60, 50, null, null, 90],
      [null, 20, null, null, 90],
    ]);
    expect(a).toEqual({ leads: 1, trails: 1, ties: 1, only: 1, noEvidence: 1 });
    expect(b).toEqual({ leads: 0, trails: 1, ties: 2, only: 0, noEvidence: 2 });
    expect(c).toEqual({ leads: 0, trails: 1, ties: 1, only: 0, noEvidence: 3 });
  });
});
