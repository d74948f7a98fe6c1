import { messagesFor } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import type { Repositories } from '../../../plugins/repositories.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import type { ReplyPageView } from '../views/reply.js';
import type { PageModel } from './model.js';

/**
 * The right of reply's form for the holder of a reply link: the person's published entries and
 * the ten standards. Null when the link is unknown, expired or revoked. Private: never cached
 * or indexed, since its address is the secret.
 */
export async function replyPageModel(repos: Repositories, token: string, locale: Locale): Promise<PageModel<ReplyPageView> | null> {
  const msg = messagesFor(locale);
  let holder;
  try {
    holder = await repos.replies.subjectForToken(token);
  } catch {
    return null;
  }
  const row = (await repos.subjects.rowBySlug(holder.slug))!;
  const subject = toPublicSubject(row);
  return {
    name: 'reply',
    title: msg.replyPage.title(subject.name),
    description: msg.replyPage.title(subject.name),
    path: `/reply/${token}`,
    demo: subject.demo,
    private: true,
    view: { subject, standards: await repos.standards.list(locale), evidence: await repos.evidence.listPublic({ subjectId: row.id }) },
  };
}
