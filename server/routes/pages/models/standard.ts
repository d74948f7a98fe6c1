import { messagesFor } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import type { Repositories } from '../../../plugins/repositories.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import type { StandardView } from '../views/standard.js';
import { shareImagePath, type PageModel } from './model.js';

/** `/standards/:slug`: one standard, every person's grade on it and their latest evidence. Null when unknown. */
export async function standardPageModel(repos: Repositories, slug: string, locale: Locale): Promise<PageModel<StandardView> | null> {
  const msg = messagesFor(locale);
  const { standards, subjects, evidence, scorecards } = repos;
  const standard = await standards.bySlug(slug, locale);
  if (!standard) return null;
  const standardId = (await standards.refs()).find((s) => s.slug === standard.slug)!.id;
  const entries = await evidence.listPublic({ standardId });
  const people = await Promise.all(
    (await subjects.rows()).map(async (row) => {
      const subject = toPublicSubject(row);
      const card = await scorecards.forSubject(row, undefined, locale);
      const score = card.standards.find((s) => s.slug === standard.slug)!;
      // Newest first: the first entry about this person is their latest.
      return { subject, grade: score.grade, score: score.score, latest: entries.find((e) => e.subject === subject.slug) ?? null };
    }),
  );
  return {
    name: 'standard',
    title: standard.title,
    description: msg.standard.description(standard.title),
    path: `/standards/${standard.slug}`,
    ogType: 'article',
    demo: people.some((p) => p.subject.demo),
    share: { image: shareImagePath('standards', standard.slug, locale) },
    view: { standard, standards: await standards.list(locale), people },
  };
}
