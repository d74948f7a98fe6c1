import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, evidenceBody, type TestUser } from '../helper.js';
import { axeViolations } from './accessibility.js';
import { useTestSite, useWorkspacePages } from './site.js';

// axe-core on every workspace screen, one test per screen. As one test, the fourteen page
// loads, axe injections and axe runs took 18 s on an idle machine and over 30 s on a busy one;
// now a slow machine stretches many short tests instead of one long one, a failure names its
// screen, and the file runs next to the workspace's form tests rather than after them.

type Account = 'anonymous' | 'volunteer' | 'reviewer' | 'admin';

const site = useTestSite();
// One signed-in page per account, reused across its screens: each screen is a fresh load anyway.
const pageOf = useWorkspacePages(site);
const users = {} as Record<Exclude<Account, 'anonymous'>, TestUser>;
let entryId: number;
let publishedId: number;

beforeAll(async () => {
  users.volunteer = await createSignedInUser(site.server, 'volunteer');
  users.reviewer = await createSignedInUser(site.server, 'reviewer');
  users.admin = await createSignedInUser(site.server, 'admin');
  const workspace = site.server.app.repositories.evidenceWorkspace;
  entryId = (await workspace.create(evidenceBody({ title: 'Demo: entry for the axe run' }) as never, users.volunteer)).id;
  const published = await workspace.create(evidenceBody({ title: 'Demo: published for the axe run' }) as never, users.volunteer);
  await workspace.review(published.id, 'publish', 'ok', 1, users.admin);
  publishedId = published.id;
});
/** Account, path (`:entry` and `:published` stand for the entries made above), heading. */
const SCREENS: Array<[Account, string, string]> = [
  ['anonymous', '/workspace', 'Sign in'],
  ['anonymous', '/workspace/invite#some-token', 'Accept your invitation'],
  ['volunteer', '/workspace', 'My submissions'],
  ['volunteer', '/workspace/evidence/new', 'Log evidence'],
  ['volunteer', '/workspace/evidence/:entry/edit', 'Edit your entry'],
  ['volunteer', '/workspace/import', 'Import evidence from a spreadsheet'],
  ['volunteer', '/workspace/evidence', 'Find evidence'],
  ['reviewer', '/workspace/evidence', 'Find evidence'],
  ['reviewer', '/workspace/evidence/:published', 'Correct this entry'],
  ['reviewer', '/workspace/history?entityType=evidence&entityId=:published', 'History'],
  ['reviewer', '/workspace/review', 'Review queue'],
  ['reviewer', '/workspace/review/changes', 'Review queue'],
  ['reviewer', '/workspace/review/replies', 'Review queue'],
  ['admin', '/workspace/admin/users', 'Invite someone'],
  ['admin', '/workspace/admin/people', 'Add a person'],
  ['admin', '/workspace/admin/elections', 'Add an election'],
  ['admin', '/workspace/admin/events', 'Add an event'],
  ['admin', '/workspace/admin/standards', 'The standards’ text'],
  ['admin', '/workspace/admin/audit', 'Admin: Audit log'],
];

describe('every workspace screen', () => {
  it.each(SCREENS)('as %s, %s (“%s”) has no axe-core violations', async (account, path, heading) => {
    const { page } = await pageOf(account === 'anonymous' ? null : users[account]);
    await page.goto(`${site.server.origin}${path.replace(':entry', String(entryId)).replace(':published', String(publishedId))}`);
    await page.getByRole('heading', { name: heading }).first().waitFor();
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    expect(await axeViolations(page)).toEqual([]);
  });
});
