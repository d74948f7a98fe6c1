import { messagesFor } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import { evidencePath } from '../../../../core/evidence-links.js';
import { counts, gradeFor, KIND_WEIGHTS, roundScore, standardScore } from '../../../../core/scoring/method.js';
import type { Repositories } from '../../../plugins/repositories.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import type { EvidencePageView } from '../views/evidence.js';
import { shareImagePath, type PageModel } from './model.js';

const graded = (score: number | null) => (score === null ? null : { score: roundScore(score), grade: gradeFor(roundScore(score)) });

/**
 * One claim's public record: the entry, what it counts for and by how much (the person's grade
 * on its standard with and without it, by the method's own functions), its public history and
 * replies. Null for an unknown id and for pending, rejected and withdrawn entries alike.
 */
export async function evidencePageModel(repos: Repositories, id: number, locale: Locale): Promise<PageModel<EvidencePageView> | null> {
  const msg = messagesFor(locale);
  const entry = await repos.evidence.findPublic(id);
  const row = entry && (await repos.subjects.rowBySlug(entry.subject));
  if (!entry || !row) return null;
  const subject = toPublicSubject(row);
  const standardTitle = (await repos.standards.list(locale)).find((s) => s.slug === entry.standard)?.title ?? entry.standard;
  const counted = (await repos.evidence.listPublic({ subjectId: row.id })).filter((e) => e.standard === entry.standard && counts(e));
  return {
    name: 'evidence',
    title: entry.title,
    description: msg.evidencePage.description(entry.title, subject.name),
    path: evidencePath(entry.id),
    ogType: 'article',
    demo: entry.demo,
    oembed: true,
    share: { image: shareImagePath('evidence', String(entry.id), locale) },
    view: {
      entry,
      subject,
      standardTitle,
      counts: {
        weight: KIND_WEIGHTS[entry.kind],
        withIt: graded(standardScore(counted)),
        without: graded(standardScore(counted.filter((e) => e.id !== entry.id))),
      },
      history: await repos.evidence.publicHistory(entry.id),
      replies: await repos.replies.publishedFor({ evidenceId: entry.id }),
    },
  };
}
