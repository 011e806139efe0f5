// Clinic mode in a browser (issue #13): a clinician invites a walker from a
// desktop, the walker joins on a phone after the consent screen, logs a
// session with a red flag; the clinician sees them first on the patient list,
// acknowledges the flag, signs the restart and writes to them; the walker
// reads the message and sees every access in their log. The clinician then
// asks for a measure and pauses the programme; the walker sees the pause and
// no dose; the clinic's admin runs its people. axe-core checks each new page;
// screenshots go to target/e2e-screenshots/*-clinic-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, checkA11y, shot, dayOffset, newWalker, logToday, enrolTwoFactor } from '../lib.js';

const env = useServerAndBrowser();
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };

test('a clinician invites, the walker joins, and a red flag comes back signed (phone and desktop)', async () => {
  const desk = await env.browser.newContext({ viewport: DESK, bypassCSP: true });
  const doctor = await desk.newPage();
  await newWalker(env, doctor, 'Rivera', dayOffset(0), [dayOffset(0), dayOffset(2)]);
  const accounts = JSON.parse(env.server.cli(['--json', 'user', 'list']));
  const rivera = accounts.find((a) => a.email.startsWith('rivera-'));
  env.server.cli(['clinic', 'create', 'Knee Clinic']);
  const clinic = String(JSON.parse(env.server.cli(['--json', 'clinic', 'list'])).at(-1).id);
  env.server.cli(['clinic', 'member', 'add', '--clinic', clinic, '--email', rivera.email, '--role', 'clinician']);

  // A clinician's sign-in has a second factor: set up on the next page they open.
  await doctor.goto(`${env.server.base}/patients`);
  await doctor.waitForURL(/\/2fa$/);
  await checkA11y(doctor, 'two-factor-enrol');
  await shot(doctor, 'desktop-clinic-0-two-factor');
  const { codes } = await enrolTwoFactor(env, doctor);
  assert.equal(codes.length, 10);
  await checkA11y(doctor, 'two-factor-recovery-codes');

  // The clinician makes an invitation: a code, a link and a QR code.
  await doctor.goto(`${env.server.base}/patients`);
  await doctor.click('form[action="/patients/invite"] button[type=submit]');
  await doctor.waitForSelector('p.code');
  await checkA11y(doctor, 'invite');
  await shot(doctor, 'desktop-clinic-1-invite');
  const code = (await doctor.textContent('p.code')).trim();
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.equal(await doctor.locator('figure.qr svg[role=img]').count(), 1);

  // The walker, on a phone, types the code and reads what the clinic will see.
  const phone = await env.browser.newContext({ viewport: PHONE, bypassCSP: true });
  const walker = await phone.newPage();
  await newWalker(env, walker, 'Dana', dayOffset(-2), [dayOffset(-2), dayOffset(0)]);
  await walker.goto(`${env.server.base}/care`);
  await checkA11y(walker, 'care-none');
  await walker.fill('#code', code.toLowerCase().replace('-', ' '));
  await walker.click('form[action="/join"] button[type=submit]');
  await walker.waitForSelector('section.consent');
  await checkA11y(walker, 'join-consent');
  await shot(walker, 'phone-clinic-2-consent');
  const consent = await walker.textContent('main');
  assert.match(consent, /What the clinic will see/);
  assert.match(consent, /You can leave at any time/);
  await walker.check('input[name=agree]');
  await walker.click('section.consent button[type=submit]');
  await walker.waitForSelector('text=You are now in the care of Knee Clinic');

  // A session with a red flag: the walker's programme stops.
  await logToday(env, walker, { pain_before: 2, pain_peak: 3, pain_after: 2 }, 'knee_locked');
  await walker.waitForURL(/\/today$/);

  // The clinician sees the walker first, opens their page and acts.
  await doctor.goto(`${env.server.base}/patients`);
  const first = await doctor.textContent('tbody tr:first-child');
  assert.match(first, /Dana/);
  assert.match(first, /F-RED-FLAG/);
  await doctor.click('tbody tr:first-child th a');
  await doctor.waitForSelector('#restart-h');
  await checkA11y(doctor, 'patient');
  await shot(doctor, 'desktop-clinic-3-patient');
  await doctor.fill('input[id="ack-F-RED-FLAG"]', 'Called Dana; knee locked once, settled');
  await Promise.all([doctor.waitForNavigation(), doctor.click('form[action$="/review"]:has(input[value="F-RED-FLAG"]) button')]);
  assert.match(await doctor.textContent('main'), /Acknowledged: .*F-RED-FLAG/);
  await doctor.fill('#rs-role', 'physiotherapist');
  await doctor.fill('#rs-note', 'Examined: no locking, full range');
  await Promise.all([doctor.waitForNavigation(), doctor.click('form[action$="/restart"] button')]);
  assert.equal(await doctor.locator('#restart-h').count(), 0, 'nothing left to restart');
  await doctor.fill('#msg-body', 'Restarted at 5 minutes. Stop if it locks again.');
  await Promise.all([doctor.waitForNavigation(), doctor.click('form[action$="/message"] button')]);
  await shot(doctor, 'desktop-clinic-4-patient-after');

  // The walker trains again, reads the message and sees who reached their record.
  await walker.goto(`${env.server.base}/today`);
  assert.equal(await walker.locator('main [role=alert]').count(), 0);
  await walker.goto(`${env.server.base}/care`);
  await checkA11y(walker, 'care');
  await shot(walker, 'phone-clinic-5-care');
  const care = await walker.textContent('main');
  assert.match(care, /Restarted at 5 minutes/);
  await walker.goto(`${env.server.base}/plan`);
  assert.match(await walker.textContent('main'), /physiotherapist, Knee Clinic/);
  await walker.goto(`${env.server.base}/settings`);
  const seen = await walker.textContent('details.activity:has(summary:text("Who has seen my data"))');
  assert.match(seen, /A clinician recorded something in your records/);
  assert.match(seen, new RegExp(rivera.email));
  await shot(walker, 'phone-clinic-6-seen-by');

  // The clinician asks for the 3-metre backward walk, then pauses the programme with a note.
  await doctor.goto(`${env.server.base}/patients/${new URL(doctor.url()).pathname.split('/').pop()}`);
  await doctor.selectOption('#as-item', 'measure:backward_walk3m');
  await Promise.all([doctor.waitForNavigation(), doctor.click('form[action$="/assign"] button')]);
  assert.match(await doctor.textContent('section[aria-labelledby=asked-h]'), /3-metre backward walk/);
  await doctor.click('section[aria-labelledby=stop-h] summary');
  await doctor.check('input[name=kind][value=pause]');
  await doctor.fill('#st-note', 'Wait for your scan results before walking backwards again.');
  await Promise.all([doctor.waitForNavigation(), doctor.click('form[action$="/stop"] button')]);
  await checkA11y(doctor, 'patient-paused');
  await shot(doctor, 'desktop-clinic-7-paused');
  assert.equal(await doctor.locator('#restart-h').count(), 1, 'the restart waits to be signed');

  // The walker sees the pause and the note, and no dose.
  await walker.goto(`${env.server.base}/today`);
  const paused = await walker.textContent('main');
  assert.match(paused, /Backward walking is paused by your care team/);
  assert.match(paused, /Wait for your scan results/);
  assert.doesNotMatch(paused, /min backward/);
  await checkA11y(walker, 'today-paused-by-care-team');
  await shot(walker, 'phone-clinic-8-paused');
  // While paused, no test the walker performs is due (the measure asked waits); ratings are.
  await walker.goto(`${env.server.base}/outcomes`);
  const due = await walker.textContent('section[aria-labelledby=due-h]');
  assert.match(due, /Knee pain now/);
  assert.doesNotMatch(due, /3-metre backward walk|Timed Up and Go/);
  await walker.goto(`${env.server.base}/settings`);
  // The care team's change, said as history in the walker's words: no dose's minutes while paused.
  const pausedLog = await walker.textContent('details.activity:has(summary:text("Who has seen my data"))');
  assert.match(pausedLog, /Your programme was paused\. Before: a backward-walking dose\. After: paused by your care team\./);
  assert.doesNotMatch(pausedLog, /minutes|min backward/);

  // The clinic's admin runs its people on a desktop, and sees who reached which record.
  const adminContext = await env.browser.newContext({ viewport: DESK, bypassCSP: true });
  const admin = await adminContext.newPage();
  await newWalker(env, admin, 'Okafor', dayOffset(0), [dayOffset(0), dayOffset(2)]);
  const okafor = JSON.parse(env.server.cli(['--json', 'user', 'list'])).find((a) => a.email.startsWith('okafor-'));
  env.server.cli(['clinic', 'member', 'add', '--clinic', clinic, '--email', okafor.email, '--role', 'admin']);
  await enrolTwoFactor(env, admin);
  await admin.goto(`${env.server.base}/clinics/${clinic}`);
  await checkA11y(admin, 'clinic-admin');
  const people = await admin.textContent('section[aria-labelledby=people-h]');
  assert.match(people, new RegExp(rivera.email));
  await admin.click('section[aria-labelledby=people-h] summary');
  await admin.fill('#m-email', 'nobody@example.org');
  await admin.click('form[action$="/members"] button');
  await admin.waitForSelector('.flash');
  assert.match(await admin.textContent('.flash'), /No clinician or admin account uses nobody@example.org/);
  await shot(admin, 'desktop-clinic-9-admin');
  assert.doesNotMatch(await admin.textContent('main'), /Wait for your scan/, 'the admin sees no clinical data');
  await adminContext.close();
  await phone.close();
  await desk.close();
});
