import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { messagesFor } from '../../../i18n/catalog.js';
import { DEFAULT_LOCALE, isLocale, localeFromPath, localePrefix, pagePath, type Locale } from '../../../i18n/locales.js';
import { negotiateLanguage } from '../../i18n/language.js';
import { PUBLIC_CACHE_CONTROL } from '../../plugins/caching.js';
import { today } from '../../../core/calendar.js';
import { toPublicSubject } from '../../repositories/subjects.js';
import { slugParams } from '../../schemas/common.js';
import type { PublicEvidence } from '../../schemas/evidence.js';
import { workedExample } from '../../../core/scoring/explanation.js';
import { computeScorecard, describeMethod, MIN_COVERAGE, type OverallScore, type ScoredEvidence } from '../../../core/scoring/method.js';
import { isEqualWeighting, parseWeights } from '../../../core/scoring/weights.js';
import { renderDocument, type PageContext, type PageDocument } from './layout.js';
import type { ElectionPageData, PersonPageData, PrioritiesPageData } from '../../../core/page-data.js';
import { electionBody } from './views/election.js';
import { eventsBody } from './views/events.js';
import { homeBody, messageBody } from './views/home.js';
import { methodologyBody } from './views/methodology.js';
import { personBody } from './views/person.js';
import { standardBody } from './views/standard.js';

/** Remembers the language a visitor chose with the language switch. */
export const LANGUAGE_COOKIE = 'lang';

export interface PageRoutesOptions {
  locale: Locale;
}

/** A repeated parameter (`?w=a&w=b`) counts once: a mangled shared link still opens the page. */
const firstValue = (max: number) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(max).optional());

/** `w` is the voter's weighting ("Your priorities"); `standard` filters the evidence list. */
const pageQuery = z.object({ w: firstValue(400), standard: firstValue(120) });

function scoringInput(entries: PublicEvidence[]): ScoredEvidence[] {
  return entries.map(({ standard, rating, kind, status, occurredOn }) => ({ standard, rating, kind, status, occurredOn }));
}

/** The election voters should look at now: the next one, else the most recent. */
function currentElection(fastify: FastifyInstance) {
  const all = fastify.repositories.elections.list();
  const day = today();
  const upcoming = all.filter((e) => e.electionDate >= day);
  return upcoming.length ? upcoming[upcoming.length - 1] : (all[0] ?? null);
}

export function pageContext(fastify: FastifyInstance, request: FastifyRequest, locale: Locale): PageContext {
  const election = currentElection(fastify);
  return {
    locale,
    msg: messagesFor(locale),
    origin: `${request.protocol}://${request.host}`,
    entry: fastify.clientEntry,
    electionPath: election ? `/elections/${election.slug}` : null,
  };
}

export function sendPage(reply: FastifyReply, ctx: PageContext, page: PageDocument, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    // Pages hold only public data: short caching like the public API, never per-user content.
    .header('cache-control', status === 200 ? PUBLIC_CACHE_CONTROL : 'no-store')
    .send(renderDocument(ctx, page));
}

function sendMessagePage(fastify: FastifyInstance, request: FastifyRequest, reply: FastifyReply, kind: 'not-found' | 'error') {
  const locale = localeFromPath(request.url);
  const ctx = pageContext(fastify, request, locale);
  const text = kind === 'not-found' ? ctx.msg.notFound : ctx.msg.serverError;
  return sendPage(
    reply,
    ctx,
    {
      name: kind,
      title: text.title,
      description: text.body,
      path: '/',
      demo: false,
      body: messageBody(text.title, text.body, ctx.msg.notFound.home, pagePath(locale, '/')),
    },
    kind === 'not-found' ? 404 : 500,
  );
}

/** The HTML 404 for unknown page URLs (the error plugin keeps JSON for /api). */
export function notFoundPage(request: FastifyRequest, reply: FastifyReply) {
  return sendMessagePage(request.server, request, reply, 'not-found');
}

/**
 * The public pages of one locale. Each answer is complete HTML with its meta tags and key
 * facts, so it works without JavaScript; the browser components then enhance it. Register
 * once per locale: `{ locale: 'es', prefix: '/es' }` serves the same pages in Spanish.
 */
const pageRoutes: FastifyPluginAsyncZod<PageRoutesOptions> = async (fastify, { locale }) => {
  const msg = messagesFor(locale);
  const link = (path: string) => pagePath(locale, path);
  const { standards, subjects, evidence, elections, events, scorecards } = fastify.repositories;

  // Registered inside this plugin, so only the pages are compressed (a scorecard page is
  // mostly its evidence list and shrinks about sevenfold); the JSON API keeps its own path.
  await fastify.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });

  // The visitor's language: a `?lang=` from the language switch is remembered in a cookie;
  // on the unprefixed (English) pages, the remembered choice, else Accept-Language on a first
  // visit, sends a Spanish reader to the same page under /es. An /es/ URL is itself a choice,
  // so it is never redirected away from, and a shared link keeps working in either language.
  fastify.addHook('onRequest', async (request, reply) => {
    const url = new URL(request.url, 'http://page.invalid');
    const path = url.pathname.slice(localePrefix(locale).length) || '/';
    const redirectTo = (lang: Locale) => {
      url.searchParams.delete('lang');
      return reply.header('cache-control', 'no-store').redirect(pagePath(lang, path) + url.search, 302);
    };
    const remember = (lang: Locale) =>
      reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true });

    const chosen = url.searchParams.get('lang');
    if (isLocale(chosen)) {
      remember(chosen);
      return redirectTo(chosen); // to the clean URL of the page in the chosen language
    }
    const remembered = request.cookies[LANGUAGE_COOKIE];
    if (locale !== DEFAULT_LOCALE) {
      if (remembered !== locale) remember(locale);
      return;
    }
    reply.header('vary', 'Accept-Language, Cookie');
    const wanted = isLocale(remembered) ? remembered : negotiateLanguage(undefined, request.headers['accept-language']);
    if (wanted !== locale) return redirectTo(wanted);
  });

  // Pages answer errors as pages: a malformed slug is just a page that does not exist.
  fastify.setErrorHandler((err, request, reply) => {
    const status = (err as { statusCode?: number }).statusCode;
    if (hasZodFastifySchemaValidationErrors(err) || status === 404 || status === 400) {
      return sendMessagePage(fastify, request, reply, 'not-found');
    }
    request.log.error({ err }, 'page failed');
    return sendMessagePage(fastify, request, reply, 'error');
  });

  const render = (request: FastifyRequest, reply: FastifyReply, page: PageDocument) =>
    sendPage(reply, pageContext(fastify, request, locale), page);

  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendMessagePage(fastify, request, reply, 'not-found');

  const standardRefs = () => standards.list(locale).map((s) => ({ slug: s.slug, number: s.number, title: s.title, short: msg.standardShort[s.slug] ?? s.title }));

  /** Each subject's overall score under the voter's weighting (the official one when equal). */
  function weightedOverall(input: PrioritiesPageData, weights: Record<string, number>): Map<string, OverallScore> {
    return new Map(
      input.subjects.map((s) => [
        s.slug,
        isEqualWeighting(weights) ? s.official : computeScorecard(input.standards, s.evidence, { asOf: input.asOf, weights }).overall,
      ]),
    );
  }

  fastify.get('/', async (request, reply) => {
    const people = subjects.rows().map((row) => ({ subject: toPublicSubject(row), card: scorecards.forSubject(row, undefined, locale) }));
    const election = currentElection(fastify);
    const now = new Date().toISOString();
    return render(request, reply, {
      name: 'home',
      title: msg.home.title,
      description: msg.home.description,
      path: '/',
      demo: people.some((p) => p.subject.demo),
      body: homeBody(
        msg,
        {
          standards: standards.list(locale),
          people,
          incumbent: people.find((p) => p.subject.role === 'incumbent') ?? null,
          election: election && { ...election, candidates: election.candidates.map((c) => c.slug) },
          upcoming: events.list().filter((e) => e.startsAt >= now),
          minCoverage: MIN_COVERAGE,
        },
        link,
      ),
    });
  });

  fastify.get('/people/:slug', { schema: { params: slugParams, querystring: pageQuery } }, async (request, reply) => {
    const row = subjects.rowBySlug(request.params.slug);
    if (!row) return notFound(request, reply);
    const subject = toPublicSubject(row);
    const card = scorecards.forSubject(row, undefined, locale);
    const allStandards = standards.list(locale);
    const refs = standardRefs();
    const entries = evidence.listPublic({ subjectId: row.id });
    const weights = parseWeights(request.query.w, refs.map((s) => s.slug));
    const filter = allStandards.some((s) => s.slug === request.query.standard) ? request.query.standard! : null;
    const pageData: PersonPageData = {
      page: 'person',
      asOf: card.asOf,
      standards: refs,
      subjects: [{ slug: subject.slug, name: subject.name, evidence: scoringInput(entries), official: card.overall }],
      radar: card.standards.map((s) => ({ slug: s.slug, short: msg.standardShort[s.slug] ?? s.title, score: s.score })),
      firstEvidenceOn: entries.reduce<string | null>((min, e) => (min === null || e.occurredOn < min ? e.occurredOn : min), null),
    };
    const overall = weightedOverall(pageData, weights).get(subject.slug)!;
    return render(request, reply, {
      name: 'person',
      title: subject.name,
      description: msg.person.description(subject.name, card.overall.grade),
      path: `/people/${subject.slug}`,
      ogType: 'profile',
      oembed: true,
      demo: subject.demo,
      pageData,
      body: personBody(
        msg,
        {
          subject,
          card,
          overall,
          weights,
          evidence: entries,
          filter,
          standards: allStandards,
          elections: elections.list().filter((e) => e.candidates.some((c) => c.slug === subject.slug)),
          minCoverage: MIN_COVERAGE,
        },
        link,
      ),
    });
  });

  fastify.get('/elections/:slug', { schema: { params: slugParams, querystring: pageQuery } }, async (request, reply) => {
    const found = elections.bySlug(request.params.slug);
    if (!found) return notFound(request, reply);
    const asOf = today();
    const election = {
      ...found,
      asOf,
      candidates: found.candidates.map((c) => ({ ...toPublicSubject(c), scorecard: scorecards.forSubject(c, asOf, locale) })),
    };
    const refs = standardRefs();
    const pageData: ElectionPageData = {
      page: 'election',
      asOf,
      standards: refs,
      subjects: found.candidates.map((c, i) => ({
        slug: c.slug,
        name: c.name,
        evidence: scoringInput(evidence.listPublic({ subjectId: c.id })),
        official: election.candidates[i].scorecard.overall,
      })),
      bars: election.candidates.map((c) => ({ name: c.name, scores: c.scorecard.standards.map((s) => s.score) })),
    };
    const weights = parseWeights(request.query.w, refs.map((s) => s.slug));
    const path = `/elections/${election.slug}`;
    return render(request, reply, {
      name: 'election',
      title: election.name,
      description: msg.election.description(election.name),
      path,
      oembed: true,
      demo: election.demo || election.candidates.some((c) => c.demo),
      pageData,
      body: electionBody(
        msg,
        {
          election,
          overall: weightedOverall(pageData, weights),
          weights,
          slugs: refs.map((s) => s.slug),
          minCoverage: MIN_COVERAGE,
          canonical: `${request.protocol}://${request.host}${link(path)}`,
        },
        link,
      ),
    });
  });

  fastify.get('/standards/:slug', { schema: { params: slugParams } }, async (request, reply) => {
    const standard = standards.bySlug(request.params.slug, locale);
    if (!standard) return notFound(request, reply);
    const standardId = standards.refs().find((s) => s.slug === standard.slug)!.id;
    const entries = evidence.listPublic({ standardId });
    const people = subjects.rows().map((row) => {
      const subject = toPublicSubject(row);
      const card = scorecards.forSubject(row, undefined, locale);
      const score = card.standards.find((s) => s.slug === standard.slug)!;
      // Newest first: the first entry about this person is their latest.
      return { subject, grade: score.grade, score: score.score, latest: entries.find((e) => e.subject === subject.slug) ?? null };
    });
    return render(request, reply, {
      name: 'standard',
      title: standard.title,
      description: msg.standard.description(standard.title),
      path: `/standards/${standard.slug}`,
      ogType: 'article',
      demo: people.some((p) => p.subject.demo),
      body: standardBody(msg, { standard, standards: standards.list(locale), people }, link),
    });
  });

  const method = describeMethod();
  const example = workedExample();
  fastify.get('/methodology', async (request, reply) =>
    render(request, reply, {
      name: 'methodology',
      title: msg.methodology.title,
      description: msg.methodology.description,
      path: '/methodology',
      ogType: 'article',
      demo: false,
      body: methodologyBody(msg, { method, example, text: fastify.repositories.methodology.text(locale), lang: locale }, link),
    }),
  );

  fastify.get('/events', async (request, reply) => {
    const all = events.list();
    const now = new Date().toISOString();
    return render(request, reply, {
      name: 'events',
      title: msg.events.title,
      description: msg.events.description,
      path: '/events',
      demo: all.some((e) => e.demo),
      body: eventsBody(msg, { upcoming: all.filter((e) => e.startsAt >= now), past: all.filter((e) => e.startsAt < now).reverse() }, link),
    });
  });
};

export default pageRoutes;
