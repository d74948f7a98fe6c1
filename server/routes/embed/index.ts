import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_LANGUAGE, langQuery } from '../../i18n/language.js';
import { PAGE_CSP_DIRECTIVES } from '../../plugins/security-headers.js';
import { slugParam, slugParams } from '../../schemas/common.js';
import { stringsFor } from '../../../i18n/widget.js';
import { badgeContent, badgeSvg, GRADE_FILL, missingBadgeSvg } from './badge-svg.js';
import { embeddablePage, oembedResponse } from './oembed.js';
import { errorResponse } from '../../schemas/common.js';
import { HttpError, notFound } from '../../errors.js';
import { messagesFor } from '../../../i18n/catalog.js';
import { fullSiteName } from '../../repositories/site.js';
import { builderBody, PREVIEW_WIDTHS } from './builder-page.js';
import { pageContext, sendPage } from '../pages/index.js';
import { LOCALES, pagePath } from '../../../i18n/locales.js';
import { framePage, missingFramePage } from './frame-page.js';
import { fullPagePath, VARIANTS, type WidgetChoice } from './snippets.js';

const HTML = 'text/html; charset=utf-8';

/** shields.io's endpoint schema (https://shields.io/badges/endpoint-badge). */
const shieldsBadge = z.object({ schemaVersion: z.literal(1), label: z.string(), message: z.string(), color: z.string() });

/** An oEmbed 1.0 "rich" answer (https://oembed.com, section 2.3.4). */
const oembedAnswer = z.object({
  version: z.literal('1.0'),
  type: z.literal('rich'),
  html: z.string(),
  width: z.number(),
  height: z.number(),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
});
const SVG = 'image/svg+xml; charset=utf-8';

/**
 * The partner-facing pages: /embed (the snippet builder), /embed/:slug (the widget alone,
 * for iframes) and /badge/:slug.svg (an image of the grade).
 */
const routes: FastifyPluginAsyncZod<{ production: boolean }> = async (fastify, opts) => {
  const { subjects, standards, elections, scorecards, site } = fastify.repositories;
  // Snippets are pasted into other sites for years: they name fastify.publicOrigin (PUBLIC_ORIGIN), never the Host header.

  /** The partner kit, in each of the site's languages: /embed and /es/embed. */
  for (const locale of LOCALES) {
    fastify.get(
      pagePath(locale, '/embed'),
      {
        schema: {
          hide: true,
          querystring: z.object({
            variant: z.enum(VARIANTS).default('card'),
            subject: slugParam.optional(),
            standard: slugParam.optional(),
            election: slugParam.optional(),
            lang: langQuery,
            width: z.enum(PREVIEW_WIDTHS).default('360'),
          }),
        },
      },
      async (request, reply) => {
        const q = request.query;
        // The widget speaks the page's language unless the partner picks another.
        const lang = q.lang ?? locale;
        const { strings } = stringsFor(lang);
        const people = await subjects.list();
        const refs = (await standards.list(lang)).map(({ slug, number, title }) => ({ slug, number, title }));
        const votes = await elections.list();
        // An unknown slug (a stale link) falls back to the first choice rather than failing.
        const pick = <T extends { slug: string }>(items: T[], slug?: string) =>
          (items.find((i) => i.slug === slug) ?? items[0])?.slug ?? '';
        const choice: WidgetChoice = {
          variant: q.variant === 'compare' && votes.length === 0 ? 'card' : q.variant,
          subject: pick(people, q.subject),
          standard: pick(refs, q.standard),
          election: pick(votes, q.election),
          lang,
        };
        let title = strings.scorecardName;
        let imageAlt: string | null = null;
        const person = await subjects.rowBySlug(choice.subject);
        if (choice.variant === 'compare') {
          title = `${strings.scorecardName}: ${votes.find((e) => e.slug === choice.election)?.name ?? ''}`;
        } else if (person) {
          title = `${strings.scorecardName}: ${person.name}`;
          const standard = choice.variant === 'badge' ? choice.standard : undefined;
          imageAlt =
            badgeContent(
              await scorecards.forSubject(person, undefined, lang),
              strings,
              lang,
              standard,
              (await site.identity()).coalitionName,
            )?.description ?? null;
        }
        const ctx = await pageContext(fastify, request, locale);
        const body = builderBody({
          origin: fastify.publicOrigin,
          locale,
          choice,
          width: q.width,
          subjects: people,
          standards: refs,
          elections: votes,
          title,
          imageAlt,
        });
        return sendPage(reply, ctx, {
          name: 'embed',
          title: ctx.msg.embed.title,
          description: ctx.msg.embed.description,
          path: '/embed',
          body,
          demo: people.some((p) => p.demo),
          scripts: ['/widget.js', '/widget-builder.js'],
        });
      },
    );
  }

  fastify.get(
    '/embed/:slug',
    {
      // Partner sites frame this page: any ancestor may, and nothing else about the page changes.
      config: {
        securityHeaders: {
          contentSecurityPolicy: {
            directives: { ...PAGE_CSP_DIRECTIVES, frameAncestors: ['*'], upgradeInsecureRequests: opts.production ? [] : null },
          },
          xFrameOptions: false,
        },
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
      const home = `${fastify.publicOrigin}${pagePath(lang, '/')}`;
      reply.type(HTML);
      if (variant === 'compare') {
        const election = await elections.bySlug(slug);
        if (!election) return reply.code(404).send(missingFramePage(strings.noSuchElection(slug), home, lang));
        const choice: WidgetChoice = { variant, subject: '', standard: '', election: slug, lang };
        return framePage(choice, `${strings.scorecardName}: ${election.name}`, fastify.publicOrigin + fullPagePath(choice), lang);
      }
      const person = await subjects.rowBySlug(slug);
      if (!person) return reply.code(404).send(missingFramePage(strings.noSuchPerson(slug), home, lang));
      if (variant === 'badge' && !(await standards.refs()).some((s) => s.slug === standard)) {
        return reply.code(404).send(missingFramePage(strings.noSuchStandard(standard ?? ''), home, lang));
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
      const person = await subjects.rowBySlug(slug);
      if (!person) return reply.code(404).send(missingBadgeSvg(strings.noSuchPerson(slug)));
      const content = badgeContent(
        await scorecards.forSubject(person, undefined, lang),
        strings,
        lang,
        standard,
        (await site.identity()).coalitionName,
      );
      if (!content) return reply.code(404).send(missingBadgeSvg(strings.noSuchStandard(standard ?? '')));
      return badgeSvg(content, strings);
    },
  );

  fastify.get(
    '/badge/:slug.json',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'A shields.io endpoint badge of a person’s overall grade, or of one standard with ?standard=',
        params: slugParams,
        querystring: z.object({ standard: slugParam.optional(), lang: langQuery }),
        response: { 200: shieldsBadge, 404: errorResponse },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const { standard } = request.query;
      const lang = request.query.lang ?? DEFAULT_LANGUAGE;
      const { strings } = stringsFor(lang);
      const person = await subjects.rowBySlug(slug);
      if (!person) throw notFound('person', slug);
      const card = await scorecards.forSubject(person, undefined, lang);
      const graded = standard ? card.standards.find((s) => s.slug === standard) : card.overall;
      if (!graded) throw notFound('standard', standard ?? '');
      const label = standard ? `${strings.scorecardName}: ${(graded as (typeof card.standards)[number]).title}` : strings.scorecardName;
      return {
        schemaVersion: 1 as const,
        label,
        message: graded.grade ? `${graded.grade} · ${graded.score}/100` : strings.notEnoughEvidence,
        color: GRADE_FILL[graded.grade ?? 'none'].slice(1),
      };
    },
  );

  fastify.get(
    '/oembed',
    {
      config: { publicRead: true },
      schema: {
        tags: ['public'],
        summary: 'oEmbed for person and election pages: the iframe widget, so a pasted link embeds (JSON only)',
        querystring: z.object({
          url: z.string().max(2000).describe('A person’s or an election’s page on this site, e.g. https://…/people/avery'),
          format: z.enum(['json', 'xml']).optional().describe('json (the default); xml answers 501 Not Implemented'),
          maxwidth: z.coerce.number().int().min(1).max(10_000).optional(),
          maxheight: z.coerce.number().int().min(1).max(10_000).optional(),
        }),
        response: { 200: oembedAnswer, 404: errorResponse, 501: errorResponse },
      },
    },
    async (request) => {
      const { url, format, maxwidth, maxheight } = request.query;
      if (format === 'xml') {
        throw new HttpError(501, 'not-implemented', 'format=xml is not served; ask for format=json');
      }
      const target = embeddablePage(url, new URL(fastify.publicOrigin).host);
      const lang = target?.lang ?? DEFAULT_LANGUAGE;
      const { strings } = stringsFor(lang);
      let choice: WidgetChoice | null = null;
      let title = '';
      if (target?.kind === 'person') {
        const person = await subjects.rowBySlug(target.slug);
        if (person) {
          choice = { variant: 'card', subject: person.slug, standard: '', election: '', lang };
          title = `${strings.scorecardName}: ${person.name}`;
        }
      } else if (target?.kind === 'election') {
        const election = await elections.bySlug(target.slug);
        if (election) {
          choice = { variant: 'compare', subject: '', standard: '', election: election.slug, lang };
          // The election's Spanish name on a Spanish page, where one is written.
          const [named] = await fastify.repositories.translations.localizeElections([election], lang);
          title = `${strings.scorecardName}: ${named.name}`;
        }
      } else if (target?.kind === 'evidence') {
        const entry = await fastify.repositories.evidence.findPublic(Number(target.slug));
        const person = entry && (await subjects.rowBySlug(entry.subject));
        if (entry && person) {
          choice = { variant: 'badge', subject: person.slug, standard: entry.standard, election: '', lang };
          title = `${strings.scorecardName}: ${person.name}`;
        }
      }
      if (!choice)
        throw new HttpError(404, 'not-found', 'That address is not a person’s, an election’s or an evidence page on this scorecard');
      // Named as og:site_name and the manifest name the site: a pasted link says who publishes the grades.
      const provider = {
        name: fullSiteName(messagesFor(lang).siteName, (await site.identity()).coalitionName),
        url: fastify.publicUrl(pagePath(lang, '/')),
      };
      return oembedResponse(fastify.publicOrigin, choice, title, provider, { maxwidth, maxheight });
    },
  );
};

export default routes;
