import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pagePath, type Locale } from '../../../i18n/locales.js';
import { html } from '../../html/html.js';
import { OPT_OUT_TOPICS, optOutPath, optOutTopics, type OptOutTopic } from '../../mail/opt-out.js';
import { NOTIFICATION_SETTINGS_PATH } from '../../mail/notifications.js';
import { pageContext, sendPage } from './index.js';

/** `ana@example.org` -> `a…@example.org`: enough to recognise, not enough to harvest from a shared link. */
export function maskedAddress(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '…' : `${email[0]}…${email.slice(at)}`;
}

// The token is base64url (server/auth/token.ts) and the topic one of the groups: anything else is
// an unknown link before any lookup (a NUL byte, say, which PostgreSQL refuses in text).
const params = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/), topic: z.enum(optOutTopics) });

/**
 * The link at the foot of every optional email: turn that group of emails off without signing
 * in. GET only asks (mail scanners open links, and must not unsubscribe anyone); the page's
 * form, or a mail program's RFC 8058 one-click POST, does it. The token in the address is the
 * whole authority, so the POST reads no session and skips the cross-site check (plugins/csrf.ts).
 */
const unsubscribeRoutes: FastifyPluginAsyncZod<{ locale: Locale }> = async (fastify, { locale }) => {
  // RFC 8058 sends `List-Unsubscribe=One-Click` as a form; the page's own form does the same.
  // The address already says everything, so any body, of any type, is read (to a small limit)
  // and ignored: a mail program's odd encoding must not turn a valid link into an error.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));

  async function answer(request: FastifyRequest, reply: FastifyReply, act: boolean) {
    const ctx = await pageContext(fastify, request, locale);
    const u = ctx.msg.unsubscribePage;
    const { token, topic } = request.params as z.infer<typeof params>;
    const holder = await fastify.mail.queue.optOutHolder(token);
    const settings = pagePath(locale, NOTIFICATION_SETTINGS_PATH);
    const page = { name: 'unsubscribe' as const, path: '/unsubscribe', demo: false, private: true };
    if (!holder) {
      return sendPage(
        reply,
        ctx,
        {
          ...page,
          title: u.invalidTitle,
          description: u.invalidBody,
          body: html`<section class="hero"><h1>${u.invalidTitle}</h1><p class="lede">${u.invalidBody}</p><p><a class="button" href="${settings}">${u.account}</a></p></section>`,
        },
        404,
      );
    }
    const group = topic as OptOutTopic;
    const address = maskedAddress(holder.email);
    if (act && holder[OPT_OUT_TOPICS[group]]) {
      // Audited as the account's own settings change, like the same switch on the account page.
      await fastify.repositories.users.updateSettings(holder.id, { [OPT_OUT_TOPICS[group]]: false }, { id: holder.id });
    }
    const title = act ? u.doneTitle : u.title;
    const body = act
      ? html`<section class="hero"><h1>${title}</h1><p class="lede">${u.topics[group]}</p><p role="status">${u.done(address)}</p>
  <p>${u.others}</p><p><a href="${settings}">${u.account}</a></p></section>`
      : html`<section class="hero"><h1>${title}</h1><p class="lede">${u.topics[group]}</p>
  <form method="post" action="${pagePath(locale, optOutPath(token, group))}"><p>${u.question(address)}</p>
    <input type="hidden" name="List-Unsubscribe" value="One-Click"><p><button type="submit" class="button">${u.submit}</button></p></form>
  <p>${u.others}</p><p><a href="${settings}">${u.account}</a></p></section>`;
    return sendPage(reply, ctx, { ...page, title, description: u.topics[group], body });
  }

  fastify.get('/unsubscribe/:token/:topic', { schema: { params } }, (request, reply) => answer(request, reply, false));
  fastify.post('/unsubscribe/:token/:topic', { schema: { params }, config: { addressTokenOnly: true } }, (request, reply) =>
    answer(request, reply, true),
  );
};

export default unsubscribeRoutes;
