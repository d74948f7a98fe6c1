import { html, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { LightElement } from '../components/light-element.js';
import { readPageData } from '../app/page-data.js';
import { workspaceMessagesFor, type WorkspaceMessages } from '../../i18n/workspace-catalog.js';
import type { WorkspacePageData } from '../../core/workspace-page-data.js';
import { workspacePath } from './language.js';
import { confirmAction, type Confirmation } from './confirm-dialog.js';

/** A workspace screen: rendered in the light DOM (the page's stylesheet), knowing who is signed in. */
export class WorkspaceView extends LightElement {
  protected get page(): WorkspacePageData {
    return readPageData<WorkspacePageData>() ?? { view: 'home', id: null, section: null, account: null, next: null };
  }

  /** The workspace's UI strings, in the page's language. */
  protected get ws(): WorkspaceMessages {
    return workspaceMessagesFor(document.documentElement.lang);
  }

  /** A workspace path (`/workspace/...`) in the page's language. */
  protected link(path: string): string {
    return workspacePath(path);
  }

  protected get account() {
    return this.page.account;
  }

  /**
   * Asks first in the accessible dialog (issue 14: delete, archive, disable, role change,
   * withdraw, sign out everywhere), never the browser's confirm(), which cannot be styled,
   * translated on its buttons or tested; the cancel button is always there.
   */
  protected _confirm(ask: Omit<Confirmation, 'cancel'>) {
    return confirmAction({ ...ask, cancel: this.ws.records.cancel });
  }

  /** A Task's loading and failed states as every screen shows them (with a retry), else `complete`. */
  protected renderTask<T>(task: Task<readonly unknown[], T>, complete: (value: T) => TemplateResult): unknown {
    const loading = () => html`<p class="muted" role="status">${this.msg.loading}</p>`;
    return task.render({
      initial: loading,
      pending: loading,
      error: () =>
        html`<p role="alert">${this.ws.loadError}</p><button type="button" class="button" @click=${() => task.run()}>${this.ws.retry}</button>`,
      complete,
    });
  }
}
