// Small progressive enhancements. Every page works without this file.
const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
for (const input of document.querySelectorAll('[data-fill="time-zone"]')) {
  if (tz) input.value = tz;
}

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}

// Offline log queue: a log made offline is kept on this phone and sent when
// the connection returns. The server refuses a second log for the same date,
// so a log sent twice is never stored twice.
const QUEUE = 'retrowalk-log-queue';
const queued = () => JSON.parse(localStorage.getItem(QUEUE) || '[]');
const save = (items) => localStorage.setItem(QUEUE, JSON.stringify(items));

async function flush() {
  const items = queued();
  if (!items.length || !navigator.onLine) return;
  const left = [];
  for (const body of items) {
    try {
      const res = await fetch('/log', { method: 'POST', body: new URLSearchParams(body), credentials: 'same-origin', redirect: 'manual' });
      // Sent (a redirect), or refused as bad input (already logged): either way it is done.
      if (!(res.type === 'opaqueredirect' || res.ok || res.status === 422)) left.push(body);
    } catch {
      left.push(body);
    }
  }
  save(left);
}

for (const form of document.querySelectorAll('form[data-offline-queue="log"]')) {
  form.addEventListener('submit', (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    // Kept as the encoded form, so repeated fields (symptoms) survive.
    save([...queued(), new URLSearchParams(new FormData(form)).toString()]);
    const note = form.querySelector('[data-queued-note]');
    if (note) note.hidden = false;
  });
}
window.addEventListener('online', flush);
flush();
