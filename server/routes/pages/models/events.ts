import { messagesFor } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import type { Repositories } from '../../../plugins/repositories.js';
import type { EventsView } from '../views/events.js';
import type { PageModel } from './model.js';

/** `/events`: events to come, soonest first, then past ones, latest first. */
export async function eventsPageModel(repos: Repositories, locale: Locale): Promise<PageModel<EventsView>> {
  const msg = messagesFor(locale);
  const all = await repos.events.list();
  const now = new Date().toISOString();
  return {
    name: 'events',
    title: msg.events.title,
    description: msg.events.description,
    path: '/events',
    demo: all.some((e) => e.demo),
    view: { upcoming: all.filter((e) => e.startsAt >= now), past: all.filter((e) => e.startsAt < now).reverse() },
  };
}
