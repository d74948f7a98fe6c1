import { LightElement } from '../components/light-element.js';
import { readPageData } from '../app/page-data.js';
import { workspaceMessagesFor, type WorkspaceMessages } from '../../i18n/workspace-catalog.js';
import type { WorkspacePageData } from '../../core/workspace-page-data.js';

/** A workspace screen: rendered in the light DOM (the page's stylesheet), knowing who is signed in. */
export class WorkspaceView extends LightElement {
  protected get page(): WorkspacePageData {
    return readPageData<WorkspacePageData>() ?? { view: 'home', id: null, section: null, account: null, next: null };
  }

  /** The workspace's UI strings, in the page's language. */
  protected get ws(): WorkspaceMessages {
    return workspaceMessagesFor(document.documentElement.lang);
  }

  protected get account() {
    return this.page.account;
  }
}
