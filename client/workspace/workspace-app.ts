import { html } from 'lit';
import { WorkspaceView } from './workspace-view.js';

/** The workspace's root: draws the screen the server named in the page data. */
export class WorkspaceApp extends WorkspaceView {
  render() {
    const { view, id, section } = this.page;
    const w = this.ws;
    switch (view) {
      case 'sign-in':
        return html`<sc-sign-in></sc-sign-in>`;
      case 'invite':
        return html`<sc-invite-accept></sc-invite-accept>`;
      case 'forgot-password':
        return html`<sc-forgot-password></sc-forgot-password>`;
      case 'reset-password':
        return html`<sc-reset-password></sc-reset-password>`;
      case 'account':
        return html`<sc-account></sc-account>`;
      case 'home':
        return html`<sc-my-submissions></sc-my-submissions>`;
      case 'evidence-new':
        return html`<sc-evidence-form></sc-evidence-form>`;
      case 'evidence-edit':
        return html`<sc-evidence-form entry-id=${id ?? 0}></sc-evidence-form>`;
      case 'evidence':
        return html`<sc-evidence-entry entry-id=${id ?? 0}></sc-evidence-entry>`;
      case 'evidence-list':
        return html`<sc-evidence-finder></sc-evidence-finder>`;
      case 'history':
        return html`<h1>${w.titles.history}</h1><sc-admin-audit></sc-admin-audit>`;
      case 'review':
        return html`<sc-review-queue></sc-review-queue>`;
      case 'import':
        return html`<sc-evidence-import></sc-evidence-import>`;
      case 'admin':
        return html`<sc-admin section=${section ?? 'users'}></sc-admin>`;
      default:
        return html`<h1>${w.titles.forbidden}</h1><p>${w.forbidden}</p>`;
    }
  }
}
