import { today } from './calendar.js';

/**
 * Where an election stands in its life cycle, which decides what its pages urge voters to do:
 *
 * - `registering`: before the registration deadline (or no deadline is known yet): register.
 * - `same-day-registration`: the deadline has passed but election day has not come. In
 *   California a voter can still register and vote the same day at the county elections
 *   office or a vote center, up to and on election day (conditional voter registration).
 * - `election-day`: today; polls are open, same-day registration still works.
 * - `counting`: election day is over and no results have been entered yet.
 * - `results`: an admin has entered the results; nothing urges registration any more.
 */
export type ElectionPhase = 'registering' | 'same-day-registration' | 'election-day' | 'counting' | 'results';

export interface ElectionDates {
  /** YYYY-MM-DD */
  electionDate: string;
  /** YYYY-MM-DD, or null when not known. */
  registrationDeadline: string | null;
  /** What an admin wrote once the outcome was known; null before. */
  results: string | null;
}

/** The phase of `election` on `day` (YYYY-MM-DD, Sacramento's today by default). */
export function electionPhase(election: ElectionDates, day: string = today()): ElectionPhase {
  if (election.results !== null && election.results.trim() !== '') return 'results';
  if (day > election.electionDate) return 'counting';
  if (day === election.electionDate) return 'election-day';
  if (election.registrationDeadline !== null && day > election.registrationDeadline) return 'same-day-registration';
  return 'registering';
}

/**
 * The election voters should look at on `day`: the nearest one not yet past (election day
 * included), else the most recent past one (which then shows its results).
 */
export function currentElectionOf<E extends { electionDate: string }>(elections: readonly E[], day: string = today()): E | null {
  let nearest: E | null = null;
  let latest: E | null = null;
  for (const e of elections) {
    if (e.electionDate >= day) {
      if (!nearest || e.electionDate < nearest.electionDate) nearest = e;
    } else if (!latest || e.electionDate > latest.electionDate) latest = e;
  }
  return nearest ?? latest;
}

/** California's official pages for registering, and for registering and voting the same day. */
export const CALIFORNIA_REGISTRATION = {
  register: 'https://registertovote.ca.gov/',
  sameDay: 'https://www.sos.ca.gov/elections/voter-registration/same-day-reg',
} as const;
