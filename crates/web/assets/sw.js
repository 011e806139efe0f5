// Service worker: keeps the app shell so pages open without a connection.
// Pages are fetched from the network first and fall back to the last copy.
// Named after every asset's fingerprint as it is served (assets.rs): a new
// version of any asset starts a new cache, and the old one goes.
const CACHE = 'retrowalk-assets';
const SHELL = ['/assets/app.css', '/assets/app.js', '/assets/session.js', '/assets/icon.svg', '/manifest.webmanifest'];

// Pages kept for offline use: the last copy each time one opens online.
const KEPT = ['/today', '/session', '/log', '/checkin', '/plan', '/progress', '/outcomes', '/learn'];
const CSS = '/assets/app.css';

// The words of the page opened last (app.js sends its `rw-words` block).
// Kept with the app's own files (`/assets/`), which a change of account
// leaves: they are no one's data, only the language the pages speak.
const WORDS = '/assets/offline-words.json';

self.addEventListener('message', (event) => {
  const w = event.data && event.data.words;
  if (!w || typeof w !== 'object' || !w.lang) return;
  const kept = new Response(JSON.stringify(w), { headers: { 'content-type': 'application/json' } });
  event.waitUntil(caches.open(CACHE).then((c) => c.put(WORDS, kept)));
});

/** The walker's words now: those the last page sent, else the newest kept page's; English if neither. */
async function words() {
  try {
    const sent = await caches.match(WORDS);
    if (sent) return await sent.json();
  } catch { /* damaged: the kept pages still say it */ }
  let newest = { at: -1, words: {} };
  for (const path of KEPT) {
    const hit = await caches.match(path);
    if (!hit) continue;
    const at = Number(hit.headers.get('x-saved-at') || 0);
    if (at <= newest.at) continue;
    const found = (await hit.text()).match(/<script type="application\/json" id="rw-words">([^<]*)<\/script>/);
    try {
      if (found) newest = { at, words: JSON.parse(found[1]) };
    } catch { /* a damaged copy: the others still count */ }
  }
  return newest.words;
}

/** A page never opened online: the app's look and navigation, and what works offline. */
async function offlinePage() {
  const w = await words();
  const t = (key, english) => escapeHtml(w[key] || english);
  const links = [['/today', 'nav.today', 'Today'], ['/log', 'offline.log', 'Log a session'], ['/plan', 'nav.plan', 'Plan'],
    ['/progress', 'nav.progress', 'Progress'], ['/outcomes', 'nav.outcomes', 'Measures'], ['/learn', 'nav.learn', 'Learn']]
    .map(([href, key, name]) => `<li><a href="${href}">${t(key, name)}</a></li>`).join('');
  return new Response(`<!doctype html><html lang="${t('lang', 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('offline.title', 'You are offline')} · retrowalk</title><link rel="stylesheet" href="${CSS}"></head>
<body><header class="top"><a class="brand" href="/today">retrowalk</a><nav class="offline-nav" aria-label="${t('nav.label', 'Main')}"><ul>${links}</ul></nav></header>
<main id="main"><h1>${t('offline.title', 'You are offline')}</h1><p class="callout info">${t('offline.never_opened', 'This page has not been opened on this phone yet, so there is no copy of it here. Pages you have opened before open without a connection, and a session you log now is kept on this phone and sent when you are back online.')}</p>
<p><a class="button primary big" href="/log">${t('offline.log', 'Log a session')}</a></p></main>
<footer class="foot"><p>${t('footer.not_advice', 'retrowalk is not medical advice.')}</p></footer></body></html>`, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** The kept copy of a page, with a banner that says it is a copy and from when. */
async function keptCopy(path) {
  const hit = await caches.match(path);
  if (!hit) return offlinePage();
  const html = await hit.text();
  const found = html.match(/<script type="application\/json" id="rw-words">([^<]*)<\/script>/);
  let w = {};
  try { w = found ? JSON.parse(found[1]) : {}; } catch { w = {}; }
  const saved = hit.headers.get('x-saved-at');
  const when = saved ? new Date(Number(saved)).toLocaleString(w.lang || [], { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }) : '';
  const copy = escapeHtml((w['offline.copy'] || 'This is the copy saved on this phone on {when}; it updates when you are back online.').replace('{when}', when));
  const banner = `<p class="callout info offline-copy" role="status"><strong>${escapeHtml(w['offline.title'] || 'You are offline')}.</strong> ${copy}</p>`;
  return new Response(html.replace(/(<main id="main"[^>]*>)/, `$1${banner}`), { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/settings/export')) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
    return;
  }
  event.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok && KEPT.includes(url.pathname)) {
          // Kept with the time it was saved, for the banner offline.
          res.clone().blob().then((body) => caches.open(CACHE).then((c) => c.put(url.pathname, new Response(body, {
            headers: { 'content-type': res.headers.get('content-type') || 'text/html', 'x-saved-at': String(Date.now()) },
          }))));
        }
        return res;
      })
      .catch(() => keptCopy(url.pathname)),
  );
});
