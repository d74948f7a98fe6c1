import { messagesFor } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import { workedExample } from '../../../../core/scoring/explanation.js';
import { describeMethod } from '../../../../core/scoring/method.js';
import type { Repositories } from '../../../plugins/repositories.js';
import type { MethodologyView } from '../views/methodology.js';
import type { PageModel } from './model.js';

// The method and its worked example are constants of the code: worked out once.
let method: ReturnType<typeof describeMethod> | undefined;
let example: ReturnType<typeof workedExample> | undefined;

/** `/methodology`: how grades are worked out, with the admin-editable text in the page's language. */
export async function methodologyPageModel(repos: Repositories, locale: Locale): Promise<PageModel<MethodologyView>> {
  const msg = messagesFor(locale);
  method ??= describeMethod();
  example ??= workedExample();
  return {
    name: 'methodology',
    title: msg.methodology.title,
    description: msg.methodology.description,
    path: '/methodology',
    ogType: 'article',
    demo: false,
    view: { method, example, text: await repos.methodology.text(locale), lang: locale },
  };
}
