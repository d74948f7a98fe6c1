/**
 * The language switch keeps what the reader chose on this page: the served link already
 * carries the page's `?w=` and `?standard=`, and since the priorities sliders and the evidence
 * filter change them without a reload, the link is brought up to date before it is followed.
 */
const KEPT = ['w', 'standard'];

export function enhanceLanguageSwitch(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.lang-switch')) {
    const refresh = () => {
      const here = new URLSearchParams(location.search);
      const target = new URL(link.href);
      for (const name of KEPT) {
        const value = here.get(name);
        if (value) target.searchParams.set(name, value);
        else target.searchParams.delete(name);
      }
      link.href = target.pathname + target.search + target.hash;
    };
    for (const event of ['pointerdown', 'focus', 'click']) link.addEventListener(event, refresh);
  }
}
