import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_LANGUAGE, langQuery } from '../../i18n/language.js';
import { PAGE_CSP_DIRECTIVES } from '../../plugins/security-headers.js';
import { slugParam, slugParams } from '../../schemas/common.js';
import { stringsFor } from '../../../i18n/widget.js';
import { pagePath } from '../../../i18n/locales.js';
import { badgeContent, badgeSvg, missingBadgeSvg } from './badge-svg.js';
import { builderPage } from './builder-page.js';
import { framePage, missingFramePage } from './frame-page.js';
import { fullPagePath, VARIANTS, type WidgetChoice } from './snippets.js';

const HTML = 'text/html; charset=utf-8';
const SVG = 'image/svg+xml; charset=utf-8';

/**
 * The partner-facing pages: /embed (the snippet builder), /embed/:slug (the widget alone,
 * for iframes) and /badge/:slug.svg (an image of the grade).
 */
const routes: FastifyPluginAsyncZod<{ production: boolean }> = async (fastify, opts) => {
  const { subjects, standards, elections, scorecards } = fastify.repositories;
  // Snippets are pasted into other sites for years: they name fastify.publicOrigin (PUBLIC_ORIGIN), never the Host header.

  fastify.get(
    '/embed',
    {
      schema: {
        hide: true,
        querystring: z.object({
          variant: z.enum(VARIANTS).default('card'),
          subject: slugParam.optional(),
          standard: slugParam.optional(),
          election: slugParam.optional(),
          lang: langQuery,
        }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const lang = q.lang ?? DEFAULT_LANGUAGE;
      const { strings } = stringsFor(lang);
      const people = subjects.list();
      const refs = standards.refs();
      const votes = elections.list();
      // An unknown slug (a stale link) falls back to the first choice rather than failing.
      const pick = <T extends { slug: string }>(items: T[], slug?: string) => (items.find((i) => i.slug === slug) ?? items[0])?.slug ?? '';
      const choice: WidgetChoice = {
        variant: q.variant === 'compare' && votes.length === 0 ? 'card' : q.variant,
        subject: pick(people, q.subject),
        standard: pick(refs, q.standard),
        election: pick(votes, q.election),
        lang,
      };
      let title = strings.scorecardName;
      let imageAlt: string | null = null;
      const person = subjects.rowBySlug(choice.subject);
      if (choice.variant === 'compare') {
        title = `${strings.scorecardName}: ${votes.find((e) => e.slug === choice.election)?.name ?? ''}`;
      } else if (person) {
        title = `${strings.scorecardName}: ${person.name}`;
        const standard = choice.variant === 'badge' ? choice.standard : undefined;
        imageAlt = badgeContent(scorecards.forSubject(person, undefined, lang), strings, lang, standard)?.description ?? null;
      }
      return reply
        .type(HTML)
        .send(builderPage({ origin: fastify.publicOrigin, choice, subjects: people, standards: refs, elections: votes, title, imageAlt }));
    },
  );

  fastify.get(
    '/embed/:slug',
    {
      // Partner sites frame this page: any ancestor may, and nothing else about the page changes.
      helmet: {
        contentSecurityPolicy: {
          directives: { ...PAGE_CSP_DIRECTIVES, frameAncestors: ['*'], upgradeInsecureRequests: opts.production ? [] : null },
        },
        xFrameOptions: false,
      },
      schema: {
        hide: true,
        params: slugParams,
        querystring: z.object({
          variant: z.enum(VARIANTS).default('card'),
          standard: slugParam.optional(),
          // The partner picks the language in the URL; the visitor's browser does not override it.
          lang: langQuery,
        }),
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const { variant, standard } = request.query;
      const lang = request.query.lang ?? DEFAULT_LANGUAGE;
      const { strings } = stringsFor(lang);
      const site = `${fastify.publicOrigin}${pagePath(lang, '/')}`;
      reply.type(HTML);
      if (variant === 'compare') {
        const election = elections.bySlug(slug);
        if (!election) return reply.code(404).send(missingFramePage(strings.notFound(`“${slug}”`), site, lang));
        const choice: WidgetChoice = { variant, subject: '', standard: '', election: slug, lang };
        return framePage(choice, `${strings.scorecardName}: ${election.name}`, fastify.publicOrigin + fullPagePath(choice), lang);
      }
      const person = subjects.rowBySlug(slug);
      if (!person) return reply.code(404).send(missingFramePage(strings.notFound(`“${slug}”`), site, lang));
      if (variant === 'badge' && !standards.refs().some((s) => s.slug === standard)) {
        return reply.code(404).send(missingFramePage(strings.notFound(`“${standard ?? ''}”`), site, lang));
      }
      const choice: WidgetChoice = { variant, subject: slug, standard: standard ?? '', election: '', lang };
      return framePage(choice, `${strings.scorecardName}: ${person.name}`, fastify.publicOrigin + fullPagePath(choice), lang);
    },
  );

  fastify.get(
    '/badge/:slug.svg',
    {
      // Cached and headed like the JSON API: an image any site may show, with no script.
      config: { publicRead: true },
      schema: {
        hide: true,
        params: slugParams,
        querystring: z.object({ standard: slugParam.optional(), lang: langQuery }),
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const { standard } = request.query;
      // An image has no Accept-Language worth trusting (it is fetched by mail clients and
      // proxies), so the language is only what the snippet asks for.
      const lang = request.query.lang ?? DEFAULT_LANGUAGE;
      const { strings } = stringsFor(lang);
      reply.type(SVG);
      const person = subjects.rowBySlug(slug);
      if (!person) return reply.code(404).send(missingBadgeSvg(`“${slug}”`, strings));
      const content = badgeContent(scorecards.forSubject(person, undefined, lang), strings, lang, standard);
      if (!content) return reply.code(404).send(missingBadgeSvg(`“${standard}”`, strings));
      return badgeSvg(content, strings);
    },
  );
};

export default routes;
