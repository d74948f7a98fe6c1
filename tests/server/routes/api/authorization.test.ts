import { inTransaction } from '../../../../db/unit-of-work.js';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects, type UserRole } from '../../../../db/schema/index.js';
import { DEMO_SUBJECTS } from '../../../../db/seed/demo.js';
import { app as appPlugin, PLUGIN_TIMEOUT_MS } from '../../../../server/app.js';
import { generateSecret, generateSync } from 'otplib';
import { newToken } from '../../../../server/auth/token.js';
import {
  buildTestApp,
  createSignedInUser,
  evidenceBody,
  INJECT_ORIGIN,
  NO_PRESSURE,
  TINY_PNG,
  type TestApp,
  type TestUser,
  countSql,
  runSql,
} from '../../../helper.js';

type Caller = 'anonymous' | UserRole;
const CALLERS: Caller[] = ['anonymous', 'volunteer', 'reviewer', 'admin'];
const RANK: Record<Caller, number> = { anonymous: -1, volunteer: 0, reviewer: 1, admin: 2 };

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  /** The least role allowed; 'anyone' for sign-in and the like. */
  minRole: UserRole | 'anyone';
  /** The status a caller who is allowed gets. */
  ok: number;
  /** Builds the request for one caller; fresh fixtures each time so every call can succeed. */
  request(as: TestUser | null): Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
  /** The call ends the caller's session (sign-out, password change): use a throwaway account. */
  freshUser?: boolean;
  /** Refused callers get 404: the record does not exist for them (non-public evidence). */
  hidden?: boolean;
}

let t: TestApp;
let submitter: TestUser;
let otherReviewer: TestUser;
let thirdReviewer: TestUser;
const callers: Partial<Record<UserRole, TestUser>> = {};
let counter = 0;
const unique = () => `${++counter}`;

const pendingBy = async (user: TestUser) => (await t.app.repositories.evidenceWorkspace.create(evidenceBody() as never, user)).id;
async function published() {
  const id = await pendingBy(submitter);
  await t.app.repositories.evidenceWorkspace.review(id, 'publish', undefined, 1, otherReviewer);
  return id;
}

/** A retraction proposed by a reviewer who is none of the callers, of an entry none of them submitted. */
async function proposedByOther() {
  return (await t.app.repositories.proposedChanges.propose(await published(), 'retraction', {}, 'The source was withdrawn.', thirdReviewer))
    .id;
}

async function pendingReply() {
  const { token } = await t.app.repositories.replies.createLink('demo-riley-example', 30, callers.admin!);
  return (await t.app.repositories.replies.submit({ token, standard: 'kids', body: 'Demo reply.' })).id;
}

const ROWS: Row[] = [
  // The one-click opt-out link of an optional email: its token is the authority, not a session.
  ...['', '/es'].map((prefix): Row => ({
    method: 'POST',
    route: `${prefix}/unsubscribe/:token/:topic`,
    minRole: 'anyone',
    ok: 200,
    request: async () => ({
      url: `${prefix}/unsubscribe/${await t.app.mail.queue.optOutToken(submitter.id)}/decisions`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  })),
  {
    method: 'POST',
    route: '/api/auth/login',
    minRole: 'anyone',
    ok: 200,
    request: async (as) => ({ url: '/api/auth/login', payload: { email: (as ?? submitter).email, password: (as ?? submitter).password } }),
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    minRole: 'anyone',
    ok: 204,
    freshUser: true,
    request: async () => ({ url: '/api/auth/logout' }),
  },
  {
    method: 'POST',
    route: '/api/auth/password',
    minRole: 'volunteer',
    ok: 200,
    freshUser: true,
    request: async (as) => ({
      url: '/api/auth/password',
      payload: { currentPassword: as?.password ?? 'x', newPassword: 'a-brand-new-password' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/auth/me',
    minRole: 'volunteer',
    ok: 200,
    request: async () => ({ url: '/api/auth/me', payload: { displayName: `Renamed ${unique()}` } }),
  },
  {
    method: 'POST',
    route: '/api/evidence',
    minRole: 'volunteer',
    ok: 201,
    request: async () => ({ url: '/api/evidence', payload: evidenceBody() }),
  },
  {
    method: 'POST',
    route: '/api/evidence/import',
    minRole: 'volunteer',
    ok: 200,
    request: async () => ({
      url: '/api/evidence/import?dryRun=true',
      payload: {
        csv: 'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title\ndemo-jordan-sample,kids,1,action,T,S,2025-01-01,https://example.org/x,X',
      },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/evidence/:id',
    minRole: 'volunteer',
    ok: 200,
    request: async (as) => ({ url: `/api/evidence/${await pendingBy(as ?? submitter)}`, payload: { rating: -1 } }),
  },
  {
    method: 'POST',
    route: '/api/evidence/:id/review',
    minRole: 'reviewer',
    ok: 200,
    request: async () => ({ url: `/api/evidence/${await pendingBy(submitter)}/review`, payload: { decision: 'publish', revision: 1 } }),
  },
  {
    method: 'POST',
    route: '/api/evidence/:id/withdraw',
    minRole: 'volunteer',
    ok: 200,
    request: async (as) => ({ url: `/api/evidence/${await pendingBy(as ?? submitter)}/withdraw` }),
  },
  {
    method: 'POST',
    route: '/api/evidence/:id/correct',
    minRole: 'reviewer',
    ok: 202,
    request: async () => ({ url: `/api/evidence/${await published()}/correct`, payload: { rating: 1, note: 'The rating was too high.' } }),
  },
  {
    method: 'POST',
    route: '/api/evidence/:id/retract',
    minRole: 'reviewer',
    ok: 202,
    request: async () => ({ url: `/api/evidence/${await published()}/retract`, payload: { reason: 'The source was withdrawn.' } }),
  },
  {
    method: 'POST',
    route: '/api/changes/:id/review',
    minRole: 'reviewer',
    ok: 200,
    request: async () => ({ url: `/api/changes/${await proposedByOther()}/review`, payload: { decision: 'approve' } }),
  },
  {
    method: 'POST',
    route: '/api/subjects/:slug/reply-links',
    minRole: 'admin',
    ok: 201,
    request: async () => ({ url: '/api/subjects/demo-riley-example/reply-links', payload: {} }),
  },
  {
    method: 'DELETE',
    route: '/api/subjects/:slug/reply-links/:id',
    minRole: 'admin',
    ok: 204,
    request: async () => ({
      url: `/api/subjects/demo-riley-example/reply-links/${(await t.app.repositories.replies.createLink('demo-riley-example', 30, callers.admin!)).id}`,
    }),
  },
  {
    method: 'POST',
    route: '/api/replies',
    minRole: 'anyone',
    ok: 201,
    request: async () => ({
      url: '/api/replies',
      payload: {
        token: (await t.app.repositories.replies.createLink('demo-riley-example', 30, callers.admin!)).token,
        standard: 'kids',
        body: 'Demo reply.',
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/replies/:id/review',
    minRole: 'reviewer',
    ok: 200,
    request: async () => ({ url: `/api/replies/${await pendingReply()}/review`, payload: { decision: 'publish' } }),
  },
  {
    method: 'POST',
    route: '/api/invites',
    minRole: 'admin',
    ok: 201,
    request: async () => ({ url: '/api/invites', payload: { email: `invited-${unique()}@example.org` } }),
  },
  {
    method: 'POST',
    route: '/api/invites/accept',
    minRole: 'anyone',
    ok: 201,
    request: async () => {
      const { token } = await t.app.repositories.invites.create(
        { email: `accept-${unique()}@example.org`, role: 'volunteer' },
        callers.admin!,
      );
      return { url: '/api/invites/accept', payload: { token, displayName: 'New volunteer', password: 'a-fine-password' } };
    },
  },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    minRole: 'admin',
    ok: 200,
    request: async () => {
      const target = await t.app.repositories.users.create(
        { email: `target-${unique()}@example.org`, displayName: 'Target', role: 'volunteer', passwordHash: 'x' },
        null,
        'test',
      );
      return { url: `/api/users/${target.id}`, payload: { role: 'reviewer' } };
    },
  },
  {
    method: 'POST',
    route: '/api/subjects',
    minRole: 'admin',
    ok: 201,
    request: async () => ({
      url: '/api/subjects',
      payload: { slug: `demo-new-${unique()}`, name: 'New person (demo)', role: 'candidate', office: 'Candidate' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/subjects/:slug',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/subjects/demo-riley-example', payload: { bio: `Edited ${unique()}` } }),
  },
  {
    method: 'POST',
    route: '/api/elections',
    minRole: 'admin',
    ok: 201,
    request: async () => ({
      url: '/api/elections',
      payload: { slug: `demo-election-${unique()}`, name: 'Demo election', electionDate: '2030-11-05', candidates: ['demo-jordan-sample'] },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/elections/:slug',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/elections/demo-2026-district-attorney', payload: { name: `Demo election ${unique()}` } }),
  },
  {
    method: 'POST',
    route: '/api/events',
    minRole: 'admin',
    ok: 201,
    request: async () => ({ url: '/api/events', payload: { title: 'Forum', startsAt: '2030-10-01T18:30:00-07:00', place: 'Library' } }),
  },
  {
    method: 'PATCH',
    route: '/api/events/:id',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/events/${await newEvent()}`, payload: { place: 'Town hall' } }),
  },
  {
    method: 'POST',
    route: '/api/events/:id/flyer',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/events/${await newEvent()}/flyer`, ...flyerUpload() }),
  },
  {
    method: 'DELETE',
    route: '/api/events/:id/flyer',
    minRole: 'admin',
    ok: 204,
    request: async () => ({ url: `/api/events/${await newEvent()}/flyer` }),
  },
  {
    method: 'DELETE',
    route: '/api/events/:id',
    minRole: 'admin',
    ok: 204,
    request: async () => ({ url: `/api/events/${await newEvent()}` }),
  },
  // Issue 14: deleting, archiving and restoring records, and the person in office.
  {
    method: 'DELETE',
    route: '/api/subjects/:slug',
    minRole: 'admin',
    ok: 204,
    request: async () => ({ url: `/api/subjects/${await newPerson()}` }),
  },
  {
    method: 'POST',
    route: '/api/subjects/:slug/archive',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/subjects/${await newPerson()}/archive` }),
  },
  {
    method: 'POST',
    route: '/api/subjects/:slug/restore',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/subjects/${await newPerson(true)}/restore` }),
  },
  {
    method: 'POST',
    route: '/api/subjects/:slug/in-office',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/subjects/${await newPerson()}/in-office` }),
  },
  {
    method: 'DELETE',
    route: '/api/subjects/:slug/in-office',
    minRole: 'admin',
    ok: 204,
    request: async () => ({ url: '/api/subjects/demo-avery-placeholder/in-office' }),
  },
  {
    method: 'DELETE',
    route: '/api/elections/:slug',
    minRole: 'admin',
    ok: 204,
    request: async () => ({ url: `/api/elections/${await newElection()}` }),
  },
  {
    method: 'POST',
    route: '/api/elections/:slug/archive',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/elections/${await newElection()}/archive` }),
  },
  {
    method: 'POST',
    route: '/api/elections/:slug/restore',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/elections/${await newElection()}/restore` }),
  },
  {
    method: 'POST',
    route: '/api/events/:id/archive',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/events/${await newEvent()}/archive` }),
  },
  {
    method: 'POST',
    route: '/api/events/:id/restore',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/events/${await newEvent()}/restore` }),
  },
  {
    method: 'PATCH',
    route: '/api/standards/:slug',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/standards/kids', payload: { summary: `Edited summary ${unique()}` } }),
  },
  {
    method: 'PATCH',
    route: '/api/methodology',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/methodology?lang=es', payload: { steps: [`Paso ${unique()}`], review: ['Revisión'] } }),
  },
  {
    method: 'PATCH',
    route: '/api/site',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/site', payload: { coalitionName: `Coalition ${unique()} (demo)` } }),
  },
  {
    method: 'POST',
    route: '/api/site/logo',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/site/logo', ...flyerUpload('logo') }),
  },
  { method: 'DELETE', route: '/api/site/logo', minRole: 'admin', ok: 200, request: async () => ({ url: '/api/site/logo' }) },
  // The workspace's reads, for completeness.
  {
    method: 'POST',
    route: '/api/auth/password-reset',
    minRole: 'anyone',
    ok: 202,
    request: async () => ({ url: '/api/auth/password-reset', payload: { email: `forgot-${unique()}@example.org` } }),
  },
  {
    method: 'POST',
    route: '/api/auth/password-reset/confirm',
    minRole: 'anyone',
    ok: 204,
    request: async () => {
      const owner = await t.app.repositories.users.create(
        { email: `reset-${unique()}@example.org`, displayName: 'Resetting', role: 'volunteer', passwordHash: 'x' },
        null,
        'test',
      );
      const token = newToken();
      await t.app.repositories.passwordResets.create(owner.id, token, null);
      return { url: '/api/auth/password-reset/confirm', payload: { token, password: 'a-brand-new-password' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/auth/sessions',
    minRole: 'volunteer',
    ok: 204,
    freshUser: true,
    request: async () => ({ url: '/api/auth/sessions' }),
  },
  {
    method: 'POST',
    route: '/api/auth/totp/setup',
    minRole: 'volunteer',
    ok: 200,
    freshUser: true,
    request: async () => ({ url: '/api/auth/totp/setup' }),
  },
  {
    method: 'POST',
    route: '/api/auth/totp/enable',
    minRole: 'volunteer',
    ok: 200,
    freshUser: true,
    request: async (as) => {
      const secret = generateSecret();
      if (as) await t.app.repositories.users.startTotp(as.id, secret);
      return { url: '/api/auth/totp/enable', payload: { code: generateSync({ secret }) } };
    },
  },
  {
    method: 'POST',
    route: '/api/auth/totp/disable',
    minRole: 'volunteer',
    ok: 204,
    freshUser: true,
    request: async (as) => {
      if (as) {
        await t.app.repositories.users.startTotp(as.id, generateSecret());
        await t.app.repositories.users.enableTotp(as.id, 1, [], as);
      }
      return { url: '/api/auth/totp/disable', payload: { password: as?.password ?? 'x' } };
    },
  },
  {
    method: 'POST',
    route: '/api/users/:id/password-reset',
    minRole: 'admin',
    ok: 201,
    request: async () => {
      const target = await t.app.repositories.users.create(
        { email: `reset-target-${unique()}@example.org`, displayName: 'Target', role: 'volunteer', passwordHash: 'x' },
        null,
        'test',
      );
      return { url: `/api/users/${target.id}/password-reset` };
    },
  },
  { method: 'GET', route: '/api/auth/me', minRole: 'volunteer', ok: 200, request: async () => ({ url: '/api/auth/me' }) },
  { method: 'GET', route: '/api/auth/account', minRole: 'volunteer', ok: 200, request: async () => ({ url: '/api/auth/account' }) },
  { method: 'GET', route: '/api/auth/sessions', minRole: 'volunteer', ok: 200, request: async () => ({ url: '/api/auth/sessions' }) },
  { method: 'GET', route: '/api/outbox', minRole: 'admin', ok: 200, request: async () => ({ url: '/api/outbox' }) },
  { method: 'GET', route: '/api/evidence', minRole: 'volunteer', ok: 200, request: async () => ({ url: '/api/evidence?status=pending' }) },
  {
    method: 'GET',
    route: '/api/evidence/:id',
    minRole: 'reviewer',
    ok: 200,
    hidden: true,
    request: async () => ({ url: `/api/evidence/${await pendingBy(submitter)}` }),
  },
  { method: 'GET', route: '/api/replies', minRole: 'reviewer', ok: 200, request: async () => ({ url: '/api/replies?status=pending' }) },
  {
    method: 'GET',
    route: '/api/subjects/:slug/reply-links',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/subjects/demo-riley-example/reply-links' }),
  },
  { method: 'GET', route: '/api/changes', minRole: 'reviewer', ok: 200, request: async () => ({ url: '/api/changes?status=pending' }) },
  { method: 'GET', route: '/api/invites', minRole: 'admin', ok: 200, request: async () => ({ url: '/api/invites' }) },
  { method: 'GET', route: '/api/users', minRole: 'admin', ok: 200, request: async () => ({ url: '/api/users' }) },
  { method: 'GET', route: '/api/audit', minRole: 'reviewer', ok: 200, request: async () => ({ url: '/api/audit' }) },
  {
    method: 'GET',
    route: '/api/evidence/submitters',
    minRole: 'reviewer',
    ok: 200,
    request: async () => ({ url: '/api/evidence/submitters' }),
  },
  {
    method: 'GET',
    route: '/api/subjects/:slug/removal',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/subjects/demo-riley-example/removal' }),
  },
  {
    method: 'GET',
    route: '/api/elections/:slug/removal',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: '/api/elections/demo-2026-district-attorney/removal' }),
  },
  {
    method: 'GET',
    route: '/api/events/:id/removal',
    minRole: 'admin',
    ok: 200,
    request: async () => ({ url: `/api/events/${await newEvent()}/removal` }),
  },
  // Last, since the admin's call deletes the demo people the rows above write about (put back after the matrix).
  { method: 'POST', route: '/api/admin/demo/remove', minRole: 'admin', ok: 200, request: async () => ({ url: '/api/admin/demo/remove' }) },
];

/** A one-pixel PNG as a multipart upload, as the admin screen sends it (a flyer, or the site's logo). */
function flyerUpload(field = 'flyer') {
  const boundary = 'authz-boundary';
  const png = TINY_PNG;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="f.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A person nothing depends on, archived when asked (issue 14's rows). */
async function newPerson(archived = false) {
  const slug = `demo-removable-${unique()}`;
  await t.app.repositories.admin.createSubject(
    {
      slug,
      name: `Removable ${slug}`,
      role: 'candidate',
      office: 'Candidate',
      bio: null,
      photoUrl: null,
      website: null,
      termStart: null,
      termEnd: null,
    },
    callers.admin!,
  );
  if (archived) await runSql(t, sql`update subjects set archived_at = ${new Date().toISOString()} where slug = ${slug}`);
  return slug;
}

async function newElection() {
  const slug = `demo-removable-election-${unique()}`;
  await t.app.repositories.admin.createElection(
    {
      slug,
      name: 'Removable election',
      electionDate: '2030-11-05',
      registrationDeadline: null,
      infoUrl: null,
      results: null,
      candidates: [],
    },
    callers.admin!,
  );
  return slug;
}

async function newEvent() {
  return (
    await t.app.repositories.admin.createEvent(
      { title: 'Forum', startsAt: '2030-10-01T18:30:00Z', place: 'Library', description: null, url: null, subjects: [] },
      callers.admin!,
    )
  ).id;
}

const auditCount = () => countSql(t, sql`select count(*) from audit_log`);

beforeAll(async () => {
  t = await buildTestApp(NO_PRESSURE);
  submitter = await createSignedInUser(t, 'volunteer');
  otherReviewer = await createSignedInUser(t, 'reviewer');
  thirdReviewer = await createSignedInUser(t, 'reviewer');
  for (const role of ['volunteer', 'reviewer', 'admin'] as const) callers[role] = await createSignedInUser(t, role);
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  // The demo removal row deletes the demo people; the tests after the matrix write about them.
  afterAll(async () => {
    await inTransaction(t.app.db, async (tx) => {
      await tx
        .insert(subjects)
        .values(DEMO_SUBJECTS.map((s) => ({ ...s, demo: true })))
        .onConflictDoNothing();
    });
  });
  it('covers every write route the app registers', async () => {
    const registered = new Set<string>();
    const probe = Fastify({ pluginTimeout: PLUGIN_TIMEOUT_MS });
    probe.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) {
        if (!['GET', 'HEAD', 'OPTIONS'].includes(m)) registered.add(`${m} ${r.url.replace(/(.)\/$/, '$1')}`);
      }
    });
    await probe.register(appPlugin, {
      config: {
        port: 0,
        host: '127.0.0.1',
        databasePath: `${t.dir}/probe.db`,
        seedDemo: false,
        production: false,
        logLevel: 'silent',
        trustProxy: false,
      },
    });
    await probe.ready();
    await probe.close();
    const covered = new Set(ROWS.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.route}`));
    expect([...registered].sort()).toEqual([...covered].sort());
  });

  for (const row of ROWS) {
    for (const caller of CALLERS) {
      const allowed = row.minRole === 'anyone' || RANK[caller] >= RANK[row.minRole];
      const expected = allowed ? row.ok : row.hidden ? 404 : caller === 'anonymous' ? 401 : 403;
      it(`${row.method} ${row.route} as ${caller} -> ${expected}`, async () => {
        const user = caller === 'anonymous' ? null : row.freshUser ? await createSignedInUser(t, caller) : callers[caller]!;
        const { url, payload, headers } = await row.request(user);
        const before = await auditCount();
        const res = await t.app.inject({
          method: row.method,
          url,
          payload: payload as never,
          headers: { ...(user ? user.headers : { origin: INJECT_ORIGIN }), ...headers },
        });
        expect(res.statusCode, res.body).toBe(expected);
        if (!allowed) {
          expect(res.json().error).toBe(row.hidden ? 'not-found' : caller === 'anonymous' ? 'unauthenticated' : 'forbidden');
          expect(await auditCount(), 'a refused call changes nothing').toBe(before);
        }
      });
    }
  }
});

describe('the OpenAPI description', () => {
  it('marks the calls that need the session cookie, and only those', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.sessionCookie).toEqual({ type: 'apiKey', in: 'cookie', name: 'session' });
    expect(doc.paths['/api/evidence/'].post.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths['/api/audit/'].get.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths['/api/auth/login'].post.security).toBeUndefined();
    expect(doc.paths['/api/standards/'].get.security).toBeUndefined();
  });
});

describe('ownership rules beyond roles', () => {
  it('lets only the submitter edit a pending entry, and no one review or correct their own', async () => {
    const { volunteer, reviewer, admin } = callers as Record<UserRole, TestUser>;
    const theirs = await pendingBy(submitter);
    for (const other of [volunteer, reviewer, admin]) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/evidence/${theirs}`, headers: other.headers, payload: { rating: 0 } });
      expect(res.statusCode).toBe(403);
    }
    const own = await pendingBy(reviewer);
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/evidence/${own}/review`,
      headers: reviewer.headers,
      payload: { decision: 'publish', revision: 1 },
    });
    expect(review.statusCode).toBe(403);
    expect(review.json().error).toBe('own-submission');
    await t.app.repositories.evidenceWorkspace.review(own, 'publish', undefined, 1, admin);
    const correct = await t.app.inject({
      method: 'POST',
      url: `/api/evidence/${own}/correct`,
      headers: reviewer.headers,
      payload: { rating: 0, note: 'x' },
    });
    expect(correct.statusCode).toBe(403);
  });

  it('shows a volunteer only their own entries', async () => {
    const mine = await pendingBy(callers.volunteer!);
    const theirs = await pendingBy(submitter);
    const list = (await t.app.inject({ url: '/api/evidence?pageSize=100', headers: callers.volunteer!.headers })).json();
    expect(list.items.map((e: { id: number }) => e.id)).toContain(mine);
    expect(list.items.map((e: { id: number }) => e.id)).not.toContain(theirs);
    expect((await t.app.inject({ url: `/api/evidence/${theirs}`, headers: callers.volunteer!.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/evidence/${mine}`, headers: callers.volunteer!.headers })).statusCode).toBe(200);
  });

  it('keeps an admin from demoting or disabling themselves', async () => {
    const admin = callers.admin!;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.id}`,
      headers: admin.headers,
      payload: { role: 'volunteer' },
    });
    expect(res.statusCode).toBe(409);
  });
});
