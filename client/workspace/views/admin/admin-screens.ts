import { html, nothing } from 'lit';
import { WorkspaceView } from '../../workspace-view.js';

/** Each section's element (registered in client/workspace/main.ts). */
const SECTION_ELEMENTS: Record<string, ReturnType<typeof html>> = {
  users: html`<sc-admin-users></sc-admin-users>`,
  people: html`<sc-admin-people></sc-admin-people>`,
  elections: html`<sc-admin-elections></sc-admin-elections>`,
  events: html`<sc-admin-events></sc-admin-events>`,
  standards: html`<sc-admin-standards></sc-admin-standards>`,
  audit: html`<sc-admin-audit></sc-admin-audit>`,
  outbox: html`<sc-admin-outbox></sc-admin-outbox>`,
  site: html`<sc-admin-site></sc-admin-site>`,
};

/**
 * The admin screens, kept plain: the sections' tabs and one section at a time (users and
 * invites, people, elections, events, the standards' text, the audit log, the outbox, the
 * coalition's name and logo), each its own
 * component with a list and its forms on the API.
 */
export class AdminScreens extends WorkspaceView {
  static properties = { section: {} };
  /** Which section is shown. */
  declare section: string;

  constructor() {
    super();
    this.section = 'users';
  }

  render() {
    const w = this.ws;
    const a = w.admin;
    return html`<h1>${w.titles.admin}: ${a.sections[this.section]}</h1>
      <nav aria-label=${a.sectionsLabel}><ul class="tabs">
        ${Object.keys(a.sections).map((s) => html`<li><a href="/workspace/admin/${s}" aria-current=${s === this.section ? 'page' : nothing}>${a.sections[s]}</a></li>`)}
      </ul></nav>
      ${SECTION_ELEMENTS[this.section] ?? SECTION_ELEMENTS.standards}`;
  }
}
