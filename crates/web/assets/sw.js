// Service worker: keeps the app shell so pages open without a connection.
// Pages are fetched from the network first and fall back to the last copy.
const CACHE = 'retrowalk-v2'; // bump with every change to a cached asset
const SHELL = ['/assets/app.css', '/assets/app.js', '/assets/session.js', '/assets/icon.svg', '/manifest.webmanifest'];

// Pages kept for offline use: the last copy each time one opens online.
const KEPT = ['/today', '/session', '/log', '/checkin', '/plan', '/progress', '/outcomes', '/learn'];
const CSS = '/assets/app.css';

/** A page never opened online: the app's look and navigation, and what works offline. */
function offlinePage() {
  const links = [['/today', 'Today'], ['/log', 'Log a session'], ['/plan', 'Plan'], ['/progress', 'Progress'], ['/outcomes', 'Measures'], ['/learn', 'Learn']]
    .map(([href, name]) => `<li><a href="${href}">${name}</a></li>`).join('');
  return new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · retrowalk</title><link rel="stylesheet" href="${CSS}"></head>
<body><header class="top"><a class="brand" href="/today">retrowalk</a><nav class="offline-nav" aria-label="Main"><ul>${links}</ul></nav></header>
<main id="main"><h1>You are offline</h1><p class="callout info">This page has not been opened on this phone yet, so there is no copy of it here. Pages you have opened before open without a connection, and a session you log now is kept on this phone and sent when you are back online.</p>
<p><a class="button primary big" href="/log">Log a session</a></p></main>
<footer class="foot"><p>retrowalk is not medical advice.</p></footer></body></html>`, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** The kept copy of a page, with a banner that says it is a copy and from when. */
async function keptCopy(path) {
  const hit = await caches.match(path);
  if (!hit) return offlinePage();
  const saved = hit.headers.get('x-saved-at');
  const when = saved ? new Date(Number(saved)).toLocaleString([], { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }) : '';
  const banner = `<p class="callout info offline-copy" role="status"><strong>You are offline.</strong> This is the copy saved on this phone${when ? ` on ${when}` : ''}; it updates when you are back online.</p>`;
  const html = (await hit.text()).replace(/(<main id="main"[^>]*>)/, `$1${banner}`);
  return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
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
