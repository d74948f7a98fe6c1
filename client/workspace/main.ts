// Entry of the volunteers' and reviewers' workspace: its own bundle, so public pages never load it.
import '../app/styles/app.css';
import './workspace.css';
import { api } from './api.js';
import { removeAllDrafts } from './drafts.js';
import { AccountPage } from './views/account.js';
import { AdminScreens } from './views/admin/admin-screens.js';
import { AdminAudit } from './views/admin/audit.js';
import { AdminElections } from './views/admin/elections.js';
import { AdminEvents } from './views/admin/events.js';
import { AdminPeople } from './views/admin/people.js';
import { PeoplePicker } from './views/admin/people-picker.js';
import { AdminStandards } from './views/admin/standards.js';
import { AdminOutbox } from './views/admin/outbox.js';
import { AdminSite } from './views/admin/site.js';
import { AdminUsers } from './views/admin/users.js';
import { EvidenceEntry } from './views/evidence-entry.js';
import { EvidenceFinder } from './views/evidence-finder.js';
import { EvidenceForm } from './views/evidence-form.js';
import { EvidenceImport } from './views/import.js';
import { InviteAccept } from './views/invite.js';
import { ForgotPassword, ResetPassword } from './views/password-reset.js';
import { MySubmissions } from './views/my-submissions.js';
import { ChangeQueue } from './views/change-queue.js';
import { ReplyQueue } from './views/reply-queue.js';
import { EntryQueue, ReviewQueue } from './views/review-queue.js';
import { SignIn } from './views/sign-in.js';
import { WorkspaceApp } from './workspace-app.js';
import { enhanceLanguageSwitch, keepLinksInLanguage, workspacePath } from './language.js';
import { readPageData } from '../app/page-data.js';
import type { WorkspacePageData } from '../../core/workspace-page-data.js';

const TAGS: Record<string, CustomElementConstructor> = {
  'sc-sign-in': SignIn,
  'sc-invite-accept': InviteAccept,
  'sc-forgot-password': ForgotPassword,
  'sc-reset-password': ResetPassword,
  'sc-account': AccountPage,
  'sc-my-submissions': MySubmissions,
  'sc-evidence-form': EvidenceForm,
  'sc-evidence-entry': EvidenceEntry,
  'sc-evidence-finder': EvidenceFinder,
  'sc-entry-queue': EntryQueue,
  'sc-change-queue': ChangeQueue,
  'sc-reply-queue': ReplyQueue,
  'sc-review-queue': ReviewQueue,
  'sc-evidence-import': EvidenceImport,
  'sc-people-picker': PeoplePicker,
  'sc-admin-users': AdminUsers,
  'sc-admin-people': AdminPeople,
  'sc-admin-elections': AdminElections,
  'sc-admin-events': AdminEvents,
  'sc-admin-standards': AdminStandards,
  'sc-admin-audit': AdminAudit,
  'sc-admin-outbox': AdminOutbox,
  'sc-admin-site': AdminSite,
  'sc-admin': AdminScreens,
  // Last: the root renders the others, which must be defined by then.
  'sc-workspace': WorkspaceApp,
};
for (const [tag, ctor] of Object.entries(TAGS)) {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

document.getElementById('sign-out')?.addEventListener('click', async () => {
  await api('POST', '/api/auth/logout');
  removeAllDrafts();
  location.assign(workspacePath('/workspace'));
});
keepLinksInLanguage();
enhanceLanguageSwitch(Boolean(readPageData<WorkspacePageData>()?.account));
