// The guided session keeps time the way a real phone needs: from the clock,
// not from ticks the browser slows or stops. Pause holds the clock; a page
// that slept (timers stopped, time went on) shows the right step on waking;
// a reload (the browser discarded the tab) carries on where the session is;
// leaving mid-session asks first; there is no navigation to brush. The
// page's clock is Playwright's, moved by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newWalker, checkA11y, shot, dayOffset } from '../lib.js';

const env = useServerAndBrowser();
/** The seconds the big clock shows (m:ss). */
async function seconds(page) {
  const [m, s] = (await page.textContent('#clock')).split(':').map(Number);
  return m * 60 + s;
}

test('the guided session keeps time through a pause, a sleeping page and a reload', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); d.accept(); });
  await newWalker(env, page, 'Ines', dayOffset(0), [dayOffset(0), dayOffset(2)]);

  // The page's clock runs as usual until paused by hand below.
  await page.clock.install();
  await page.goto(`${env.server.base}/session`);
  const phases = JSON.parse(await page.getAttribute('#timer', 'data-phases'));
  assert.deepEqual(phases.map((p) => p.kind).slice(0, 2), ['warmup', 'bout']);
  for (const c of await page.locator('#check-form input[type=checkbox]').all()) await c.check();
  await page.click('#start');
  await page.waitForSelector('#timer:not([hidden])');
  assert.equal(await page.locator('header.top nav:visible, header.top .menu:visible').count(), 0, 'no navigation during the session');
  await checkA11y(page, 'session-running');

  // The clock held still: thirty seconds later the warm-up shows thirty
  // seconds less. (Clicks go through the page while its clock is held.)
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const left = await seconds(page);
  await page.clock.runFor(30_000);
  assert.equal(await seconds(page), left - 30);

  // Paused for five minutes: the session's clock waits.
  await page.evaluate(() => document.getElementById('pause').click());
  await page.clock.runFor(5 * 60_000);
  assert.equal(await seconds(page), left - 30);
  assert.equal(await page.isVisible('#paused-note'), true);
  assert.equal(await page.getAttribute('#pause', 'aria-pressed'), 'true');
  await page.clock.resume();
  await checkA11y(page, 'session-paused');
  await shot(page, 'phone-30-session-paused');

  // Resumed, then the screen locks: no timer runs while time goes on, and on
  // waking the page is ten seconds into the first bout.
  await page.click('#pause');
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const warmLeft = await seconds(page);
  const now = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(now + (warmLeft + 10) * 1000);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal(await page.textContent('#phase'), phases[1].label);
  const boutLeft = await seconds(page);
  assert.ok(Math.abs(boutLeft - (phases[1].seconds - 10)) <= 1, `${boutLeft} s left of the bout`);
  await page.clock.resume();
  await shot(page, 'phone-31-session-after-sleep');

  // The browser reloads the page (it discarded the tab): leaving asks first,
  // and the session comes back at the same step without the checklist.
  await page.reload();
  assert.deepEqual(dialogs, ['beforeunload']);
  await page.waitForSelector('#timer:not([hidden])');
  assert.equal(await page.isVisible('#checklist'), false);
  assert.equal(await page.textContent('#phase'), phases[1].label);

  // Stop: the log is filled in with the time walked backwards (ten seconds
  // rounds up to the one minute the log takes at least).
  await page.click('#stop');
  await page.click('#stop'); // the second tap stops (the first only asks)
  await page.waitForURL('**/log?**');
  assert.equal(await page.inputValue('#minutes'), '1');
  assert.equal(await page.evaluate(() => localStorage.getItem('retrowalk.session')), null, 'nothing left to resume');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a day without backward walking still has a Start: the exercises, guided', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Training days that are not today: today is a rest day with exercises.
  await newWalker(env, page, 'Teo', dayOffset(-3), [dayOffset(1), dayOffset(3)]);
  await page.goto(`${env.server.base}/today`);
  const start = page.locator('main a.button.primary.big[href="/exercises"]');
  assert.equal(await start.count(), 1, 'the big Start on a rest day is the exercises');
  await page.clock.install();
  await start.click();
  await page.waitForURL('**/exercises');
  await checkA11y(page, 'exercises-checklist');
  const phases = JSON.parse(await page.getAttribute('#timer', 'data-phases'));
  assert.equal(phases[0].kind, 'ready');
  assert.ok(phases.some((p) => p.kind === 'exercise'), 'sets and holds to guide');
  // Repetitions, where there are any, are counted aloud at a slow pace.
  for (const p of phases.filter((x) => x.count_every)) assert.equal(p.seconds % p.count_every, 0);
  for (const c of await page.locator('#check-form input[type=checkbox]').all()) await c.check();
  await page.click('#start');
  await page.waitForSelector('#timer:not([hidden])');
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.clock.runFor(16_000);
  assert.equal(await page.textContent('#phase'), phases[1].label, 'after getting ready, the first set');
  await page.clock.resume();
  await checkA11y(page, 'exercises-running');
  await shot(page, 'phone-32-exercises-guided');
  // Every step done (the page slept through the rest): back to Today, well done.
  const total = phases.reduce((sum, p) => sum + p.seconds, 0);
  await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + total * 1000);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.waitForURL('**/today?note=exercises_done');
  assert.match(await page.textContent('.flash'), /today's exercises are done/);
  assert.deepEqual(errors, []);
  await context.close();
});
