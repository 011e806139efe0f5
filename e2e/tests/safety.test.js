// Safety on a phone (issue #10): adherence that never counts the future, a
// red flag that is the first and only message, a plan with no dose while the
// programme is stopped, and a clinician's recorded restart. axe-core checks
// every page; screenshots go to target/e2e-screenshots/phone-safety-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, checkA11y, shot, dayOffset, isoDate, newWalker, logToday, enrolTwoFactor } from '../lib.js';

const env = useServerAndBrowser();
const PHONE = { width: 390, height: 844 };

test('adherence on day one counts only what was due (phone)', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
  const page = await context.newPage();
  // The programme starts today, with two more sessions later this week.
  await newWalker(env, page, 'Ada', dayOffset(0), [dayOffset(0), dayOffset(2), dayOffset(4)]);
  await logToday(env, page, { pain_before: 2, pain_peak: 1, pain_after: 1 });
  await page.waitForURL('**/today?logged=1');
  await page.goto(`${env.server.base}/progress`);
  await checkA11y(page, 'progress-day-one');
  await shot(page, 'phone-safety-1-progress-day-one');
  const main = await page.textContent('main');
  assert.match(main, /Sessions done: 100% of the sessions due so far/);
  assert.doesNotMatch(main, /33 ?%/);
  // The week's row says one of one due, not one of three.
  assert.match(await page.textContent('table:has(caption:text("Minutes per week")) tbody'), /1\/1/);
  await context.close();
});

test('a red flag is the first and only message, and the plan holds no dose (phone)', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await newWalker(env, page, 'Bea', dayOffset(-8), [dayOffset(-1), dayOffset(0), dayOffset(3)]);
  await logToday(env, page, { pain_before: 3, pain_peak: 7, pain_after: 6 }, 'knee_gave_way');
  await page.waitForURL(/\/today$/);
  await checkA11y(page, 'today-stopped');
  await shot(page, 'phone-safety-2-stop');
  // The stop is the first thing in <main> after the title, high on the first screen.
  const alert = page.locator('main [role=alert]');
  assert.equal(await alert.count(), 1);
  const box = await alert.boundingBox();
  assert.ok(box.y < PHONE.height / 3, `the stop starts at ${box.y}px`);
  const first = await page.evaluate(() => document.querySelector('main h1').nextElementSibling.getAttribute('role'));
  assert.equal(first, 'alert');
  const main = await page.textContent('main');
  assert.match(main, /Stop: backward walking is paused/);
  assert.match(main, /Contact your clinician today/);
  assert.match(main, /Get medical help today/);
  for (const never of [/Well done/, /Session logged/, /Start guided session/, /Also today/, /squat/i]) {
    assert.doesNotMatch(main, never);
  }
  assert.equal(await page.locator('.flash').count(), 0, 'no "logged" flash above the stop');

  // The plan says why it is paused and shows no dose ahead.
  await page.goto(`${env.server.base}/plan`);
  await checkA11y(page, 'plan-stopped');
  await shot(page, 'phone-safety-3-plan-stopped');
  const plan = await page.textContent('main');
  assert.match(plan, /What ends the pause/);
  assert.doesNotMatch(plan, /Your dose now/);
  for (const li of await page.locator('li.status-paused').allTextContents()) {
    assert.doesNotMatch(li, /min backward \(/);
  }
  assert.ok(await page.locator('li.status-paused').count() > 0);

  // The log form is not offered while stopped.
  await page.goto(`${env.server.base}/log`);
  await page.waitForURL(/\/today$/);

  // A clinician's restart: who, role, note, and the dose shown before it is recorded.
  await page.click('a[href="/restart"]');
  await checkA11y(page, 'restart');
  assert.match(await page.textContent('main'), /It restarts at: 5 min backward/);
  await page.fill('#by', 'Sam Okafor');
  await page.fill('#role', 'physiotherapist');
  await page.fill('#note', 'Knee examined, stable');
  await page.fill('#minutes', '4');
  await page.click('form[action="/restart"] button[type=submit]');
  await page.waitForSelector('input[name=shown]', { state: 'attached' });
  assert.match(await page.textContent('main'), /It restarts at: 4 min backward/);
  await checkA11y(page, 'restart-confirm');
  await shot(page, 'phone-safety-4-restart');
  // (Keyboard, not a click: a full-page screenshot leaves click coordinates stale.)
  await page.focus('form[action="/restart"] button[type=submit]');
  await Promise.all([page.waitForURL(/\/today$/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('main [role=alert]').count(), 0);
  await page.goto(`${env.server.base}/plan`);
  assert.match(await page.textContent('main'), /Sam Okafor \(physiotherapist\) restarted your programme at: 4 min/);
  await shot(page, 'phone-safety-5-plan-restarted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a restart signed the day of a red-flag check-in starts the next day, and the plan shows it from then (phone, Spanish)', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, bypassCSP: true, locale: 'es-ES' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Training yesterday, today and tomorrow (the restart's day).
  const days = [dayOffset(-1), dayOffset(0), dayOffset(1)];
  await newWalker(env, page, 'Dora', dayOffset(-8), days);
  await page.goto(`${env.server.base}/log`);
  await page.evaluate((d) => { document.querySelector('#date').value = d; }, isoDate(dayOffset(-1)));
  for (const [f, v] of Object.entries({ pain_before: 2, pain_peak: 3, pain_after: 2 })) await page.check(`input[name=${f}][value="${v}"]`);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/log"] button[type=submit]')]);
  // This morning's check-in reports the knee locking: the programme stops.
  await page.goto(`${env.server.base}/checkin`);
  await page.check('input[name=pain][value="3"]');
  await page.check('input[name=symptom][value=knee_locked]');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  assert.match(await page.textContent('main'), /Pare: caminar hacia atrás está en pausa/);
  // The clinician saw her this afternoon and signs the restart.
  await page.goto(`${env.server.base}/restart`);
  await page.fill('#by', 'Sam Okafor');
  await page.fill('#role', 'fisioterapeuta');
  await page.fill('#note', 'Rodilla revisada');
  await page.fill('#minutes', '4');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/restart"] button[type=submit]')]);
  await page.focus('form[action="/restart"] button[type=submit]');
  await Promise.all([page.waitForURL(/\/today$/), page.keyboard.press('Enter')]);
  // Today still stops, says when training starts again, and offers no second restart.
  const today = await page.textContent('main');
  assert.match(today, /ha firmado la reanudación: vuelve a caminar hacia atrás el/);
  assert.equal(await page.locator('main a[href="/restart"]').count(), 0);
  assert.doesNotMatch(today, /Empezar la sesión guiada/);
  await checkA11y(page, 'today-restart-pending');
  await shot(page, 'phone-safety-6-restart-pending-es');
  // The plan: no dose today, the restart's dose from tomorrow.
  await page.goto(`${env.server.base}/plan`);
  await checkA11y(page, 'plan-restart-pending');
  await shot(page, 'phone-safety-7-plan-restart-pending-es');
  assert.match(await page.textContent('main'), /Hasta entonces el plan no muestra caminar hacia atrás; desde el/);
  const planned = await page.locator('li.status-planned').allTextContents();
  assert.ok(planned.length > 0);
  const months = '(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)';
  assert.match(planned[0], new RegExp(`\\b${dayOffset(1).getDate()} ${months}`), 'the first planned day is the restart\'s, tomorrow');
  for (const li of planned) assert.match(li, /4 min hacia atrás/);
  // Today's session is paused, with no dose.
  const todays = await page.locator('li.status-paused').allTextContents();
  assert.ok(todays.length > 0);
  for (const li of todays) assert.doesNotMatch(li, /min hacia atrás \(/);
  // No session can be logged today.
  await page.goto(`${env.server.base}/log`);
  await page.waitForURL(/\/today$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a red flag puts the walker first on their clinician\'s patient list (desktop)', async () => {
  const phone = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
  const walker = await phone.newPage();
  await newWalker(env, walker, 'Cleo', dayOffset(-2), [dayOffset(-2), dayOffset(0)]);
  await logToday(env, walker, { pain_before: 2, pain_peak: 3, pain_after: 2 }, 'knee_locked');
  const desk = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const doctor = await desk.newPage();
  await newWalker(env, doctor, 'Rivera', dayOffset(0), [dayOffset(0), dayOffset(2)]);
  // The clinic's administrator, on the server's database.
  const accounts = JSON.parse(env.server.cli(['--json', 'user', 'list']));
  const cleo = accounts.find((a) => a.email.startsWith('cleo-'));
  const rivera = accounts.find((a) => a.email.startsWith('rivera-'));
  env.server.cli(['clinic', 'create', 'Knee Clinic']);
  const clinic = String(JSON.parse(env.server.cli(['--json', 'clinic', 'list'])).at(-1).id);
  env.server.cli(['clinic', 'member', 'add', '--clinic', clinic, '--email', rivera.email, '--role', 'clinician']);
  env.server.cli(['--walker', String(cleo.walker), 'clinic', 'join', '--clinic', clinic]);
  env.server.cli(['--walker', String(cleo.walker), 'clinic', 'team', 'add', '--clinic', clinic, '--email', rivera.email]);
  await enrolTwoFactor(env, doctor);
  await doctor.goto(`${env.server.base}/patients`);
  await checkA11y(doctor, 'patients');
  await shot(doctor, 'desktop-safety-patients');
  const first = await doctor.textContent('tbody tr:first-child');
  assert.match(first, /Cleo/);
  assert.match(first, /critical/);
  assert.match(first, /F-RED-FLAG/);
  await phone.close();
  await desk.close();
});
