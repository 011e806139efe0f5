// The walker's first week in a real browser, at phone and desktop sizes:
// sign-up, a blocked screen, set-up, a guided session on a fast clock, the
// log, the morning check-in that changes the dose, progress, export and
// account deletion. axe-core checks every page; screenshots go to target/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { useServerAndBrowser, checkA11y, shot, dayOffset, isoDate, weekday, root } from '../lib.js';

const env = useServerAndBrowser();

async function answerAll(page, yesIds = []) {
  for (const radio of await page.locator('input[type=radio][value=no]').all()) {
    const name = await radio.getAttribute('name');
    await page.check(`input[name="${name}"][value="${yesIds.includes(name) ? 'yes' : 'no'}"]`);
  }
}

async function screening(page, size, yesIds) {
  await page.goto(`${env.server.base}/onboarding/general`);
  await checkA11y(page, 'onboarding');
  await shot(page, `${size}-03-onboarding-general`);
  for (const step of ['general', 'knee', 'balance']) {
    await answerAll(page, yesIds);
    await page.click('button[type=submit]');
    await page.waitForURL(`**/onboarding/${step}`);
  }
  await checkA11y(page, 'onboarding-timed');
  await page.click('button[type=submit]');
  await page.waitForURL('**/outcome');
}

for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
  test(`a first week, ${size}`, async () => {
    const context = await env.browser.newContext({ viewport, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const email = `walker-${size}-${Date.now()}@example.org`;

    // 1. Sign up; a screening with a red flag is blocked.
    await page.goto(`${env.server.base}/signin`);
    await checkA11y(page, 'signin');
    await shot(page, `${size}-01-signin`);
    await page.click('a[href="/signup"]');
    await checkA11y(page, 'signup');
    await shot(page, `${size}-02-signup`);
    await page.fill('#name', 'Rosa');
    await page.fill('#email', email);
    await page.fill('#password', 'knees getting better');
    await page.click('button[type=submit]');
    await page.waitForURL('**/onboarding/general');
    await screening(page, size, ['knee_locks']);
    assert.match(await page.textContent('main'), /Do not start: see a clinician/);
    await checkA11y(page, 'outcome-blocked');
    await shot(page, `${size}-04-outcome-blocked`);

    // 2. A cleared walker sets up and opens Today.
    await screening(page, size, []);
    assert.match(await page.textContent('main'), /You can start/);
    await shot(page, `${size}-05-outcome-cleared`);
    await page.click('a[href="/setup"]');
    await checkA11y(page, 'setup');
    for (const e of ['treadmill', 'safety_key', 'handrails', 'bike']) await page.check(`input[name=equipment][value=${e}]`);
    for (const d of await page.locator('input[name=day]').all()) await d.uncheck();
    // Yesterday and today are session days, so a session can be logged and checked in on.
    for (const d of [dayOffset(-1), dayOffset(0), dayOffset(3)]) await page.check(`input[name=day][value=${weekday(d)}]`);
    await page.fill('#start', isoDate(dayOffset(-8)));
    await page.check('input[name=baseline_pain][value="3"]');
    await shot(page, `${size}-06-setup`);
    await page.click('button[type=submit]');
    await page.waitForURL('**/today');
    await checkA11y(page, 'today');
    await shot(page, `${size}-07-today`);
    assert.match(await page.textContent('main'), /Backward walking/);

    // Yesterday's session, logged late, then this morning's check-in.
    await page.goto(`${env.server.base}/log?date=${isoDate(dayOffset(-1))}`);
    await checkA11y(page, 'log');
    await page.check('input[name=pain_before][value="2"]');
    await page.check('input[name=pain_peak][value="1"]');
    await page.check('input[name=pain_after][value="1"]');
    await page.click('details.more summary');
    await page.fill('#date', isoDate(dayOffset(-1)));
    await shot(page, `${size}-08-log`);
    await page.click('form[action="/log"] button[type=submit]');
    await page.waitForURL('**/today?logged=1');
    // The reason is shown in words; the rule's code only in the link.
    assert.equal(await page.locator('a.why[href="/learn/A-AWAIT-CHECKIN"]').count() > 0, true);
    assert.doesNotMatch(await page.textContent('main'), /A-AWAIT-CHECKIN/);

    // 4. The next-morning check-in changes the dose, and the reason is shown.
    const before = await page.textContent('#session-h');
    await page.click('a[href="/checkin"]');
    await checkA11y(page, 'checkin');
    await shot(page, `${size}-09-checkin`);
    await page.check('input[name=pain][value="3"]');
    await page.click('button[type=submit]');
    await page.waitForURL('**/today?checked_in=1');
    const after = await page.textContent('#session-h');
    assert.notEqual(after, before, 'the check-in changed today\'s dose');
    assert.equal(await page.locator('a.why[href="/learn/A-PROGRESS"]').count() > 0, true);
    await shot(page, `${size}-10-today-after-checkin`);

    // 3. A guided session runs with a fast clock, then the log is filled in.
    await page.goto(`${env.server.base}/session?speed=600`);
    await checkA11y(page, 'session');
    await shot(page, `${size}-11-session-checklist`);
    for (const c of await page.locator('#check-form input[type=checkbox]').all()) await c.check();
    await page.click('#start');
    await page.waitForSelector('#timer:not([hidden])');
    await shot(page, `${size}-12-session-timer`);
    await page.waitForURL('**/log?**', { timeout: 30000 });
    assert.equal(await page.inputValue('#minutes'), after.match(/(\d+) min/)[1]);
    await page.check('input[name=pain_before][value="2"]');
    await page.check('input[name=pain_peak][value="2"]');
    await page.check('input[name=pain_after][value="2"]');
    await page.click('form[action="/log"] button[type=submit]');
    await page.waitForURL('**/today?logged=1');

    // 5. The plan and the progress chart show the data.
    await page.goto(`${env.server.base}/plan`);
    await checkA11y(page, 'plan');
    await shot(page, `${size}-13-plan`);
    assert.match(await page.textContent('main'), /done/);
    await page.goto(`${env.server.base}/progress`);
    await checkA11y(page, 'progress');
    await shot(page, `${size}-14-progress`);
    assert.equal(await page.locator('svg.chart').count(), 4);
    assert.equal(await page.locator('svg.chart circle.dot.s2').count(), 2, 'two sessions plotted');
    // Outcome measures: the stopwatch fills in a Timed Up and Go time, and the
    // change against the first result is shown with its source.
    await page.goto(`${env.server.base}/outcomes`);
    await checkA11y(page, 'outcomes');
    await shot(page, `${size}-15a-outcomes`);
    const tug = page.locator('form:has(input[name=measure][value=timed_up_and_go])');
    const openAll = () => page.evaluate(() => document.querySelectorAll('details.measure').forEach((d) => { d.open = true; }));
    await openAll();
    await tug.locator('[data-start]').click();
    await tug.locator('[data-stop]').click();
    assert.match(await tug.locator('[data-value]').inputValue(), /^\d+\.\d$/);
    await tug.locator('[data-value]').fill('11.5');
    await tug.locator('button[type=submit]').click();
    await page.waitForSelector('.flash');
    const cst = page.locator('form:has(input[name=measure][value=chair_stand30s])');
    await openAll();
    await cst.locator('[data-value]').fill('10');
    await cst.locator('button[type=submit]').click();
    await page.waitForSelector('.flash');
    const tug2 = page.locator('form:has(input[name=measure][value=timed_up_and_go])');
    await openAll();
    await tug2.locator('[data-value]').fill('9.9');
    await tug2.locator('button[type=submit]').click();
    await page.waitForSelector('.flash');
    assert.match(await page.textContent('.flash'), /a real improvement/);
    await checkA11y(page, 'outcomes-results');
    await shot(page, `${size}-15b-outcomes-results`);
    // A questionnaire the clinic loads (our own example) is given and scored like a measure.
    env.server.cli(['questionnaire', 'load', path.join(root, 'examples/questionnaire/knee-days.json'),
      '--scoring', path.join(root, 'examples/questionnaire/knee-days.scoring.json')]);
    await page.goto(`${env.server.base}/outcomes`);
    await page.click('a[href="/questionnaires/retrowalk-knee-days"]');
    await checkA11y(page, 'questionnaire');
    await shot(page, `${size}-15d-questionnaire`);
    for (const [item, answer] of [['d1', 'little'], ['d2', 'none'], ['d3', 'some'], ['w1', 'none'], ['w2', 'lot'], ['w3', 'little']]) {
      await page.check(`input[name=${item}][value=${answer}]`);
    }
    await page.click('form.questionnaire button[type=submit]');
    await page.waitForSelector('.flash');
    assert.match(await page.textContent('.flash'), /Everyday tasks 75 of 100; Walking and stairs 66\.7 of 100/);
    await page.goto(`${env.server.base}/progress`);
    assert.match(await page.textContent('main'), /Timed Up and Go: 11\.5 s \(\d+ [A-Z][a-z]+\) to 9\.9 s \(\d+ [A-Z][a-z]+\), 2 results — a real improvement/);
    await checkA11y(page, 'progress-with-outcomes');
    await page.click('a[href="/report"]');
    await checkA11y(page, 'report');
    await shot(page, `${size}-15c-report`);
    const report = await page.textContent('main');
    for (const part of ['Screening', 'Programme and adherence', 'Dose decisions', 'A-PROGRESS', 'Timed Up and Go']) {
      assert.ok(report.includes(part), `the report shows ${part}`);
    }
    // The PDF download, read back with pdftotext: its text is real text.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/report.pdf"]')]);
    const pdfPath = path.join(os.tmpdir(), `retrowalk-${size}-report.pdf`);
    await pdf.saveAs(pdfPath);
    const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    for (const part of ['retrowalk report', 'Screening and clearance', 'Pain trend', 'A-PROGRESS', 'Timed Up and Go', 'Everyday tasks', 'not medical advice']) {
      assert.ok(pdfText.includes(part), `the PDF shows ${part}`);
    }

    await page.goto(`${env.server.base}/learn`);
    await checkA11y(page, 'learn');
    await shot(page, `${size}-15-learn`);

    // A walk recorded by a watch on a missed session day: uploaded with a file
    // that is not an activity, matched, confirmed as backward with the pains.
    const walkDay = isoDate(dayOffset(-4));
    const points = Array.from({ length: 9 }, (_, i) =>
      `<trkpt lat="51.5${String(i * 2).padStart(3, '0')}" lon="-0.12"><time>${walkDay}T08:0${i}:00Z</time></trkpt>`).join('');
    const gpx = `<gpx version="1.1" creator="Watch"><trk><type>walking</type><trkseg>${points}</trkseg></trk></gpx>`;
    await page.goto(`${env.server.base}/plan`);
    await page.click('a[href="/import"]');
    await checkA11y(page, 'import');
    await page.setInputFiles('#files', [
      { name: 'walk.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(gpx) },
      { name: 'notes.fit', mimeType: 'application/octet-stream', buffer: Buffer.from('not a fit file') },
    ]);
    await page.click('form[action="/import"] button[type=submit]');
    await page.waitForSelector('#res-h');
    const results = await page.textContent('main');
    assert.match(results, /walk\.gpx: imported \(gpx\), 1 activity/);
    assert.match(results, /notes\.fit: not imported/);
    await checkA11y(page, 'import-results');
    await shot(page, `${size}-16a-import`);
    await page.click('a[href^="/activities/"]');
    await checkA11y(page, 'confirm-activity');
    for (const [name, v] of [['pain_before', '2'], ['pain_peak', '3'], ['pain_after', '2']]) {
      await page.check(`input[name=${name}][value="${v}"]`);
    }
    await shot(page, `${size}-16b-confirm-activity`);
    await page.click('form button[type=submit]');
    await page.waitForURL('**/today?logged=1');
    await page.goto(`${env.server.base}/plan`);
    assert.match(await page.textContent('main'), /imported/);

    // 6. Export, then delete the account.
    await page.goto(`${env.server.base}/settings`);
    await checkA11y(page, 'settings');
    await shot(page, `${size}-16-settings`);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/settings/export.json"]')]);
    const archive = JSON.parse(await (await json.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
    assert.equal(archive.sessions.length, 3, "two logged, one confirmed from the watch");
    assert.equal(archive.imports.length, 1);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/settings/export.csv"]')]);
    assert.match(await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()), /^date,minutes/);
    await page.fill('#confirm', 'DELETE');
    await page.click('form[action="/settings/delete"] button[type=submit]');
    await page.waitForURL('**/signin');
    await page.fill('#email', email);
    await page.fill('#password', 'knees getting better');
    await page.click('button[type=submit]');
    assert.match(await page.textContent('main'), /do not match/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
