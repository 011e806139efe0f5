// The walker's day in Spanish and in English, at phone and desktop sizes: the
// new Today, a guided session paused, slept through and resumed on a moved
// clock, the guided exercises, and offline a queued log and a kept Progress.
// The browser's language (Playwright's locale sends Accept-Language) picks
// the words; axe checks every page; screenshots go to target/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newWalker, checkA11y, shot, dayOffset } from '../lib.js';

const env = useServerAndBrowser();

const WORDS = {
  es: {
    locale: 'es-ES',
    start: 'Empezar la sesión guiada',
    paused: /En pausa/,
    bout: /Caminar hacia atrás, tanda 1 de/,
    exercisesDone: /ha terminado los ejercicios de hoy/,
    queued: /Guardada en este teléfono, aún sin enviar/,
    offlineCopy: /No tiene conexión\. Es la copia guardada en este teléfono/,
    progress: /Progreso/,
  },
  en: {
    locale: 'en-GB',
    start: 'Start guided session',
    paused: /Paused/,
    bout: /Backward walking, bout 1 of/,
    exercisesDone: /today's exercises are done/,
    queued: /Saved on this phone, not sent yet/,
    offlineCopy: /You are offline\. This is the copy saved on this phone/,
    progress: /Progress/,
  },
};

for (const [lang, size, viewport] of [
  ['es', 'phone', { width: 390, height: 844 }],
  ['es', 'desktop', { width: 1280, height: 900 }],
  ['en', 'desktop', { width: 1280, height: 900 }],
  ['en', 'phone', { width: 390, height: 844 }],
]) {
  test(`a walker's day in ${lang}, ${size}`, async () => {
    const w = WORDS[lang];
    const context = await env.browser.newContext({ viewport, locale: w.locale });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => d.accept());
    const tag = `${size}-${lang}`;
    await newWalker(env, page, `Lena${lang}${size}`, dayOffset(0), [dayOffset(0), dayOffset(2)]);

    // Today: the next step first, in the walker's language.
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    const start = page.locator('main a.button.primary.big[href="/session"]');
    assert.equal((await start.textContent()).trim(), w.start);
    const box = await start.boundingBox();
    assert.ok(box.y + box.height <= viewport.height, `Start is on the first screen (it ends at ${box.y + box.height} px)`);
    await checkA11y(page, `today-${tag}`);
    await shot(page, `${tag}-40-today`);

    // The guided session: paused five minutes, then asleep into the first bout, then reloaded.
    await page.clock.install();
    await start.click();
    await page.waitForURL('**/session');
    const phases = JSON.parse(await page.getAttribute('#timer', 'data-phases'));
    assert.match(phases[1].label, w.bout);
    for (const c of await page.locator('#check-form input[type=checkbox]').all()) await c.check();
    await page.click('#start');
    await page.waitForSelector('#timer:not([hidden])');
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await page.evaluate(() => document.getElementById('pause').click());
    await page.clock.runFor(5 * 60_000);
    assert.match(await page.textContent('#paused-note'), w.paused);
    await page.clock.resume();
    await checkA11y(page, `session-paused-${tag}`);
    await shot(page, `${tag}-41-session-paused`);
    await page.click('#pause');
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const [m, s] = (await page.textContent('#clock')).split(':').map(Number);
    await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + (m * 60 + s + 10) * 1000);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    assert.equal(await page.textContent('#phase'), phases[1].label);
    await page.clock.resume();
    await page.reload();
    await page.waitForSelector('#timer:not([hidden])');
    assert.equal(await page.textContent('#phase'), phases[1].label, 'the reloaded page carries on at the bout');
    await shot(page, `${tag}-42-session-resumed`);
    await page.click('#stop');
    await page.click('#stop');
    await page.waitForURL('**/log?**');

    // The guided exercises, every step slept through: back to Today, well done.
    // (The page's clock stays installed from the session, running as usual.)
    await page.goto(`${env.server.base}/exercises`);
    for (const c of await page.locator('#check-form input[type=checkbox]').all()) await c.check();
    await page.click('#start');
    await page.waitForSelector('#timer:not([hidden])');
    await checkA11y(page, `exercises-${tag}`);
    await shot(page, `${tag}-43-exercises`);
    const steps = JSON.parse(await page.getAttribute('#timer', 'data-phases'));
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const total = steps.reduce((sum, p) => sum + p.seconds, 0);
    await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + total * 1000);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.waitForURL('**/today?note=exercises_done');
    assert.match(await page.textContent('.flash'), w.exercisesDone);
    await page.clock.resume();

    // Offline: Progress was opened before, so its copy shows with when;
    // a log made offline is a banner until it is sent.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.goto(`${env.server.base}/progress`);
    assert.match(await page.textContent('h1'), w.progress);
    await page.goto(`${env.server.base}/log`);
    for (const [f, v] of [['pain_before', 1], ['pain_peak', 2], ['pain_after', 1]]) await page.check(`input[name=${f}][value="${v}"]`);
    await context.setOffline(true);
    await page.click('form[action="/log"] button[type=submit]');
    await page.waitForSelector('#log-queue');
    assert.match(await page.textContent('#log-queue'), w.queued);
    await checkA11y(page, `log-queued-${tag}`);
    await shot(page, `${tag}-44-log-queued`);
    await page.goto(`${env.server.base}/progress`).catch(() => {});
    await page.waitForSelector('.offline-copy');
    assert.match(await page.textContent('.offline-copy'), w.offlineCopy);
    assert.match(await page.textContent('#log-queue'), w.queued);
    await checkA11y(page, `progress-offline-${tag}`);
    await shot(page, `${tag}-45-progress-offline`);
    await context.setOffline(false);
    await page.goto(`${env.server.base}/today`);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('retrowalk-log-queue') || '[]').length === 0);

    // The other pages, in the walker's language, each checked by axe.
    for (const [path, name] of [
      ['/plan', 'plan'], ['/checkin', 'checkin'], ['/outcomes', 'measures'], ['/learn', 'learn'],
      ['/learn/A-PROGRESS', 'learn-rule'], ['/learn/S-FALL-RISK', 'learn-screening-rule'],
    ]) {
      await page.goto(`${env.server.base}${path}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, path);
      await checkA11y(page, `${name}-${tag}`);
      await shot(page, `${tag}-46-${name}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
