// The PWA: the shell opens offline once loaded, a log made offline is kept and
// sent when the connection returns, and it is never stored twice. Pages reflow
// at 320 CSS pixels (WCAG 1.4.10: 1280 px at 400 % zoom).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, shot, dayOffset, isoDate, weekday, checkA11y } from '../lib.js';

const env = useServerAndBrowser();

async function readyWalker(page, email) {
  await page.goto(`${env.server.base}/signup`);
  await page.fill('#name', 'Omar');
  await page.fill('#email', email);
  await page.fill('#password', 'offline and fine');
  await page.click('button[type=submit]');
  await page.waitForURL('**/onboarding/general');
  for (const step of ['general', 'knee', 'balance', 'timed']) {
    for (const radio of await page.locator('input[type=radio][value=no]').all()) await radio.check();
    await page.click('button[type=submit]');
    // Each screen posts to its own URL and answers with the next screen.
    await page.waitForURL(step === 'timed' ? '**/outcome' : `**/onboarding/${step}`);
  }
  await page.click('a[href="/setup"]');
  for (const d of await page.locator('input[name=day]').all()) await d.uncheck();
  for (const d of [dayOffset(-1), dayOffset(0), dayOffset(3)]) await page.check(`input[name=day][value=${weekday(d)}]`);
  await page.fill('#start', isoDate(dayOffset(-8)));
  await page.check('input[name=baseline_pain][value="2"]');
  await page.click('button[type=submit]');
  await page.waitForURL('**/today');
}

const sessions = (page) => page.evaluate(async () => (await (await fetch('/api/v1/sessions')).json()).length);

test('a log made offline is sent once when the connection returns', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const email = `offline-${Date.now()}@example.org`;
  await readyWalker(page, email);
  // Let the service worker take control and cache the shell.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.goto(`${env.server.base}/log`);
  await page.check('input[name=pain_before][value="1"]');
  await page.check('input[name=pain_peak][value="2"]');
  await page.check('input[name=pain_after][value="1"]');
  await context.setOffline(true);
  await page.click('form[action="/log"] button[type=submit]');
  await page.waitForSelector('[data-queued-note]:not([hidden])');
  // A clear banner at the top, not only grey text under Save.
  assert.match(await page.textContent('#log-queue'), /Saved on this phone, not sent yet/);
  await shot(page, 'phone-20-log-queued-offline');
  const queue = await page.evaluate(() => localStorage.getItem('retrowalk-log-queue'));
  assert.match(page.url(), /\/log$/);

  // The shell opens offline from the cache.
  await page.goto(`${env.server.base}/today`).catch(() => {});
  assert.match(await page.textContent('body'), /Today/);

  // The session ended while the phone was offline (signed out elsewhere, or
  // expired): the sign-in page must not lose the log, and once the walker
  // signs in again it is sent under the new session.
  await context.clearCookies();
  await context.setOffline(false);
  await page.goto(`${env.server.base}/today`);
  await page.waitForURL('**/signin**');
  // The page's script has run to its end (it drops the kept pages of the
  // account that left and records that), so any sending it would do was tried.
  await page.waitForFunction(() => localStorage.getItem('retrowalk-pages-owner') === '');
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('retrowalk-log-queue'))).length, 1, 'kept while signed out');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'offline and fine');
  await page.click('form[action="/signin"] button[type=submit]');
  // (Once, in CI, this wait ran out: say where the page was, to find out why.)
  await page.waitForURL('**/today', { timeout: 60000 }).catch(async (e) => {
    const main = await page.textContent('main').catch(() => '');
    throw new Error(`${e.message}\nnow at ${page.url()}: ${(main || '').replace(/\s+/g, ' ').slice(0, 400)}`);
  });
  await page.waitForFunction(async () => (await (await fetch('/api/v1/sessions')).json()).length === 1);
  // Even if the same log is sent again (twice more), it is stored once.
  await page.evaluate((q) => localStorage.setItem('retrowalk-log-queue', JSON.stringify([...JSON.parse(q), ...JSON.parse(q)])), queue);
  await page.reload();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('retrowalk-log-queue') || '[]').length === 0);
  assert.equal(await sessions(page), 1);
  await context.close();
});

test('offline, a page opened before shows its copy and when; one never opened is a styled page with the navigation', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await readyWalker(page, `copies-${Date.now()}@example.org`);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.goto(`${env.server.base}/progress`);
  // The copy is kept as the page arrives: wait until it is in the cache.
  await page.waitForFunction(async () => (await caches.keys()).length > 0
    && !!(await (await caches.open((await caches.keys())[0])).match('/progress')));
  await context.setOffline(true);
  await page.goto(`${env.server.base}/progress`).catch(() => {});
  const banner = await page.textContent('.offline-copy');
  assert.match(banner, /You are offline\. This is the copy saved on this phone on \w+/);
  assert.match(await page.textContent('main h1'), /Progress/, 'the last copy of the page itself');
  await checkA11y(page, 'progress-offline-copy-en-phone');
  await shot(page, 'phone-22-progress-offline-copy');
  await page.goto(`${env.server.base}/settings`).catch(() => {});
  assert.match(await page.textContent('main h1'), /You are offline/);
  assert.equal(await page.locator('header.top nav a[href="/today"]').count(), 1, 'the navigation is there');
  assert.ok(await page.evaluate(() => getComputedStyle(document.querySelector('header.top')).display === 'flex'), 'styled');
  await checkA11y(page, 'offline-page-en-phone');
  await shot(page, 'phone-23-offline-page');
  await context.setOffline(false);
  await context.close();
});

test('offline before any page is kept, the offline page speaks the language of the last page opened (Spanish phone)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-ES' });
  const page = await context.newPage();
  // Only the sign-in page, which is never kept: the words come from it.
  await page.goto(`${env.server.base}/signin`);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(async () => !!(await caches.match('/assets/offline-words.json')));
  await context.setOffline(true);
  await page.goto(`${env.server.base}/today`).catch(() => {});
  assert.match(await page.textContent('main h1'), /No tiene conexión/);
  assert.match(await page.textContent('main'), /Esta página aún no se ha abierto en este teléfono/);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.doesNotMatch(await page.textContent('body'), /You are offline|Log a session/);
  await checkA11y(page, 'offline-page-es-phone-before-any-copy');
  await shot(page, 'phone-23b-offline-page-es-before-any-copy');
  await context.setOffline(false);
  await context.close();
});

test('offline, a saved log that reports a warning sign hides the dose and Start on the kept pages', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await readyWalker(page, `stop-offline-${Date.now()}@example.org`);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.goto(`${env.server.base}/today`);
  assert.equal(await page.isVisible('.card.session'), true, 'a dose today while online');
  await page.goto(`${env.server.base}/plan`); // kept for offline too
  assert.match(await page.innerText('main'), /min backward/);
  await page.goto(`${env.server.base}/log`);
  for (const [f, v] of [['pain_before', 1], ['pain_peak', 2], ['pain_after', 1]]) await page.check(`input[name=${f}][value="${v}"]`);
  await page.check('input[name=symptom][value=knee_locked]');
  await context.setOffline(true);
  await page.click('form[action="/log"] button[type=submit]');
  await page.waitForSelector('#log-queue');
  assert.match(await page.textContent('#log-queue'), /Do not walk backwards for now/);
  await page.goto(`${env.server.base}/today`).catch(() => {});
  await page.waitForSelector('#log-queue');
  assert.equal(await page.isVisible('.card.session'), false, 'no dose and no Start while the warning waits');
  assert.equal(await page.locator('a[href="/session"]:visible').count(), 0);
  assert.doesNotMatch(await page.innerText('main'), /minutes of backward walking|Next backward-walking session/);
  await shot(page, 'phone-24-offline-warning-sign');
  await page.goto(`${env.server.base}/plan`).catch(() => {});
  await page.waitForSelector('#log-queue');
  assert.doesNotMatch(await page.innerText('main'), /min backward/, 'the kept plan shows no dose either');
  await context.setOffline(false);
  await context.close();
});

test('pages reflow at 320 CSS pixels without sideways scrolling', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await readyWalker(page, `reflow-${Date.now()}@example.org`);
  for (const path of ['/today', '/log', '/checkin', '/plan', '/progress', '/outcomes', '/learn', '/settings', '/session']) {
    await page.goto(`${env.server.base}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px`);
  }
  await context.close();
});

test('a queued log the server refuses is kept and shown with the reason (phone)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await readyWalker(page, `refused-${Date.now()}@example.org`);
  // Today's session, logged online.
  await page.goto(`${env.server.base}/log`);
  for (const [f, v] of [['pain_before', 1], ['pain_peak', 2], ['pain_after', 1]]) await page.check(`input[name=${f}][value="${v}"]`);
  await page.click('form[action="/log"] button[type=submit]');
  await page.waitForURL('**/today?logged=1');
  // A second log for the same day, made offline with other pains.
  await page.goto(`${env.server.base}/log`);
  for (const [f, v] of [['pain_before', 3], ['pain_peak', 4], ['pain_after', 3]]) await page.check(`input[name=${f}][value="${v}"]`);
  await context.setOffline(true);
  await page.click('form[action="/log"] button[type=submit]');
  await page.waitForSelector('[data-queued-note]:not([hidden])');
  await context.setOffline(false);
  await page.goto(`${env.server.base}/today`);
  // Refused on reconnect: kept, shown with the server's reason, not dropped.
  await page.waitForSelector('#log-queue');
  const notice = await page.textContent('#log-queue');
  assert.match(notice, /was not saved: There is already a session logged on that day/);
  await shot(page, 'phone-21-log-refused-kept');
  assert.equal(await sessions(page), 1);
  await page.reload();
  await page.waitForSelector('#log-queue');
  // Opening it shows the walker's own answers in the form.
  await page.click('#log-queue a');
  await page.waitForURL('**/log?**');
  assert.equal(await page.isChecked('input[name=pain_peak][value="4"]'), true);
  // Discarding it is the walker's choice.
  await page.goto(`${env.server.base}/today`);
  await page.click('#log-queue button');
  assert.equal(await page.locator('#log-queue').count(), 0);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('retrowalk-log-queue') || '[]').length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a log whose server cannot be reached is kept, never an error page (phone)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await readyWalker(page, `unreachable-${Date.now()}@example.org`);
  await page.goto(`${env.server.base}/log`);
  for (const [f, v] of [['pain_before', 1], ['pain_peak', 1], ['pain_after', 1]]) await page.check(`input[name=${f}][value="${v}"]`);
  // The phone says it is online, but the request never arrives.
  await page.route('**/log', (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue()));
  await page.click('form[action="/log"] button[type=submit]');
  await page.waitForSelector('[data-queued-note]:not([hidden])');
  assert.match(page.url(), /\/log$/);
  await page.unroute('**/log');
  await page.goto(`${env.server.base}/today`);
  await page.waitForFunction(async () => (await (await fetch('/api/v1/sessions')).json()).length === 1);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('retrowalk-log-queue') || '[]').length === 0);
  await context.close();
});
