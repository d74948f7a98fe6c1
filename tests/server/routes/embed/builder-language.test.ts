import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const AVERY = 'demo-avery-placeholder';

it('lets a partner choose Spanish on /embed: every snippet then asks for Spanish', async () => {
  const page = (await t.app.inject(`/embed?variant=badge&subject=${AVERY}&standard=kids&lang=es`)).body;
  expect(page).toContain('<input type="radio" id="lang-es" name="lang" value="es" checked>');
  expect(page).toContain('<label for="lang-es" lang="es">Español</label>');
  // Snippets sit in textareas, so their markup is escaped once more.
  expect(page).toContain(
    `&lt;da-scorecard subject=&quot;${AVERY}&quot; variant=&quot;badge&quot; standard=&quot;kids&quot; lang=&quot;es&quot;&gt;`,
  );
  expect(page).toContain(`/embed/${AVERY}?variant=badge&amp;amp;standard=kids&amp;amp;lang=es`);
  expect(page).toContain(`/badge/${AVERY}.svg?standard=kids&amp;amp;lang=es`);
  expect(page).toContain('Calificaciones de la Fiscalía de Distrito: Avery Placeholder (demo)');
  expect(page).toMatch(/Estándar 3 “Tratar a los niños como niños”/);
  // The preview itself is the Spanish widget.
  expect(page).toContain(`<da-scorecard subject="${AVERY}" variant="badge" standard="kids" lang="es"></da-scorecard>`);
});

it('keeps English snippets free of a lang attribute', async () => {
  const page = (await t.app.inject(`/embed?subject=${AVERY}`)).body;
  expect(page).toContain('<input type="radio" id="lang-en" name="lang" value="en" checked>');
  expect(page).toContain(`<da-scorecard subject="${AVERY}"></da-scorecard>`);
  expect(page).not.toContain('lang=&quot;es&quot;');
});
