/**
 * The phone header's menu button: a disclosure over the main navigation (aria-expanded on the
 * button, which controls the list). Escape closes it and gives focus back to the button; so
 * does moving focus out of the menu, so an open list never covers the page behind it. On wide
 * screens the CSS shows the list whatever the state.
 */
export function enhanceSiteMenu(): void {
  const menu = document.querySelector<HTMLElement>('.site-menu[data-menu]');
  const button = menu?.querySelector<HTMLButtonElement>('.menu-button');
  if (!menu || !button) return;
  const set = (open: boolean) => {
    menu.dataset.menu = open ? 'open' : 'closed';
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => set(menu.dataset.menu !== 'open'));
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.dataset.menu === 'open') {
      set(false);
      button.focus();
    }
  });
  menu.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (menu.dataset.menu === 'open' && next && !menu.contains(next)) set(false);
  });
  document.addEventListener('click', (event) => {
    if (menu.dataset.menu === 'open' && !menu.contains(event.target as Node)) set(false);
  });
}
