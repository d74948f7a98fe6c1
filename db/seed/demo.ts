import type { EvidenceKind, EvidenceStatus, SubjectRole } from '../schema/index.js';

/**
 * Demo data: obviously fictional people, all marked `demo`, with example.org sources. It
 * exists so a new install shows every screen working; it says nothing about real people.
 * It creates no account that can sign in (entries have no submitter).
 */

export interface DemoSubject {
  slug: string;
  name: string;
  role: SubjectRole;
  office: string;
  bio: string;
  website: string;
  termStart?: string;
}

export const DEMO_SUBJECTS: DemoSubject[] = [
  {
    slug: 'demo-avery-placeholder',
    name: 'Avery Placeholder (demo)',
    role: 'incumbent',
    office: 'District Attorney (fictional demo office)',
    bio: 'A fictional incumbent District Attorney used to demonstrate the scorecard. Not a real person.',
    website: 'https://example.org/demo/avery-placeholder',
    termStart: '2023-01-02',
  },
  {
    slug: 'demo-jordan-sample',
    name: 'Jordan Sample (demo)',
    role: 'candidate',
    office: 'Candidate for District Attorney (fictional demo)',
    bio: 'A fictional candidate used to demonstrate the election comparison. Not a real person.',
    website: 'https://example.org/demo/jordan-sample',
  },
  {
    slug: 'demo-riley-example',
    name: 'Riley Example (demo)',
    role: 'candidate',
    office: 'Candidate for District Attorney (fictional demo)',
    bio: 'A fictional candidate with little evidence yet, to show what thin coverage looks like. Not a real person.',
    website: 'https://example.org/demo/riley-example',
  },
];

export const DEMO_ELECTION = {
  slug: 'demo-2026-district-attorney',
  name: 'Demo election: District Attorney 2026 (fictional)',
  electionDate: '2026-11-03',
  registrationDeadline: '2026-10-19',
  infoUrl: 'https://example.org/demo/election-info',
  candidates: ['demo-avery-placeholder', 'demo-jordan-sample', 'demo-riley-example'],
};

export interface DemoEvidence {
  subject: string;
  standard: string;
  rating: -2 | -1 | 0 | 1 | 2;
  kind: EvidenceKind;
  occurredOn: string;
  title: string;
  status?: EvidenceStatus;
  /** For rejected entries, the reviewer's note; for retracted ones, the reason. */
  note?: string;
}

const A = 'demo-avery-placeholder';
const J = 'demo-jordan-sample';
const R = 'demo-riley-example';

// Spread unevenly on purpose: Avery has evidence on all 10 standards, Jordan on 6, Riley on 3
// (below the 5 needed for an overall grade).
export const DEMO_EVIDENCE: DemoEvidence[] = [
  {
    subject: A,
    standard: 'equity',
    rating: 1,
    kind: 'data',
    occurredOn: '2024-03-14',
    title: 'Demo: office publishes charging outcomes by race',
  },
  {
    subject: A,
    standard: 'equity',
    rating: -1,
    kind: 'action',
    occurredOn: '2025-02-10',
    title: 'Demo: gap in felony filings widens in fictional report',
  },
  {
    subject: A,
    standard: 'equity',
    rating: 1,
    kind: 'statement',
    occurredOn: '2025-09-01',
    title: 'Demo: pledge to review charging for unequal treatment',
  },
  {
    subject: A,
    standard: 'health',
    rating: 2,
    kind: 'action',
    occurredOn: '2024-06-20',
    title: 'Demo: mental health diversion unit created',
  },
  {
    subject: A,
    standard: 'health',
    rating: 1,
    kind: 'data',
    occurredOn: '2025-06-30',
    title: 'Demo: diversion placements up in annual report',
  },
  {
    subject: A,
    standard: 'kids',
    rating: -2,
    kind: 'action',
    occurredOn: '2024-01-22',
    title: 'Demo: motion to move a 16-year-old to adult court',
  },
  {
    subject: A,
    standard: 'kids',
    rating: -1,
    kind: 'data',
    occurredOn: '2025-04-12',
    title: 'Demo: adult-court transfer requests hold steady',
  },
  {
    subject: A,
    standard: 'kids',
    rating: 1,
    kind: 'statement',
    occurredOn: '2026-02-03',
    title: 'Demo: remarks supporting youth diversion',
  },
  {
    subject: A,
    standard: 'alternatives',
    rating: 0,
    kind: 'data',
    occurredOn: '2024-09-09',
    title: 'Demo: jail population unchanged year over year',
  },
  {
    subject: A,
    standard: 'alternatives',
    rating: -1,
    kind: 'action',
    occurredOn: '2025-08-18',
    title: 'Demo: new policy favoring sentence enhancements',
  },
  {
    subject: A,
    standard: 'pretrial',
    rating: -1,
    kind: 'action',
    occurredOn: '2024-05-02',
    title: 'Demo: office asks for cash bail by default',
  },
  {
    subject: A,
    standard: 'pretrial',
    rating: 1,
    kind: 'action',
    occurredOn: '2025-11-15',
    title: 'Demo: default cash bail policy withdrawn',
  },
  {
    subject: A,
    standard: 'pretrial',
    rating: 0,
    kind: 'statement',
    occurredOn: '2026-03-10',
    title: 'Demo: mixed answer on pretrial detention in questionnaire',
  },
  {
    subject: A,
    standard: 'bias',
    rating: -2,
    kind: 'action',
    occurredOn: '2024-11-04',
    title: 'Demo: no independent review of a use-of-force case',
  },
  {
    subject: A,
    standard: 'bias',
    rating: -1,
    kind: 'statement',
    occurredOn: '2025-05-21',
    title: 'Demo: declines to commit to recusal policy',
  },
  {
    subject: A,
    standard: 'transparency',
    rating: 2,
    kind: 'data',
    occurredOn: '2024-02-28',
    title: 'Demo: public case data dashboard launched',
  },
  {
    subject: A,
    standard: 'transparency',
    rating: 2,
    kind: 'action',
    occurredOn: '2025-01-15',
    title: 'Demo: charging policies posted online',
  },
  { subject: A, standard: 'transparency', rating: 1, kind: 'data', occurredOn: '2026-01-20', title: 'Demo: dashboard updated quarterly' },
  {
    subject: A,
    standard: 'engagement',
    rating: 1,
    kind: 'action',
    occurredOn: '2024-10-10',
    title: 'Demo: town hall held in an affected neighborhood',
  },
  {
    subject: A,
    standard: 'engagement',
    rating: 0,
    kind: 'statement',
    occurredOn: '2025-10-02',
    title: 'Demo: skips one of two candidate forums',
  },
  {
    subject: A,
    standard: 'restoration',
    rating: 1,
    kind: 'action',
    occurredOn: '2025-03-03',
    title: 'Demo: record clearance clinic co-hosted',
  },
  {
    subject: A,
    standard: 'restoration',
    rating: 2,
    kind: 'data',
    occurredOn: '2026-04-08',
    title: 'Demo: restorative justice referrals double',
  },

  {
    subject: J,
    standard: 'equity',
    rating: 2,
    kind: 'statement',
    occurredOn: '2025-07-11',
    title: 'Demo: platform commits to publishing disparity data',
  },
  {
    subject: J,
    standard: 'equity',
    rating: 1,
    kind: 'action',
    occurredOn: '2026-01-08',
    title: 'Demo: co-authored a fictional bar association equity report',
  },
  {
    subject: J,
    standard: 'health',
    rating: 2,
    kind: 'statement',
    occurredOn: '2025-08-02',
    title: 'Demo: pledge to expand mental health diversion',
  },
  {
    subject: J,
    standard: 'kids',
    rating: 2,
    kind: 'statement',
    occurredOn: '2025-08-02',
    title: 'Demo: pledge never to seek adult-court transfer for under-16s',
  },
  {
    subject: J,
    standard: 'kids',
    rating: 1,
    kind: 'action',
    occurredOn: '2025-12-12',
    title: 'Demo: volunteered with a youth diversion program',
  },
  {
    subject: J,
    standard: 'pretrial',
    rating: 1,
    kind: 'statement',
    occurredOn: '2025-09-19',
    title: 'Demo: questionnaire answer favoring pretrial release',
  },
  {
    subject: J,
    standard: 'pretrial',
    rating: -1,
    kind: 'action',
    occurredOn: '2024-04-04',
    title: 'Demo: as a line prosecutor, argued against release in a fictional case',
  },
  {
    subject: J,
    standard: 'transparency',
    rating: 2,
    kind: 'statement',
    occurredOn: '2025-10-30',
    title: 'Demo: promise of an open data portal',
  },
  {
    subject: J,
    standard: 'transparency',
    rating: 0,
    kind: 'action',
    occurredOn: '2026-02-14',
    title: 'Demo: campaign publishes partial plan',
  },
  {
    subject: J,
    standard: 'engagement',
    rating: 2,
    kind: 'action',
    occurredOn: '2025-11-05',
    title: 'Demo: attended both candidate forums',
  },
  {
    subject: J,
    standard: 'engagement',
    rating: 1,
    kind: 'action',
    occurredOn: '2026-03-01',
    title: 'Demo: listening sessions held in Spanish and English',
  },

  {
    subject: R,
    standard: 'alternatives',
    rating: 1,
    kind: 'statement',
    occurredOn: '2026-01-25',
    title: 'Demo: supports community-based alternatives in forum answer',
  },
  {
    subject: R,
    standard: 'bias',
    rating: 0,
    kind: 'statement',
    occurredOn: '2026-02-25',
    title: 'Demo: undecided on independent prosecutor in questionnaire',
  },
  {
    subject: R,
    standard: 'immigrants',
    rating: 2,
    kind: 'statement',
    occurredOn: '2026-03-15',
    title: 'Demo: pledge to weigh immigration consequences in plea offers',
  },
  {
    subject: R,
    standard: 'immigrants',
    rating: 1,
    kind: 'action',
    occurredOn: '2025-06-06',
    title: 'Demo: taught a fictional clinic on immigration consequences',
  },
  {
    subject: A,
    standard: 'immigrants',
    rating: -1,
    kind: 'action',
    occurredOn: '2025-07-07',
    title: 'Demo: no written policy on immigration consequences',
  },
  {
    subject: A,
    standard: 'health',
    rating: 0,
    kind: 'statement',
    occurredOn: '2026-05-05',
    title: 'Demo: noncommittal on conservatorship expansion',
  },
  {
    subject: J,
    standard: 'health',
    rating: 1,
    kind: 'action',
    occurredOn: '2026-04-18',
    title: 'Demo: endorsed by a fictional health coalition',
  },

  // Not counted: these show the review workflow and retractions.
  {
    subject: A,
    standard: 'engagement',
    rating: 2,
    kind: 'action',
    occurredOn: '2026-06-01',
    title: 'Demo: community advisory board announced',
    status: 'pending',
  },
  {
    subject: J,
    standard: 'restoration',
    rating: 1,
    kind: 'statement',
    occurredOn: '2026-06-10',
    title: 'Demo: supports automatic record clearance',
    status: 'pending',
  },
  {
    subject: R,
    standard: 'transparency',
    rating: 2,
    kind: 'statement',
    occurredOn: '2026-06-12',
    title: 'Demo: pledge to publish all office policies',
    status: 'pending',
  },
  {
    subject: A,
    standard: 'kids',
    rating: 2,
    kind: 'action',
    occurredOn: '2025-05-05',
    title: 'Demo: claim without a source',
    status: 'rejected',
    note: 'The source does not say this; please find the original record.',
  },
  {
    subject: J,
    standard: 'bias',
    rating: -2,
    kind: 'statement',
    occurredOn: '2025-09-09',
    title: 'Demo: misattributed quote',
    status: 'rejected',
    note: 'The quote was from a different speaker.',
  },
  {
    subject: A,
    standard: 'alternatives',
    rating: 2,
    kind: 'data',
    occurredOn: '2025-02-02',
    title: 'Demo: jail population figure later corrected by the county',
    status: 'retracted',
    note: 'The county withdrew the figure this entry relied on.',
  },
  {
    subject: J,
    standard: 'equity',
    rating: -2,
    kind: 'action',
    occurredOn: '2024-08-08',
    title: 'Demo: case attributed to the wrong prosecutor',
    status: 'retracted',
    note: 'The case was handled by another attorney.',
  },
];

export const DEMO_EVENTS = [
  {
    title: 'Demo: candidate forum on public safety and healing',
    startsAt: '2026-12-10T02:00:00.000Z',
    place: 'Fictional Community Center, 100 Example Street',
    description: 'A demo event: candidates answer questions from community members on the ten standards.',
    url: 'https://example.org/demo/forum',
    subjects: ['demo-jordan-sample', 'demo-riley-example'],
  },
  {
    title: 'Demo: town hall with the District Attorney',
    startsAt: '2025-10-02T01:30:00.000Z',
    place: 'Fictional Library, Meeting Room B',
    description: 'A demo event that has already happened, to show past events.',
    url: 'https://example.org/demo/town-hall',
    subjects: ['demo-avery-placeholder'],
  },
];
