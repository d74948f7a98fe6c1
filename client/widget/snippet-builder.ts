/**
 * /widget-builder.js, for the /embed page only. The page works without it (a plain GET
 * form); this makes it live: a changed choice re-renders the preview and snippets in place
 * from the server's own HTML (one source for the snippet text), shows only the fields the
 * chosen variant uses, and adds the copy buttons.
 */
const form = document.querySelector<HTMLFormElement>('#builder');
const status = document.querySelector<HTMLElement>('#copy-status');

function showFieldsFor(variant: string): void {
  for (const field of document.querySelectorAll<HTMLElement>('[data-variants]')) {
    field.hidden = !(field.dataset.variants ?? '').split(' ').includes(variant);
  }
}

function revealCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) button.hidden = false;
}

let pending: AbortController | null = null;

async function refresh(): Promise<void> {
  if (!form) return;
  const query = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
  showFieldsFor(query.get('variant') ?? 'card');
  const url = `${form.action}?${query}`;
  pending?.abort();
  pending = new AbortController();
  try {
    const response = await fetch(url, { signal: pending.signal, headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(String(response.status));
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('#result');
    const current = document.querySelector('#result');
    if (!next || !current) throw new Error('no #result');
    current.replaceWith(document.importNode(next, true));
    history.replaceState(null, '', url);
    revealCopyButtons();
  } catch (err) {
    // Without the live update the form still works: submitting it reloads the page.
    if ((err as Error).name !== 'AbortError') form.submit();
  }
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const field = document.getElementById(button.dataset.copy ?? '') as HTMLTextAreaElement | null;
  if (!field) return;
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    // Older browsers and insecure contexts: select the text and use the legacy command.
    field.select();
    document.execCommand('copy');
  }
  // The words come from the page (English or Spanish), in the button's data attributes.
  const label = (button.dataset.label ??= button.textContent ?? '');
  if (status) status.textContent = button.dataset.status ?? '';
  button.textContent = button.dataset.copied ?? label;
  setTimeout(() => (button.textContent = label), 1500);
}

if (form) {
  const variant = form.querySelector<HTMLInputElement>('input[name=variant]:checked');
  showFieldsFor(variant?.value ?? 'card');
  revealCopyButtons();
  document.querySelector<HTMLElement>('#update')?.setAttribute('hidden', '');
  form.addEventListener('change', () => void refresh());
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-copy]');
    if (button) void copy(button);
  });
}
