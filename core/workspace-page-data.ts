import type { UserRole } from './roles.js';

/** The workspace's screens; the browser app renders the one the server names. */
export type WorkspaceView =
  | 'home'
  | 'sign-in'
  | 'invite'
  | 'forgot-password'
  | 'reset-password'
  | 'account'
  | 'evidence-new'
  | 'evidence'
  | 'evidence-edit'
  | 'evidence-list'
  | 'history'
  | 'review'
  | 'import'
  | 'admin'
  | 'forbidden';

export const ADMIN_SECTIONS = ['users', 'people', 'elections', 'events', 'standards', 'audit', 'outbox', 'site'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The review screen's tabs besides new entries (`/workspace/review/<tab>`). */
export const REVIEW_TABS = ['changes', 'replies'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

/** What the server hands the workspace app in the page's JSON block (the client imports it as a type). */
export interface WorkspacePageData {
  view: WorkspaceView;
  /** The evidence id of an entry's page. */
  id: number | null;
  section: AdminSection | ReviewTab | null;
  /** Who is signed in; null on the sign-in and invite screens. */
  account: { id: number; displayName: string; email: string; role: UserRole } | null;
  /** Where to go after signing in (a workspace path). */
  next: string | null;
}
