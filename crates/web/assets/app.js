// Small progressive enhancements. Every page works without this file.

// The signed-in account's tag (Layout::owner): what this phone keeps for a
// walker (logs waiting to be sent, a motion recording) carries it and is
// used only under the same tag, so on a shared phone nothing of one
// walker's is shown to or sent as another's. Empty when nobody is signed in.
const OWNER = document.body.dataset.owner || '';
// The page's own CSRF token: what a kept log is sent with (the token it was
// typed under belongs to a session that may have ended).
const PAGE_CSRF = document.querySelector('input[name=csrf]')?.value || '';
const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
for (const input of document.querySelectorAll('[data-fill="time-zone"]')) {
  if (tz) input.value = tz;
}

// Signing out or deleting the account forgets the pages kept on this phone
// for offline use (they hold the walker's plan, pain and measures), so the
// next person to use the phone never sees them.
const leaving = 'form[action="/signout"], form[action="/settings/signout-everywhere"], form[action="/settings/delete"]';
for (const form of document.querySelectorAll(leaving)) {
  form.addEventListener('submit', (event) => {
    // A deleted account's logs waiting on this phone go with it.
    if (form.getAttribute('action') === '/settings/delete') {
      try { save([]); } catch { /* nothing kept */ }
    }
    // A phone recording waiting to be sent is this walker's too.
    try {
      localStorage.removeItem('retrowalk-motion');
      localStorage.removeItem('retrowalk-motion-partial');
      localStorage.removeItem('retrowalk-motion-said');
    } catch { /* nothing kept */ }
    if (!('caches' in window) || form.dataset.cleared) return;
    event.preventDefault();
    caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))).catch(() => {}).finally(() => {
      form.dataset.cleared = '1';
      form.submit(); // submit() fires no event: this runs once
    });
  });
}

// The pages kept for offline use are one account's: when another account's
// page opens (a shared phone, a session that ran out without a sign-out), or
// the sign-in page, the kept copies go; the app's own files stay.
const PAGES_OWNER = 'retrowalk-pages-owner';
try {
  const signingIn = !OWNER && location.pathname === '/signin';
  if ((OWNER || signingIn) && localStorage.getItem(PAGES_OWNER) !== OWNER && 'caches' in window) {
    caches.keys()
      .then((names) => Promise.all(names.map((name) => caches.open(name).then((c) => c.keys().then((reqs) => Promise.all(
        reqs.filter((r) => !new URL(r.url).pathname.startsWith('/assets/') && !r.url.endsWith('.webmanifest')).map((r) => c.delete(r)),
      ))))))
      .then(() => localStorage.setItem(PAGES_OWNER, OWNER))
      .catch(() => {});
  }
} catch { /* storage refused: nothing kept either */ }

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
  // This page's words, for the offline page of a page never opened here
  // (sw.js): in the walker's language even before any page is kept.
  navigator.serviceWorker.ready.then((r) => r.active && r.active.postMessage({ words: WORDS })).catch(() => {});
}

// Offline log queue: a log that cannot reach the server (offline, or the
// server unreachable though the phone says online) is kept on this phone and
// sent when the connection returns. Nothing the walker typed is dropped: a log
// the server refuses is kept, shown with the server's reason, and stays until
// the walker opens it in the form or discards it. The server refuses a second
// log for the same date, so a log sent twice is never stored twice; a refusal
// of a log the server already holds exactly is taken as sent.
const QUEUE = 'retrowalk-log-queue';
const everyQueued = () => {
  const items = JSON.parse(localStorage.getItem(QUEUE) || '[]');
  // Older versions kept bare strings.
  return items.map((i) => (typeof i === 'string' ? { body: i } : i));
};
// This walker's logs; another walker's wait for them, unseen. A log kept
// before logs carried their owner is adopted by the session it was typed in
// (its CSRF token is this page's), and by no one else.
const csrfOf = (i) => new URLSearchParams(i.body).get('csrf') || '';
const mine = (i) => Boolean(OWNER) && (i.owner === OWNER || (!i.owner && csrfOf(i) === PAGE_CSRF && Boolean(PAGE_CSRF)));
const queued = () => everyQueued().filter(mine).map((i) => ({ ...i, owner: OWNER }));
const save = (items) => {
  // Identical pending logs are one log.
  const seen = new Set();
  const unique = items.filter((i) => !seen.has(i.body + (i.refused || '')) && seen.add(i.body + (i.refused || '')));
  const all = [...everyQueued().filter((i) => !mine(i)), ...unique];
  try {
    localStorage.setItem(QUEUE, JSON.stringify(all));
  } catch {
    // The phone's storage is full: a log (which may report a warning sign)
    // matters more than a motion recording, which goes first.
    localStorage.removeItem('retrowalk-motion');
    localStorage.setItem(QUEUE, JSON.stringify(all));
  }
};
const reasonIn = (html) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.querySelector('.flash, .callout.warn')?.textContent || '').trim() || word('offline.not_accepted', 'the server did not accept it');
};

/** Whether the server already holds exactly this log (same date and pains). */
async function alreadyStored(body) {
  const p = new URLSearchParams(body);
  try {
    const sessions = await (await fetch('/api/v1/sessions', { credentials: 'same-origin' })).json();
    return sessions.some((s) => s.date === p.get('date')
      && ['pain_before', 'pain_peak', 'pain_after'].every((k) => String(s[k]) === p.get(k)));
  } catch {
    return false;
  }
}

async function flush() {
  const items = queued();
  // Only a signed-in page sends (its session is the log's walker's).
  if (!OWNER || !PAGE_CSRF || !items.some((i) => !i.refused) || !navigator.onLine) return showQueue();
  const sent = new Set();
  const refused = new Map();
  for (const item of items) {
    if (item.refused) continue;
    const body = new URLSearchParams(item.body);
    body.set('csrf', PAGE_CSRF);
    try {
      const res = await fetch('/log', { method: 'POST', body, credentials: 'same-origin' });
      // Saved: the server went on to Today. Sent back to sign in (the
      // session ended) or to the second factor: not saved, kept.
      const landed = res.redirected ? new URL(res.url).pathname : '';
      if (res.ok && landed !== '/signin' && landed !== '/2fa') {
        sent.add(item.body);
        continue;
      }
      if (res.status === 422) {
        if (await alreadyStored(item.body)) sent.add(item.body);
        else refused.set(item.body, reasonIn(await res.text()));
      }
      // Anything else: the server is not ready; try again later.
    } catch { /* unreachable: kept */ }
  }
  // Read the queue again: a log kept while these were being sent stays.
  save(queued().filter((i) => !sent.has(i.body)).map((i) => (refused.has(i.body) ? { ...i, refused: refused.get(i.body) } : i)));
  showQueue();
}

/** A notice at the top of the page for logs kept on this phone. */
/** Whether a log kept on this phone reports a warning sign (any symptom box). */
const reportsSymptom = (item) => new URLSearchParams(item.body).getAll('symptom').some((v) => v !== '');

/** The page's words for what the scripts write (see Layout::script_words), English if absent. */
const WORDS = (() => {
  try { return JSON.parse(document.getElementById('rw-words')?.textContent || '{}'); } catch { return {}; }
})();
function word(key, fallback) {
  return WORDS[key] || fallback;
}

function showQueue() {
  document.getElementById('log-queue')?.remove();
  const items = queued();
  const main = document.querySelector('main');
  // A warning sign reported in a log the server has not seen yet: the server
  // would stop the programme, so the kept pages show no dose and no Start
  // until it is sent and the server says what to do.
  const stop = items.some((i) => !i.refused && reportsSymptom(i));
  document.body.classList.toggle('stop-pending', stop);
  if (!items.length || !main) return;
  const box = document.createElement('section');
  box.id = 'log-queue';
  box.className = `callout ${items.some((i) => i.refused) ? 'warn' : 'info'} queue-banner`;
  box.setAttribute('role', 'alert');
  const waiting = items.filter((i) => !i.refused).length;
  if (waiting) {
    const p = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = waiting === 1
      ? `${word('offline.saved_one', 'Saved on this phone, not sent yet.')} `
      : `${word('offline.saved_many', '{n} sessions saved on this phone, not sent yet.').replace('{n}', waiting)} `;
    p.append(strong, waiting === 1
      ? word('offline.safe_one', 'Your session is safe here and will be sent by itself when you are back online.')
      : word('offline.safe_many', 'They are safe here and will be sent by themselves when you are back online.'));
    box.append(p);
  }
  if (stop) {
    const p = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = `${word('offline.stop', 'Do not walk backwards for now.')} `;
    p.append(strong, word('offline.stop_why', 'Your saved log reports a warning sign. When it is sent, the app will say what to do next. '
      + 'Get medical help today (urgent care or emergency services) if you have a hot, red, swollen knee with a fever; '
      + 'pain, swelling or warmth in the calf, or sudden breathlessness; chest pain, pressure or tightness, or fainting; '
      + 'or you cannot put weight on the leg.'));
    box.append(p);
  }
  items.forEach((item) => {
    if (!item.refused) return;
    const p = document.createElement('p');
    const date = new URLSearchParams(item.body).get('date') || word('day.today', 'today');
    p.textContent = `${word('offline.refused', 'A session you logged offline was not saved:').replace('{date}', date)} ${item.refused}`;
    const open = document.createElement('a');
    open.className = 'button';
    open.href = `/log?${item.body.split('&').filter((kv) => !kv.startsWith('csrf=')).join('&')}`;
    open.textContent = word('offline.open', 'Open it in the log form');
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'link';
    discard.textContent = word('offline.discard', 'Discard it');
    discard.addEventListener('click', () => {
      // By what it is, not where it was: another tab may have changed the queue.
      save(queued().filter((i) => i.body !== item.body || i.refused !== item.refused));
      showQueue();
    });
    box.append(p, open, ' ', discard);
  });
  main.prepend(box);
}

function keep(form, body) {
  save([...queued(), { body, owner: OWNER }]);
  const note = form.querySelector('[data-queued-note]');
  if (note) note.hidden = false;
  // The banner at the top says so, and stays on every page until it is sent.
  showQueue();
  document.getElementById('log-queue')?.scrollIntoView({ block: 'start' });
}

for (const form of document.querySelectorAll('form[data-offline-queue="log"]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Kept as the encoded form, so repeated fields (symptoms) survive.
    const body = new URLSearchParams(new FormData(form)).toString();
    if (!navigator.onLine) return keep(form, body);
    let res;
    try {
      res = await fetch(form.action, { method: 'POST', body: new URLSearchParams(body), credentials: 'same-origin' });
    } catch {
      return keep(form, body); // the server could not be reached: nothing is lost
    }
    if (res.redirected) return window.location.assign(res.url);
    if (res.status >= 500) return keep(form, body);
    // Refused as it stands (nothing was written): send it the ordinary way so
    // the browser shows the form with what to fix. submit() fires no event.
    form.submit();
  });
}
// A guided session's motion recording (session.js) waits on this phone for
// its session to be logged: the log form names the day, and once no log is
// waiting to be sent the recording goes to /motion. Refused as it stands (no
// walking in it, kept already), it is dropped and the walker is told why
// (MOTION_SAID, until they hide the note); the server unreachable, it waits.
const MOTION = 'retrowalk-motion';
const MOTION_SAID = 'retrowalk-motion-said';

// A recording kept on this phone is packed: four UTF-16 units a sample (the
// milliseconds since the one before, then x, y and z in cm/s²), so an hour
// at 100 Hz is about 1.4 million characters of the phone's storage, where the
// same as text would not fit. Units run from BASE up, clear of the C0 controls and of
// surrogates (which storage may mangle; C1 controls, 0x7f to 0x9f, are kept
// as they are); a gap too long for one unit (a pause) is LONG, then the gap
// in two units.
const BASE = 0x20;
const SPAN = 0xd000; // BASE + SPAN stays under the surrogates (0xd800)
const LONG = SPAN - 1;
const ZERO = 20000; // cm/s² at unit 0: −200 to +332 m/s² fit
const unit = (n) => String.fromCharCode(BASE + Math.min(SPAN - 1, Math.max(0, n)));
/** Samples [ms, x, y, z] (m/s²) as { t0, packed }. */
function packMotion(samples) {
  const t0 = samples.length ? samples[0][0] : 0;
  let prev = t0;
  const out = [];
  for (const [t, x, y, z] of samples) {
    const dt = Math.max(0, Math.round(t - prev));
    prev += dt;
    out.push(dt < LONG ? unit(dt) : unit(LONG) + unit(Math.floor(dt / SPAN)) + unit(dt % SPAN));
    for (const v of [x, y, z]) out.push(unit(Math.round(v * 100) + ZERO));
  }
  return { t0, packed: out.join('') };
}
/** The samples of a packed recording (m/s² to the centimetre). */
function unpackMotion({ t0, packed }) {
  const at = (i) => packed.charCodeAt(i) - BASE;
  const samples = [];
  let t = Number(t0) || 0;
  for (let i = 0; i + 3 < packed.length;) {
    let dt = at(i++);
    if (dt === LONG) { dt = at(i) * SPAN + at(i + 1); i += 2; }
    t += dt;
    samples.push([t, (at(i) - ZERO) / 100, (at(i + 1) - ZERO) / 100, (at(i + 2) - ZERO) / 100]);
    i += 3;
  }
  return samples;
}
// For session.js, which keeps what it records the same way.
window.retrowalkMotion = { pack: packMotion, unpack: unpackMotion };
/** A kept recording as the CSV the server reads (seconds from its start). */
function motionCsv(m) {
  if (typeof m.csv === 'string') return m.csv; // kept by an earlier version
  const samples = unpackMotion(m);
  const t0 = samples.length ? samples[0][0] : 0;
  const rows = samples.map(([t, x, y, z]) => `${((t - t0) / 1000).toFixed(3)},${x},${y},${z}`);
  return `time,x,y,z\n${rows.join('\n')}\n`;
}
// A recording not logged within 12 hours belongs to no session we can know.
const MOTION_MS = 12 * 60 * 60 * 1000;
/** The recording waiting on this phone, if it is this walker's; another's (or one without an owner) is dropped. */
function waitingMotion() {
  const m = JSON.parse(localStorage.getItem(MOTION) || 'null');
  if (m && (!OWNER || m.owner !== OWNER)) {
    if (OWNER) localStorage.removeItem(MOTION);
    return null;
  }
  return m;
}
function tagMotion(body) {
  try {
    const m = waitingMotion();
    if (!m || m.session) return;
    if (Date.now() - m.at > MOTION_MS) return localStorage.removeItem(MOTION);
    const day = new URLSearchParams(body).get('date') || new Date().toLocaleDateString('sv');
    localStorage.setItem(MOTION, JSON.stringify({ ...m, session: day }));
  } catch { /* nothing kept */ }
}
async function sendMotion() {
  let m;
  try { m = waitingMotion(); } catch { return; }
  const csrf = document.querySelector('input[name=csrf]')?.value;
  if (!m || !m.session || !csrf || !navigator.onLine || queued().some((i) => !i.refused)) return;
  const data = new FormData();
  data.append('csrf', csrf);
  data.append('session', m.session);
  if (m.forward > 0) data.append('forward_s', String(m.forward));
  if (typeof m.parts === 'string' && m.parts) data.append('backward_parts', m.parts);
  data.append('file', new Blob([motionCsv(m)], { type: 'text/csv' }), 'phone');
  let res;
  try {
    res = await fetch('/motion', { method: 'POST', body: data, credentials: 'same-origin' });
  } catch {
    return;
  }
  // Kept (the Motion page follows) or refused as it stands (no session that
  // day, no walking in it, kept already): done, and a refusal is said with
  // the page's own reason. Signed out, refused by CSRF or throttled: it
  // waits for the next page.
  const kept = res.redirected && new URL(res.url).pathname === '/motion';
  if (!kept && res.status !== 409 && res.status !== 422) return;
  localStorage.removeItem(MOTION);
  if (kept) return;
  let why = '';
  try {
    const page = new DOMParser().parseFromString(await res.text(), 'text/html');
    why = page.querySelector('main .flash')?.textContent.trim() || '';
  } catch { /* the note says it without the reason */ }
  try {
    localStorage.setItem(MOTION_SAID, JSON.stringify({ owner: OWNER, text: `${word('offline.motion_refused', 'The phone\'s recording of the session on {date} was not kept.').replace('{date}', m.session)} ${why}`.trim() }));
  } catch { /* storage full: nothing more to say */ }
  showMotionSaid();
}

/** A note at the top of the page about the phone's recording, until hidden. */
function showMotionSaid() {
  document.getElementById('motion-said')?.remove();
  let said;
  try { said = JSON.parse(localStorage.getItem(MOTION_SAID) || 'null'); } catch { said = null; }
  const main = document.querySelector('main');
  if (!said || said.owner !== OWNER || !OWNER || !main) return;
  const box = document.createElement('section');
  box.id = 'motion-said';
  box.className = 'callout info';
  box.setAttribute('role', 'status');
  const p = document.createElement('p');
  p.textContent = said.text;
  const hide = document.createElement('button');
  hide.type = 'button';
  hide.className = 'link';
  hide.textContent = word('offline.hide_note', 'Hide this note');
  hide.addEventListener('click', () => {
    try { localStorage.removeItem(MOTION_SAID); } catch { /* nothing kept */ }
    box.remove();
  });
  box.append(p, hide);
  main.prepend(box);
}
showMotionSaid();
for (const form of document.querySelectorAll('form[data-offline-queue="log"]')) {
  form.addEventListener('submit', () => tagMotion(new URLSearchParams(new FormData(form)).toString()));
}
window.addEventListener('online', () => flush().then(sendMotion, sendMotion));
flush().then(sendMotion, sendMotion);
