/**
 * The coalition's ten standards, in their published order. Numbers, slugs and titles are
 * fixed by the coalition; the summary, DA-power text and indicators are written for voters
 * and can be edited by admins afterwards (seeding never overwrites edited text).
 */
export interface StandardSeed {
  number: number;
  slug: string;
  title: string;
  summary: string;
  daPower: string;
  indicators: string[];
}

export const STANDARD_SEEDS: StandardSeed[] = [
  {
    number: 1,
    slug: 'equity',
    title: 'Equity Impacts / Identity Justice',
    summary:
      'People should be treated fairly no matter their race, ethnicity, gender, sexual orientation, disability or income. This standard asks whether the District Attorney looks at who is being charged and punished, and works to close the gaps where some groups are treated more harshly than others for the same conduct.',
    daPower:
      'The DA decides which cases to file, which charges to bring, which plea offers to make and which sentences to ask for. Those choices, made thousands of times a year, decide whether gaps between groups grow or shrink.',
    indicators: [
      'Publishing charging and sentencing outcomes broken down by race, ethnicity and gender',
      'Policies that review charging decisions for unequal treatment',
      'Changes in the gaps between groups over time',
      'Use of the Racial Justice Act in reviewing past and current cases',
    ],
  },
  {
    number: 2,
    slug: 'health',
    title: 'Health and Wellness Support, including for people who need mental, physical, emotional, or basic needs support',
    summary:
      'Many people who enter the justice system need treatment, housing or care more than punishment. This standard asks whether the DA steers people with mental illness, addiction, disabilities or unmet basic needs toward support instead of jail.',
    daPower:
      'The DA can decline to charge, offer mental health or drug diversion, support collaborative courts, and agree to treatment instead of custody. The office also takes positions on conservatorships and competency cases.',
    indicators: [
      'Number of people placed in mental health or substance use diversion',
      'Support for collaborative courts such as mental health and veterans courts',
      'Policies on charging people who are unhoused for survival-related offenses',
      'Partnerships with health and housing providers',
    ],
  },
  {
    number: 3,
    slug: 'kids',
    title: 'Treat Kids Like Kids',
    summary:
      "Young people's brains are still developing and they can change. This standard asks whether the DA keeps children and teenagers out of adult courts and adult prisons, and favors responses that help them grow up safely.",
    daPower:
      'The DA decides whether to ask a judge to move a young person to adult court, what charges to file in juvenile court, and whether to offer diversion or informal handling instead of formal prosecution.',
    indicators: [
      'Number of motions to transfer young people to adult court',
      'Use of youth diversion and restorative programs',
      'Policies on charging children under 14',
      'Positions on resentencing people who were sentenced as youths',
    ],
  },
  {
    number: 4,
    slug: 'alternatives',
    title: 'Healing Alternatives to Incarceration / Jail Population Reduction',
    summary:
      'Jail and prison are not the only way to answer harm, and they often make things worse. This standard asks whether the DA uses community-based alternatives and works to reduce the number of people held in the county jail.',
    daPower:
      "The DA's charging choices, plea offers, sentencing requests and use of enhancements decide how many people go to jail and for how long. The office can also support alternatives such as community service, treatment and restorative programs.",
    indicators: [
      'Change in the county jail population',
      'Use of sentencing enhancements that add years to sentences',
      'Number of cases resolved through community-based alternatives',
      'Support for resentencing and early release where the law allows',
    ],
  },
  {
    number: 5,
    slug: 'pretrial',
    title: 'Increase Pretrial Release and Diversion Opportunities',
    summary:
      'People who have not been convicted of anything are presumed innocent. This standard asks whether the DA supports letting people go home while their case moves forward, and offers diversion so a case can end without a conviction.',
    daPower:
      'Prosecutors argue for or against release and bail at arraignment, and decide who is offered pretrial diversion. Their recommendations weigh heavily with judges.',
    indicators: [
      'Office policy on requesting cash bail or detention',
      'Number of people offered pretrial diversion, and how many complete it',
      'Share of people held in jail before trial',
      'Public statements or pledges on pretrial detention',
    ],
  },
  {
    number: 6,
    slug: 'bias',
    title: 'Check Bias in the System and Model Anti-Bias by Recusing in Situations of Law Enforcement Misconduct',
    summary:
      'Prosecutors work closely with police every day, which makes it hard to judge police misconduct fairly. This standard asks whether the DA checks bias in the system, holds law enforcement to the same rules as everyone else, and steps aside in favor of an independent prosecutor when there is a conflict.',
    daPower:
      'The DA decides whether to charge officers who use excessive or deadly force, whether to refer such cases to an independent prosecutor, and whether to keep lists of officers whose credibility is in doubt and share them with the defense.',
    indicators: [
      'Decisions in cases of police use of force and deaths in custody',
      'Policy on recusal or independent review in law enforcement misconduct cases',
      'Keeping and disclosing a list of officers with credibility problems',
      'Implicit-bias training and blind charging practices',
    ],
  },
  {
    number: 7,
    slug: 'transparency',
    title: 'Transparency in Policy, Process, and Data',
    summary:
      'The public can only hold the DA accountable for what it can see. This standard asks whether the office publishes its policies, explains how it makes decisions, and shares data about its cases in a form people can use.',
    daPower:
      'The DA controls what the office publishes: charging policies, case data dashboards, reports on use-of-force reviews, and answers to public records requests.',
    indicators: [
      'A public data dashboard with case outcomes, updated regularly',
      'Office policies posted online',
      'Timely, complete answers to public records requests',
      'Public reports explaining decisions in high-profile cases',
    ],
  },
  {
    number: 8,
    slug: 'engagement',
    title: 'Commitment and Practice of Engagement with the Most Impacted Communities and Neighborhoods',
    summary:
      'The communities most affected by crime and by prosecution should have a say in how the office works. This standard asks whether the DA listens to those neighborhoods regularly, in their languages, and acts on what they hear.',
    daPower:
      'The DA decides whether to hold community meetings, create advisory boards with real influence, attend candidate forums, and make the office reachable in languages other than English.',
    indicators: [
      'Regular public meetings in the most affected neighborhoods',
      'A community advisory board and what it has changed',
      'Attendance at candidate forums and answers to questionnaires',
      'Outreach and materials in Spanish and other languages spoken in the county',
    ],
  },
  {
    number: 9,
    slug: 'immigrants',
    title: 'Protect Immigrants and Refugees from the Collateral Consequences of Charges and Convictions',
    summary:
      'For immigrants and refugees, a conviction, even for a minor offense, can lead to deportation and separation from family. This standard asks whether the DA considers those consequences when charging and making plea offers, as California law requires.',
    daPower:
      'The DA can consider immigration consequences when choosing charges and plea offers, decline to share information with immigration enforcement beyond what the law requires, and train prosecutors on these consequences.',
    indicators: [
      'A written policy on considering immigration consequences in plea offers',
      'Practices on cooperation with federal immigration enforcement',
      'Training for prosecutors on immigration consequences',
      'Support for people seeking to vacate convictions with immigration consequences',
    ],
  },
  {
    number: 10,
    slug: 'restoration',
    title: 'Restoring People and Communities',
    summary:
      'Justice should help repair harm and help people rebuild their lives. This standard asks whether the DA supports survivors of crime, offers restorative justice, and helps people with past convictions clear their records and return to their communities.',
    daPower:
      'The DA runs victim services, can offer restorative justice programs, and can support or oppose record clearance, resentencing and reentry programs.',
    indicators: [
      'Availability of restorative justice programs for survivors and people who caused harm',
      'Support for record clearance and automatic expungement',
      'Help for survivors, including those who do not want incarceration',
      'Support for reentry programs and resentencing',
    ],
  },
];
