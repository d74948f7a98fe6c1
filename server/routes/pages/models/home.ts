import { messagesFor } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import { today } from '../../../../core/calendar.js';
import { electionPhase } from '../../../../core/election-phase.js';
import { MIN_COVERAGE } from '../../../../core/scoring/method.js';
import type { Repositories } from '../../../plugins/repositories.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import type { HomeView } from '../views/home.js';
import { currentElection, type PageModel } from './model.js';

/** `/`: every person's overall grade, the current election and the events coming up. */
export async function homePageModel(repos: Repositories, locale: Locale): Promise<PageModel<HomeView>> {
  const msg = messagesFor(locale);
  const { standards, subjects, events, scorecards } = repos;
  const people = await Promise.all(
    (await subjects.rows()).map(async (row) => ({
      subject: toPublicSubject(row),
      card: await scorecards.forSubject(row, undefined, locale),
    })),
  );
  const election = await currentElection(repos);
  const now = new Date().toISOString();
  return {
    name: 'home',
    title: msg.home.title,
    description: msg.home.description,
    path: '/',
    demo: people.some((p) => p.subject.demo),
    view: {
      standards: await standards.list(locale),
      people,
      // The person an admin marked as in office (role "incumbent" on the People screen); a real
      // one always wins over a fictional demo one, so the demo never speaks for the office.
      incumbent:
        people.find((p) => p.subject.role === 'incumbent' && !p.subject.demo) ?? people.find((p) => p.subject.role === 'incumbent') ?? null,
      election: election && { ...election, candidates: election.candidates.map((c) => c.slug), phase: electionPhase(election, today()) },
      upcoming: (await events.list()).filter((e) => e.startsAt >= now),
      minCoverage: MIN_COVERAGE,
    },
  };
}
