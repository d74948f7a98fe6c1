/**
 * Unsent evidence drafts live in localStorage, keyed by the account that typed them, so a
 * different account in the same browser never sees them; signing out removes them all, so
 * the next person at a shared computer finds nothing.
 */
const PREFIX = 'sc-workspace:evidence-draft:';

export function draftKey(accountId: number | undefined, entryId: number | null): string {
  return `${PREFIX}${accountId ?? 'anonymous'}:${entryId ?? 'new'}`;
}

export function removeAllDrafts(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage blocked: there is nothing stored to remove.
  }
}
