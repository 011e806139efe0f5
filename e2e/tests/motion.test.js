// Motion during a guided session, on a phone: the browser suite plays a
// shared lower-back recording (../shared/data/imu, IPOL subject 1) into the
// page as DeviceMotionEvents, played backwards for the walk and forwards for
// the next session; after the log the recording is sent by itself, and the
// Motion page says the steps, the cadence and the minutes backward and
// forward in plain words. Skipped when the shared data is not beside the
// project (CI has it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { useServerAndBrowser, newWalker, logToday, checkA11y, shot, dayOffset, isoDate, root } from '../lib.js';

const env = useServerAndBrowser();
const IPOL = join(root, '..', 'shared', 'data', 'imu', 'ipol_gait');
const FILE = join(IPOL, '1-2_lb.txt');

/** The recording's acceleration rows (m/s², gravity included), in file order. */
function rows(file = FILE) {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const head = lines[1].split('\t');
  const [x, y, z] = ['Acc_X', 'Acc_Y', 'Acc_Z'].map((c) => head.indexOf(c));
  return lines.slice(2).map((l) => l.split('\t')).map((f) => [Number(f[x]), Number(f[y]), Number(f[z])]);
}

/** Plays `samples` into the page as the phone's motion. */
async function play(page, samples) {
  await page.evaluate((all) => {
    for (const [x, y, z] of all) {
      window.dispatchEvent(new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x, y, z }, interval: 10 }));
    }
  }, samples);
}

/**
 * A guided session with the phone "in the pocket" replaying `samples`, then
 * its log. The page is reloaded halfway (as a browser that discarded it
 * would): the recording carries on from what it had.
 */
async function walkWith(page, samples, query = '') {
  await page.goto(`${env.server.base}/session${query}`);
  for (const c of await page.locator('#check-form input[type=checkbox]').all()) await c.check();
  await page.click('#start');
  await page.waitForSelector('#timer:not([hidden])');
  assert.match(await page.textContent('#motion-note'), /recording your steps/);
  const half = Math.floor(samples.length / 2);
  await play(page, samples.slice(0, half));
  await page.reload();
  await page.waitForSelector('#timer:not([hidden])');
  assert.match(await page.textContent('#motion-note'), /recording your steps/, 'recording again after the reload');
  await play(page, samples.slice(half));
  await shot(page, 'phone-60-session-recording');
  // A brush of the screen in a pocket does not stop the session: Stop asks first.
  await page.click('#stop');
  assert.equal(await page.textContent('#stop'), 'Tap again to stop');
  assert.ok(!page.url().includes('/log'), 'one tap did not stop');
  assert.equal(await page.textContent('#pause'), 'Resume', 'the first tap pauses at once');
  await page.click('#stop');
  await page.waitForURL('**/log?**');
  for (const [f, v] of [['pain_before', 1], ['pain_peak', 2], ['pain_after', 1]]) await page.check(`input[name=${f}][value="${v}"]`);
  await page.click('form[action="/log"] button[type=submit]');
  await page.waitForURL('**/today**');
  await page.waitForFunction(() => localStorage.getItem('retrowalk-motion') === null);
}

/** The minutes backward and forward a Motion card says; a direction with none is said as "none" (0). */
function minutesEachWay(card) {
  const minutes = card.match(/About (\d+(?:\.\d+)?) min looked like walking backward(?: and (\d+(?:\.\d+)?) min like walking forward|, and none like walking forward)/);
  assert.ok(minutes, `minutes each way: ${card}`);
  return [Number(minutes[1]), Number(minutes[2] ?? 0)];
}

/** A phone-sized page for a new walker, with its script errors collected and confirms accepted. */
async function phoneWalker() {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => d.accept());
  return { context, page, errors };
}

test('a guided session recorded by the phone shows its steps and direction (phone)', { skip: !existsSync(FILE) }, async () => {
  const { context, page, errors } = await phoneWalker();
  await newWalker(env, page, 'Motion', dayOffset(0), [dayOffset(0), dayOffset(2)]);
  // Another walker's recording left on this shared phone (a real walk) is
  // never sent as this walker's: it is dropped unsent.
  const forward = rows();
  const csv = `time,x,y,z\n${forward.map(([x, y, z], i) => `${(i / 100).toFixed(2)},${x},${y},${z}`).join('\n')}\n`;
  await page.evaluate(([day, text]) => localStorage.setItem('retrowalk-motion', JSON.stringify({
    csv: text, at: Date.now(), owner: 'someone-else', session: day,
  })), [dayOffset(0), csv]);
  const posts = [];
  const seePost = (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/motion') posts.push(r.url()); };
  page.on('request', seePost);
  await page.goto(`${env.server.base}/today`);
  await page.waitForFunction(() => localStorage.getItem('retrowalk-motion') === null);
  await page.goto(`${env.server.base}/motion`);
  page.off('request', seePost);
  assert.deepEqual(posts, [], 'nothing of the other walker was sent');
  assert.match(await page.textContent('main'), /No recordings yet/);
  await walkWith(page, [...forward].reverse());

  await page.goto(`${env.server.base}/motion`);
  const card = await page.textContent('main article.card');
  assert.match(card, /Recorded by your phone during the session/);
  const steps = Number(card.match(/(\d+) steps, about (\d+) steps a minute/)[1]);
  assert.ok(steps >= 25 && steps <= 45, `steps: ${steps}`);
  // Minutes each way; a direction with none is said as "none" (0).
  const [back, fwd] = minutesEachWay(card);
  assert.ok(back > fwd, `the reversed walk reads as backward: ${card}`);
  await checkA11y(page, 'motion-en-phone');
  await shot(page, 'phone-61-motion');
  assert.deepEqual(errors, []);
  await context.close();
});

// IPOL subject 2's forward step reads the other way round from most
// people's: without their own warm-up every walk of theirs would read as
// backward. The session plays their walk 2-2 forwards in the warm-up, then
// walks 2-3 and 2-4 played backwards; the page must say more backward
// than forward, and some forward (the warm-up).
const SUBJECT_2 = ['2-2', '2-3', '2-4'].map((t) => join(IPOL, `${t}_lb.txt`));
test('the warm-up sets which way this walker reads (phone)', { skip: !SUBJECT_2.every((f) => existsSync(f)) }, async () => {
  const { context, page, errors } = await phoneWalker();
  await newWalker(env, page, 'Warm-up', dayOffset(0), [dayOffset(0), dayOffset(2)]);
  const [warmUp, walk3, walk4] = SUBJECT_2.map((f) => rows(f));
  const back = [...walk3.reverse(), ...walk4.reverse()];
  // The played samples are 10 ms apart on the recording's clock: run the
  // session fast enough that its 5-minute warm-up ends 2.5 s after the
  // warm-up walk's file (whose walk ends 1.5 s before the file does), well
  // before the first backward walk (6 s into its file).
  const speed = 300 / (warmUp.length / 100 + 2.5);
  // The phone's recording goes with the parts of the session prescribed as
  // backward walking, on its own clock: the first starts as the warm-up ends.
  // (The form's text fields are seen as the page sends them.)
  await page.addInitScript(() => {
    const send = window.fetch;
    window.sentMotion = [];
    window.fetch = (url, options) => {
      if (String(url).endsWith('/motion') && options?.body instanceof FormData) {
        window.sentMotion.push(Object.fromEntries([...options.body.entries()].filter(([, v]) => typeof v === 'string')));
      }
      return send(url, options);
    };
  });
  await walkWith(page, [...warmUp, ...back], `?speed=${speed}`);
  const sent = await page.evaluate(() => window.sentMotion);
  assert.equal(sent.length, 1);
  const parts = sent[0].backward_parts;
  assert.match(parts || '', /^\d+\.\d-\d+\.\d(,\d+\.\d-\d+\.\d)*$/, 'the backward parts are sent');
  const first = Number(parts.split('-')[0]);
  assert.ok(Math.abs(first - (warmUp.length / 100 + 2.5)) < 1.5, `the first backward part starts after the warm-up: ${parts}`);
  await page.goto(`${env.server.base}/motion`);
  const card = await page.textContent('main article.card');
  assert.match(card, /The direction was read against your own steps in the warm-up/);
  const [backward, forward] = minutesEachWay(card);
  assert.ok(forward > 0.2 && backward > forward, `backward ${backward} min, forward ${forward} min`);
  await shot(page, 'phone-62-motion-after-warm-up');
  assert.deepEqual(errors, []);
  await context.close();
});

// What the phone could not record or keep is said, never dropped in silence:
// a sensor that sends nothing says so on the session page, and a recording
// the server refuses (here: no session logged that day) is said on the next
// page, with the server's reason, until the walker hides the note.
test('a silent sensor and a refused recording are said to the walker (phone)', async () => {
  const { context, page, errors } = await phoneWalker();
  await newWalker(env, page, 'Quiet', dayOffset(0), [dayOffset(0), dayOffset(2)]);
  await page.goto(`${env.server.base}/session`);
  for (const c of await page.locator('#check-form input[type=checkbox]').all()) await c.check();
  await page.click('#start');
  await page.waitForSelector('#timer:not([hidden])');
  assert.match(await page.textContent('#motion-note'), /recording your steps/);
  await page.waitForFunction(() => /sends no motion readings/.test(document.getElementById('motion-note').textContent), null, { timeout: 8000 });
  await page.click('#stop');
  await page.click('#stop');
  await page.waitForURL('**/log?**');

  // Kept packed on the phone: times to the millisecond (a long pause too)
  // and acceleration to the centimetre come back as they were.
  const back = await page.evaluate(() => {
    const all = [[1700000000000, 0.31, 9.81, -0.05], [1700000000020, -12.345, 150.2, 0], [1700000400020, 3, -3, 199.99]];
    return window.retrowalkMotion.unpack(JSON.parse(JSON.stringify(window.retrowalkMotion.pack(all))));
  });
  assert.deepEqual(back, [[1700000000000, 0.31, 9.81, -0.05], [1700000000020, -12.34, 150.2, 0], [1700000400020, 3, -3, 199.99]]);

  // A recording waiting for a day with no session logged: refused, and said.
  const still = Array.from({ length: 600 }, (_, i) => [1700000000000 + i * 20, 0.3, 9.8, 0.1]);
  const owner = await page.evaluate(() => document.body.dataset.owner);
  await page.evaluate(([day, who, all]) => localStorage.setItem('retrowalk-motion', JSON.stringify({
    ...window.retrowalkMotion.pack(all), forward: 0, at: Date.now(), owner: who, session: day,
  })), [isoDate(dayOffset(-3)), owner, still]);
  await page.goto(`${env.server.base}/plan`);
  await page.waitForSelector('#motion-said');
  const note = await page.textContent('#motion-said');
  assert.match(note, /recording of the session on .* was not kept/);
  assert.match(note, /no session logged on that day/i);
  assert.equal(await page.evaluate(() => localStorage.getItem('retrowalk-motion')), null, 'not sent again');
  await shot(page, 'phone-63-motion-refused');
  await page.goto(`${env.server.base}/today`);
  await page.waitForSelector('#motion-said');
  await page.click('#motion-said button');
  assert.equal(await page.locator('#motion-said').count(), 0);
  await page.reload();
  assert.equal(await page.locator('#motion-said').count(), 0, 'hidden for good');
  assert.deepEqual(errors, []);
  await context.close();
});

// A research sensor's file (Mobilise-D, lower back) uploaded on the Motion
// page says the steps and cadence that `retrowalk motion analyse` gives for
// the same file: one analysis behind both.
const MOBILISE_D = join(root, '..', 'shared', 'data', 'imu', 'mobgap_lab', 'HA', '001', 'TimeMeasure1_Test11_Trial1.csv');
test('a sensor file uploaded on the page gives the figures the CLI gives (phone)', { skip: !existsSync(MOBILISE_D) }, async () => {
  const { context, page, errors } = await phoneWalker();
  await newWalker(env, page, 'Upload', dayOffset(0), [dayOffset(0), dayOffset(2)]);
  await logToday(env, page, { pain_before: 1, pain_peak: 2, pain_after: 1 });
  await page.waitForURL('**/today**');
  await page.goto(`${env.server.base}/motion`);
  await page.setInputFiles('#file', MOBILISE_D);
  await page.click('form[action="/motion"] button[type=submit]');
  await page.waitForURL('**/motion');
  const card = await page.textContent('main article.card');
  const [, steps, cadence] = card.match(/(\d+) steps, about (\d+) steps a minute/);
  const bin = process.env.RETROWALK_BIN || join(root, 'target', 'debug', 'retrowalk');
  const cli = JSON.parse(execFileSync(bin, ['--json', 'motion', 'analyse', MOBILISE_D], { env: { ...process.env, LANG: 'C' } }).toString());
  const bouts = cli[0].bouts;
  const cliSteps = bouts.reduce((n, b) => n + b.steps, 0);
  assert.equal(Number(steps), cliSteps, `page: ${card}`);
  const weighted = bouts.reduce((sum, b) => sum + b.cadence_steps_per_min * b.steps, 0) / cliSteps;
  assert.equal(Number(cadence), Math.round(weighted), `page: ${card}`);
  assert.deepEqual(errors, []);
  await context.close();
});
