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
  /** The name under the icon on a phone's home screen (the web app manifest's short_name). */
  appShortName: 'DA Scorecard',
  siteTagline: 'Sacramento County',
  skipToContent: 'Skip to main content',
  navLabel: 'Main',
  nav: { home: 'Home', election: 'Compare candidates', methodology: 'How grading works', events: 'Events' },
  demoBanner:
    'The people, evidence and events on this site are fictional, shown so you can see how the scorecard works. They say nothing about real people.',
  /** The demo banner on a phone: one line, so the first screen keeps room for the grades. */
  demoBannerShort: 'Fictional people and evidence.',
  /** The phone header's button that opens and closes the main navigation. */
  menu: 'Menu',
  demoBadge: 'Demo',
  demoLabel: 'About this data',
  archivedNote: (what: 'person' | 'election', day: string) =>
    `Archived on ${day}: kept for the record, no longer listed on this site.${what === 'person' ? ' Published evidence about this person stays below.' : ''}`,
  footerAbout: 'A community coalition scorecard. Every grade is computed by a published method from evidence that anyone can check.',
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
    aboutLabel: (name: string) => `About ${name}`,
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
    strongest: 'Strongest',
    weakest: 'Weakest',
    /** Before the title of the entry that weighs most in a standard's score. */
    weighsMost: 'Weighs most:',
    seeEvidence: (n: number) => `See ${n} ${plural(n, 'entry', 'entries')}`,
  },

  standardCard: {
    noEvidence: 'Not enough evidence',
    evidence: (n: number) => `${n} ${plural(n, 'entry', 'entries')}`,
    recent: 'Most recent:',
    showAll: (n: number) => `Show all ${n}`,
    /** The toggle over a standard's retracted entries. */
    retracted: (n: number) => `Retracted (${n})`,
  },

  evidence: {
    filterLabel: 'Show evidence on',
    allStandards: 'All standards',
    filterButton: 'Show',
    shown: (n: number, total: number) => (n === total ? `${n} ${plural(n, 'entry', 'entries')}` : `${n} of ${total} entries shown`),
    recentOf: (n: number, total: number) => `The ${n} most recent of ${total} entries; choose a standard to see all of its entries`,
    none: 'No public evidence yet.',
    noneForStandard: 'No public evidence on this standard yet.',
    rating: 'Rating',
    kind: 'Kind',
    date: 'Happened on',
    standard: 'Standard',
    sources: 'Sources',
    archived: 'archived copy',
    retracted: 'Retracted',
    retractedReason: (reason: string) => `No longer counted: ${reason}`,
    corrected: (date: string, note: string) => `Corrected on ${date}: ${note}`,
  },

  evidencePage: {
    description: (title: string, person: string) =>
      `Evidence about ${person}: ${title}. Its sources, how it counts, and its public history.`,
    eyebrow: 'Evidence entry',
    permalink: (title: string) => `The page of “${title}”`,
    person: 'Person',
    standard: 'Standard',
    counts: 'How it counts',
    countsWeight: (kind: string, weight: number) => `${kind}: weight ${weight}.`,
    countsNow: (person: string, standard: string, grade: string) => `${person}’s grade on ${standard} with it: ${grade}.`,
    countsWithout: (grade: string) => `Without it: ${grade}.`,
    noGrade: 'no grade',
    notCounted: 'Retracted: it no longer counts in any grade.',
    historyHeading: 'Public history',
    history: {
      submitted: 'Submitted by a volunteer',
      published: 'Checked and published by a reviewer',
      corrected: 'Corrected, approved by a second reviewer',
      retracted: 'Retracted, approved by a second reviewer',
    } as Record<string, string>,
    changed: (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
    fields: {
      subject: 'Person',
      standard: 'Standard',
      rating: 'Rating',
      kind: 'Kind',
      title: 'Title',
      summary: 'Summary',
      occurredOn: 'Happened on',
      sources: 'Sources',
    } as Record<string, string>,
    sourcesChanged: 'the sources were changed',
    review: 'Every entry is checked by a second person before it counts, and every correction or retraction by a second reviewer.',
    back: (person: string) => `All evidence about ${person}`,
  },

  replies: {
    from: (person: string) => `Reply from the office of ${person}`,
    on: (date: string) => `published ${date}`,
    link: 'their link',
    note: 'A reply never changes a grade. Replies are checked only for abuse, never for whether we agree.',
    invited: (date: string) => `Invited to reply on ${date}.`,
    invitedReplied: (date: string) => `Invited to reply on ${date}; the office has replied.`,
    invitedSilent: (date: string) => `Invited to reply on ${date}; no reply yet.`,
  },

  replyPage: {
    title: (person: string) => `Reply to the scorecard of ${person}`,
    intro: (person: string) =>
      `This private link lets the office or campaign of ${person} answer the scorecard publicly. Choose an evidence entry or a standard, write your reply (at most 2,000 characters) and, if you like, add a link. The coalition checks replies only for abuse (threats, personal data, spam), never for whether it agrees; once published, your reply appears beside the entry or standard, marked as yours. A reply never changes a grade.`,
    about: 'What are you replying to?',
    aboutStandards: 'A standard as a whole',
    aboutEntries: 'An evidence entry',
    body: 'Your reply',
    bodyHelp: 'At most 2,000 characters. Shown exactly as written.',
    url: 'Link (optional)',
    urlHelp: 'For example your own statement or data (http or https).',
    submit: 'Send the reply for publication',
    sent: 'Thank you. Your reply was received and will appear once checked.',
    failed: (message: string) => `The reply could not be sent: ${message}`,
    needsScript: 'Sending a reply needs JavaScript.',
    invalidTitle: 'This reply link is not valid',
    invalidBody: 'It may have expired or been revoked. Ask the coalition for a new one.',
    entriesHeading: 'Published evidence',
    standardsHeading: 'The ten standards',
  },

  unsubscribePage: {
    title: 'Turn off these emails',
    topics: {
      'review-queue': '“Entries await your review”, at most once an hour',
      decisions: 'When a reviewer publishes or rejects one of your entries',
      'changes-and-replies': 'Proposed changes awaiting a second reviewer, and replies from an office awaiting review',
    },
    question: (address: string) => `Stop sending these emails to ${address}?`,
    submit: 'Turn them off',
    doneTitle: 'These emails are off',
    done: (address: string) => `We will not send these emails to ${address} any more.`,
    others:
      'Invitations and password-reset links are always sent. To turn these emails back on, or to turn off others, sign in and open your account’s “Emails you can turn off”.',
    account: 'Open my email choices',
    invalidTitle: 'This link is not valid',
    invalidBody: 'It may have been copied incompletely. Sign in and open your account to choose which emails you receive.',
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
    /** One line per candidate comparing them with the others, standard by standard. */
    standing: (s: { leads: number; trails: number; ties: number; only: number; noEvidence: number }) => {
      const std = (n: number) => `${n} ${plural(n, 'standard', 'standards')}`;
      const compared = [
        s.leads ? `leads on ${std(s.leads)}` : '',
        s.trails ? `trails on ${s.leads ? s.trails : std(s.trails)}` : '',
        s.ties ? `tied on ${s.leads || s.trails ? s.ties : std(s.ties)}` : '',
      ].filter(Boolean);
      const parts = [
        compared.join(', '),
        s.only ? `the only candidate with evidence on ${std(s.only)}` : '',
        s.noEvidence ? `not enough evidence on ${s.leads || s.trails || s.ties || s.only ? s.noEvidence : std(s.noEvidence)}` : '',
      ].filter(Boolean);
      const sentence = parts.join('; ');
      return sentence ? `${sentence[0].toUpperCase()}${sentence.slice(1)}.` : '';
    },
    registerNoDate: 'Register to vote before election day.',
    registerLink: 'Register to vote (California Secretary of State)',
    sameDayLink: 'Same-day (conditional) voter registration',
    registeringSameDay:
      'Missed the deadline? In California you can still register and vote on the same day, up to and on election day, at the county elections office or a vote center (conditional voter registration).',
    sameDay: (deadline: string) =>
      `The deadline to register online or by mail was ${deadline}. You can still register and vote on the same day, up to and on election day, at the county elections office or a vote center: this is called conditional voter registration.`,
    electionDay:
      'Today is election day: polls are open from 7 a.m. to 8 p.m. Not registered yet? You can still register and vote today at a vote center (conditional voter registration).',
    counting: (date: string) => `Election day was ${date}. The results will appear here once they are known.`,
    resultsHeading: 'Results',
  },

  standard: {
    description: (title: string) =>
      `What the standard “${title}” means, the District Attorney’s power over it, and everyone’s grade on it.`,
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
    flyerPdf: (title: string) => `Flyer for ${title} (PDF)`,
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
    trendChoose: 'Add the line of a standard',
    trendAlso: (list: string) => `Also drawn: ${list}.`,
    trendTable: 'The history as a table',
    noScore: 'none',
  },

  /** The partner kit at /embed: put a scorecard on another website. */
  embed: {
    footerLink: 'Put a scorecard on your site',
    title: 'Put a scorecard on your site',
    description:
      'Embed the District Attorney scorecard on a partner website: a script, an iframe or an image, with steps for Wix, Squarespace and WordPress.',
    intro:
      'Choose a person, a standard or an election and how to show it. The preview is what your visitors will see; copy the snippet your website accepts. Every widget shows the date its grades are from, the coalition that publishes them, and links back to the full scorecard and to how grades work.',
    empty: 'There are no scorecards to embed yet.',
    show: 'Show',
    variants: {
      card: { name: 'Card', hint: 'a person’s overall grade and the ten standards' },
      chart: { name: 'Chart', hint: 'a person’s ten scores as a radar chart, with a table' },
      badge: { name: 'One standard', hint: 'a person’s grade on one standard' },
      compare: { name: 'Election', hint: 'an election’s candidates side by side' },
    },
    person: 'Person',
    standard: 'Standard',
    election: 'Election',
    widgetLanguage: 'Language of the widget',
    previewWidth: 'Preview width',
    widthOption: (px: number) => `${px} px`,
    update: 'Update the preview',
    preview: 'Preview',
    previewAt: (px: number) => `As it looks in a column ${px} px wide`,
    copyHeading: 'Copy a snippet',
    codeToCopy: (what: string) => `${what}: code to copy`,
    copy: (what: string) => `Copy the ${String(what).toLowerCase()} code`,
    copied: (what: string) => `${what} code copied to the clipboard.`,
    copiedButton: 'Copied',
    script: 'Script',
    scriptHelp: 'Best where your site accepts HTML with scripts. It follows your page’s width and can be themed (see below).',
    iframe: 'Iframe',
    iframeHelp:
      'For site builders that accept only an iframe. The script line is optional: it lets the frame grow to fit. Pages that already use pym.js or AMP need no extra script: the frame speaks both.',
    previewIframe: 'Preview the iframe',
    image: 'Image',
    imageHelp: 'For email, forums and anywhere scripts and frames are not allowed.',
    markdown: 'Markdown',
    markdownHelp: 'The same image for forums and Markdown pages.',
    imageNote: 'Images show one person: choose Card, Chart or One standard for an image snippet.',
    stepsHeading: 'Step by step on your website',
    steps: {
      wix: {
        name: 'Wix',
        steps: [
          'In the editor, choose Add (+), then Embed Code, then Embed HTML.',
          'Choose “Code”, paste the iframe snippet above, and select Update.',
          'Drag the box’s bottom edge to the height in the table below for your box’s width (Wix boxes do not grow by themselves).',
        ],
      },
      squarespace: {
        name: 'Squarespace',
        steps: [
          'Edit the page, select an insert point (+) and choose Code.',
          'Paste the script snippet (or the iframe snippet) and leave “Display source” off.',
          'Save. Squarespace shows scripts only on the published page, not in the editor.',
        ],
      },
      wordpress: {
        name: 'WordPress',
        steps: [
          'Paste the address of a person’s or an election’s page on its own line: WordPress embeds it (oEmbed).',
          'Or add a Custom HTML block and paste the script snippet.',
          'On WordPress.com plans without plugins, scripts are removed: use the iframe snippet in a Custom HTML block.',
        ],
      },
      html: {
        name: 'Plain HTML',
        steps: ['Paste the script snippet where the scorecard should appear. It takes the width of the element it is in.'],
      },
    },
    heightsHeading: 'Heights for fixed-height boxes',
    heightsIntro:
      'Some site builders give an embed a fixed height and never resize it. Set at least this height (in pixels) for the box’s width, so nothing is cut off. An election’s height is for three candidates; each more needs about a fifth more.',
    heightsCaption: 'Height to set, by variant and box width',
    variantColumn: 'Variant',
    widthColumn: (from: number, to: number | null) => (to === null ? `${from} px or wider` : `${from}–${to} px wide`),
    themeHeading: 'Make it match your site',
    themeIntro:
      'The script widget takes these attributes: subject (a person), variant (card, chart, badge or compare), standard (with badge), election (with compare) and lang. Colours and fonts follow CSS custom properties set on the element, for example:',
    themeExample: 'Theming example',
    themeMore: 'The full list of properties and parts is in the project’s README, under “Widgets for partner sites”.',
    shieldsHeading: 'For READMEs and shields.io',
    shieldsIntro: 'A shields.io endpoint gives a small badge of a person’s overall grade (or one standard with ?standard=):',
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
