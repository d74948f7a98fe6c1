/**
 * English UI strings for the public pages and their components. Text that depends on a
 * number or a name is a function, so a translation can order its words freely.
 */

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const en = {
  /** BCP 47 tag for <html lang> and Intl formatting. */
  langTag: 'en-US',
  /** The language's own name, for the language switch. */
  languageName: 'English',
  siteName: 'DA Accountability Scorecard',
  siteTagline: 'Sacramento County',
  skipToContent: 'Skip to main content',
  navLabel: 'Main',
  nav: { home: 'Home', election: 'Compare candidates', methodology: 'How grading works', events: 'Events' },
  demoBanner:
    'Demo data: the people, evidence and events on this site are fictional, shown so you can see how the scorecard works. They say nothing about real people.',
  demoBadge: 'Demo',
  demoLabel: 'About this data',
  footerAbout:
    'A community coalition scorecard. Every grade is computed by a published method from evidence that anyone can check.',
  footerData: 'Data',
  exportCsv: 'All evidence (CSV)',
  exportJson: 'All evidence (JSON)',
  apiDocs: 'API documentation',
  loading: 'Loading…',
  retry: 'Try again',

  grade: {
    label: (grade: string, score: number) => `Grade ${grade}, ${score} out of 100`,
    short: (grade: string) => `Grade ${grade}`,
    none: 'Not enough evidence',
    noneShort: 'No grade',
    /** Next to every grade key: many readers grew up with other scales (0 to 10). */
    key: 'A is the best grade; F means failing.',
    scoreOutOf: (score: number) => `${score} / 100`,
  },
  roles: {
    incumbent: 'District Attorney (incumbent)',
    candidate: 'Candidate for District Attorney',
    former: 'Former District Attorney',
  } as Record<string, string>,
  ratings: {
    '-2': 'Strongly works against the standard',
    '-1': 'Works against the standard',
    '0': 'Mixed or neutral',
    '1': 'Advances the standard',
    '2': 'Strongly advances the standard',
  } as Record<string, string>,
  kinds: {
    action: 'Official action',
    data: 'Published data',
    statement: 'Statement or pledge',
  } as Record<string, string>,
  /** Short names for charts and narrow tables; the full titles come from the standards. */
  standardShort: {
    equity: 'Equity',
    health: 'Health',
    kids: 'Kids',
    alternatives: 'Alternatives',
    pretrial: 'Pretrial',
    bias: 'Bias',
    transparency: 'Transparency',
    engagement: 'Engagement',
    immigrants: 'Immigrants',
    restoration: 'Restoration',
  } as Record<string, string>,
  standardNumber: (n: number) => `Standard ${n}`,
  /** Below every list of the standards' titles: the two terms in them a reader may not know. */
  standardTerms:
    'Diversion: a program instead of prosecution; the case can end without a conviction. Collateral consequences: what a charge or conviction costs beyond the sentence itself, such as deportation.',

  home: {
    title: 'How does the District Attorney measure up?',
    description:
      'Grades for the Sacramento County District Attorney and candidates on ten community standards, with the evidence behind every grade.',
    intro:
      'A coalition of community organisations in Sacramento County published ten standards for the District Attorney. Volunteers log evidence with sources, reviewers check it, and every grade here links to the record behind it.',
    incumbentHeading: 'The District Attorney today',
    electionHeading: 'Compare the candidates',
    standardsHeading: 'The ten standards',
    peopleHeading: 'Everyone on the scorecard',
    eventsHeading: 'Upcoming events',
    noEvents: 'No upcoming events are listed yet.',
    allEvents: 'All events',
    noIncumbent: 'No one is marked as the District Attorney in office yet.',
    noPeople: 'Nobody has been added to the scorecard yet.',
    seeScorecard: (name: string) => `Full scorecard of ${name}`,
    seeElection: 'See the side-by-side comparison',
  },

  person: {
    description: (name: string, grade: string | null) =>
      grade
        ? `${name}: overall grade ${grade} on ten community standards for the District Attorney, with the evidence behind it.`
        : `${name}: grades on ten community standards for the District Attorney, with the evidence behind them.`,
    overallHeading: 'Overall grade',
    coverage: (n: number, total: number) => `${n} of ${total} standards have evidence`,
    insufficient: (min: number) => `No overall grade yet: at least ${min} of the ten standards need evidence.`,
    noWeight: 'Every standard with evidence is weighted 0, so there is no overall grade.',
    asOf: (date: string) => `As of ${date}`,
    evidenceCount: (n: number) => `${n} ${plural(n, 'piece', 'pieces')} of evidence`,
    website: 'Website',
    photo: (name: string) => `Photo of ${name}`,
    term: (start: string, end: string | null) => (end ? `In office ${start} to ${end}` : `In office since ${start}`),
    runningIn: 'On the ballot',
    standardsHeading: 'Standard by standard',
    radarHeading: 'At a glance',
    radarLabel: (name: string, list: string) => `Radar chart of ${name}'s scores on the ten standards: ${list}.`,
    trendHeading: 'Over time',
    trendIntro: 'The overall score and each standard’s score, recomputed from the evidence known at the end of each period.',
    evidenceHeading: 'The evidence',
    seeEvidence: (n: number) => `See ${n} ${plural(n, 'entry', 'entries')}`,
  },

  standardCard: {
    noEvidence: 'Not enough evidence',
    evidence: (n: number) => `${n} ${plural(n, 'entry', 'entries')}`,
  },

  evidence: {
    filterLabel: 'Show evidence on',
    allStandards: 'All standards',
    filterButton: 'Show',
    shown: (n: number, total: number) => (n === total ? `${n} ${plural(n, 'entry', 'entries')}` : `${n} of ${total} entries shown`),
    none: 'No public evidence yet.',
    noneForStandard: 'No public evidence on this standard yet.',
    rating: 'Rating',
    kind: 'Kind',
    date: 'Happened on',
    standard: 'Standard',
    sources: 'Sources',
    archived: 'archived copy',
    retracted: 'Retracted',
    retractedReason: (reason: string) => `Retracted, no longer counted: ${reason}`,
    corrected: (date: string, note: string) => `Corrected on ${date}: ${note}`,
  },

  priorities: {
    heading: 'Your priorities',
    summary: 'Weigh the standards yourself',
    intro:
      'Some standards may matter more to you. Weigh each one from 0 (leave it out) to 3 (counts three times) and the overall grade is recomputed at once with the same method. Copy the page address to share your weighting.',
    noScript: 'Turn on JavaScript to weigh the standards yourself.',
    weightWords: ['Left out', 'Normal', 'Double', 'Triple'],
    weightValue: (weight: number, word: string) => `${word} (×${weight})`,
    reset: 'Reset to equal weights',
    equal: 'Showing the coalition’s equal weights: every standard counts the same.',
    custom: (list: string) => `Showing your priorities: ${list}. Other standards count normally.`,
    customItem: (standard: string, weight: number) => `${standard} ×${weight}`,
    label: (title: string) => `Weight of ${title}`,
  },

  election: {
    description: (name: string) => `${name}: the candidates side by side on ten community standards for the District Attorney.`,
    date: (date: string) => `Election day: ${date}`,
    registration: (date: string) => `Register to vote by ${date}`,
    officialInfo: 'Official election information',
    tableHeading: 'Standard by standard',
    tableCaption: 'Each candidate’s grade and score on the ten standards',
    standardColumn: 'Standard',
    overallRow: 'Overall',
    chartHeading: 'Scores side by side',
    chartLabel: (list: string) => `Bar chart of the candidates' scores on each standard. ${list}`,
    print: 'Print a one-page voter guide',
    printNote: 'Voter guide printed from',
    noCandidates: 'No candidates have been added to this election yet.',
    candidatesHeading: 'The candidates',
  },

  standard: {
    description: (title: string) => `What the standard “${title}” means, the District Attorney’s power over it, and everyone’s grade on it.`,
    meaning: 'What it means',
    power: 'The District Attorney’s power over it',
    indicators: 'What evidence counts',
    gradesHeading: 'Everyone’s grade on this standard',
    person: 'Person',
    gradeColumn: 'Grade',
    latest: 'Latest evidence',
    noEvidence: 'No evidence yet',
    others: 'The other standards',
  },

  methodology: {
    title: 'How grading works',
    description: 'The published method that turns sourced evidence into grades, step by step, with a worked example.',
    intro:
      'Every grade on this site comes from the same published method, applied by a computer to reviewed evidence. No one assigns a grade by hand.',
    version: (v: number) => `Method version ${v}`,
    stepsHeading: 'The method in plain words',
    pointsHeading: 'Points for each rating',
    ratingColumn: 'Rating',
    pointsColumn: 'Points',
    kindsHeading: 'Weight of each kind of evidence',
    kindColumn: 'Kind',
    weightColumn: 'Weight',
    gradesHeading: 'Grade scale',
    gradeColumn: 'Grade',
    fromColumn: 'Score from',
    exampleHeading: 'A worked example',
    example: (calculation: string, grade: string) =>
      `On one standard, an official action rated +2 and a statement rated −1 give ${calculation}, a grade ${grade}.`,
    prioritiesHeading: 'Your priorities',
    priorities:
      'On a person’s or an election’s page you can weigh the standards yourself. The same method computes the overall score as a weighted average; coverage still counts every standard with evidence. Your weighting is only yours: it lives in the page address and is never stored.',
    reviewHeading: 'How evidence is reviewed',
    dataHeading: 'Check our work',
    data: 'All public evidence can be downloaded, and everything on this site is available as open JSON.',
    methodJson: 'The method as JSON',
  },

  events: {
    title: 'Events',
    description: 'Candidate forums and other public events about the District Attorney’s office.',
    upcoming: 'Upcoming',
    past: 'Past',
    noUpcoming: 'No upcoming events are listed yet.',
    noPast: 'No past events.',
    with: 'With',
    where: 'Where',
    moreInfo: 'More information',
    flyer: (title: string) => `Flyer for ${title}`,
  },

  charts: {
    noScript: 'The chart needs JavaScript; the same numbers are in the table.',
    loadFailed: 'The chart could not be drawn; the same numbers are in the table.',
    showTable: 'Show the numbers as a table',
    overall: 'Overall',
    date: 'As of',
    scoreAxis: 'Score (0 to 100)',
    trendLoading: 'Loading the history…',
    trendError: 'The history could not be loaded.',
    trendEmpty: 'There is no evidence yet, so there is no history to show.',
    trendLabel: (name: string, first: string, last: string) =>
      `Line chart of ${name}'s overall score over time, from ${first} to ${last}. The numbers are in the table below.`,
    noScore: 'none',
  },

  share: {
    /** Alt text of a page's share image. */
    imageAlt: (title: string) => `${title}: grades on the DA accountability scorecard`,
    /** A link preview's title carries the grade. */
    previewTitle: (name: string, grade: string | null, score: number | null) =>
      grade === null || score === null ? `${name} on the DA scorecard` : `${name}: ${grade} (${score}/100) on the DA scorecard`,
    demo: 'Demo data',
    weighted: 'Weighted by a voter’s priorities',
    standardOn: (title: string) => `On “${title}”`,
  },

  notFound: {
    title: 'Page not found',
    body: 'We could not find that page. The link may be mistyped, or the page may have moved.',
    home: 'Go to the home page',
  },
  serverError: {
    title: 'Something went wrong',
    body: 'The page could not be shown. Please try again in a moment.',
  },
};

export type Messages = typeof en;
