import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../../server/plugins/repositories.js';
import { computeScorecard } from '../../../../core/scoring/method.js';
import { electionPageModel } from '../../../../server/routes/pages/models/election.js';
import { eventsPageModel } from '../../../../server/routes/pages/models/events.js';
import { homePageModel } from '../../../../server/routes/pages/models/home.js';
import { methodologyPageModel } from '../../../../server/routes/pages/models/methodology.js';
import { standardRefs } from '../../../../server/routes/pages/models/model.js';
import { personPageModel } from '../../../../server/routes/pages/models/person.js';
import { standardPageModel } from '../../../../server/routes/pages/models/standard.js';
import { buildTestApp, type TestApp } from '../../../helper.js';

// The page models read the repositories directly: no request, no HTML, on the demo data.
let t: TestApp;
let repos: Repositories;
beforeAll(async () => {
  t = await buildTestApp();
  repos = t.app.repositories;
});
afterAll(() => t.close());

const PERSON = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';

describe('personPageModel', () => {
  it('has the ten standards in order and the overall grade the scoring method gives', async () => {
    const model = (await personPageModel(repos, PERSON, {}, 'en'))!;
    expect(model.name).toBe('person');
    expect(model.path).toBe(`/people/${PERSON}`);
    expect(model.demo).toBe(true);
    const cards = model.view.card.standards;
    expect(cards).toHaveLength(10);
    expect(cards.map((s) => s.slug)).toEqual((await repos.standards.list('en')).map((s) => s.slug));
    const numbers = (await repos.standards.list('en')).map((s) => s.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const row = (await repos.subjects.rowBySlug(PERSON))!;
    const expected = computeScorecard(
      await standardRefs(repos, 'en'),
      (await repos.evidence.listPublic({ subjectId: row.id })).map(({ standard, rating, kind, status, occurredOn }) => ({
        standard,
        rating,
        kind,
        status,
        occurredOn,
      })),
      {
        asOf: model.view.card.asOf,
      },
    ).overall;
    expect(expected.grade).not.toBeNull();
    expect(model.view.overall.grade).toBe(expected.grade);
    expect(model.view.card.overall.grade).toBe(expected.grade);
    expect(model.description).toContain(expected.grade!);
    expect(model.view.elections.map((e) => e.slug)).toEqual([ELECTION]);
  });

  it('follows the voter’s weighting and keeps only a real standard as the evidence filter', async () => {
    const slugs = (await repos.standards.list('en')).map((s) => s.slug);
    // Only the first standard counts: the overall score is that standard's score.
    const w = slugs.map((slug, i) => `${slug}:${i === 0 ? 3 : 0}`).join(',');
    const model = (await personPageModel(repos, PERSON, { w, standard: slugs[1] }, 'en'))!;
    expect(model.view.weights[slugs[0]]).toBe(3);
    expect(model.view.overall.score).toBe(model.view.card.standards[0].score);
    expect(model.view.filter).toBe(slugs[1]);
    expect((await personPageModel(repos, PERSON, { standard: 'no-such-standard' }, 'en'))!.view.filter).toBeNull();
  });

  it('is in the asked language', async () => {
    const model = (await personPageModel(repos, PERSON, {}, 'es'))!;
    expect(model.view.standards.map((s) => s.title)).toEqual((await repos.standards.list('es')).map((s) => s.title));
    expect(model.view.standards[0].title).not.toBe((await repos.standards.list('en'))[0].title);
  });

  it('is not found for an unknown slug', async () => {
    expect(await personPageModel(repos, 'no-such-person', {}, 'en')).toBeNull();
  });
});

describe('electionPageModel', () => {
  it('has every candidate with a scorecard and an overall score each', async () => {
    const model = (await electionPageModel(repos, ELECTION, {}, 'en'))!;
    expect(model.view.election.candidates.map((c) => c.slug)).toEqual([
      'demo-avery-placeholder',
      'demo-jordan-sample',
      'demo-riley-example',
    ]);
    for (const c of model.view.election.candidates) {
      expect(c.scorecard.standards).toHaveLength(10);
      expect(model.view.overall.get(c.slug)).toEqual(c.scorecard.overall);
    }
    expect(model.pageData).toMatchObject({ page: 'election' });
  });

  it('is not found for an unknown slug', async () => {
    expect(await electionPageModel(repos, 'no-such-election', {}, 'en')).toBeNull();
  });
});

describe('standardPageModel', () => {
  it('grades every person on the standard', async () => {
    const slug = (await repos.standards.list('en'))[0].slug;
    const model = (await standardPageModel(repos, slug, 'en'))!;
    expect(model.view.standard.slug).toBe(slug);
    expect(model.view.people.map((p) => p.subject.slug)).toEqual((await repos.subjects.list()).map((s) => s.slug));
    const avery = model.view.people.find((p) => p.subject.slug === PERSON)!;
    const card = (await personPageModel(repos, PERSON, {}, 'en'))!.view.card;
    expect(avery.grade).toBe(card.standards[0].grade);
  });

  it('is not found for an unknown slug', async () => {
    expect(await standardPageModel(repos, 'no-such-standard', 'en')).toBeNull();
  });
});

describe('the pages without a slug', () => {
  it('home: every person, the incumbent and the current election', async () => {
    const model = await homePageModel(repos, 'en');
    expect(model.view.people).toHaveLength(3);
    expect(model.view.incumbent?.subject.slug).toBe(PERSON);
    expect(model.view.election?.slug).toBe(ELECTION);
  });

  it('events: upcoming soonest first, past latest first', async () => {
    const { upcoming, past } = (await eventsPageModel(repos, 'en')).view;
    const now = new Date().toISOString();
    expect(upcoming.every((e) => e.startsAt >= now)).toBe(true);
    expect(past.every((e) => e.startsAt < now)).toBe(true);
    expect(upcoming.map((e) => e.startsAt)).toEqual([...upcoming.map((e) => e.startsAt)].sort());
    expect(past.map((e) => e.startsAt)).toEqual([...past.map((e) => e.startsAt)].sort().reverse());
  });

  it('methodology: the method and the stored text in the page’s language', async () => {
    const model = await methodologyPageModel(repos, 'es');
    expect(model.view.lang).toBe('es');
    expect(model.view.method).toBeDefined();
    expect(model.title).not.toBe((await methodologyPageModel(repos, 'en')).title);
  });
});
