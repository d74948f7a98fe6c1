/**
 * The reply form of `/reply/:token`: sends the reply as JSON with the token from the page's
 * own address, and says in the page's language whether it arrived.
 */
export function enhanceReplyPage() {
  const form = document.querySelector<HTMLFormElement>('[data-reply-form]');
  const status = form?.querySelector<HTMLElement>('[data-reply-status]');
  if (!form || !status) return;
  const token = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const [kind, target] = value('about').split(':');
    const url = value('url');
    const body = {
      token,
      body: value('body'),
      ...(kind === 'evidence' ? { evidenceId: Number(target) } : { standard: target }),
      ...(url ? { url } : {}),
    };
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const res = await fetch('/api/replies', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json().catch(() => null)) as { message?: string } | null;
      if (res.ok) {
        status.textContent = form.dataset.sent ?? '';
        (form.elements.namedItem('body') as HTMLTextAreaElement).value = '';
        (form.elements.namedItem('url') as HTMLInputElement).value = '';
      } else {
        status.textContent = `${form.dataset.failed ?? ''}${answer?.message ?? res.status}`;
      }
    } catch {
      status.textContent = `${form.dataset.failed ?? ''}network`;
    } finally {
      if (button) button.disabled = false;
    }
  });
}
