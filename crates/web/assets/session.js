// The guided session: checklist, then a large timer through warm-up, bouts,
// rests and cool-down, with spoken and vibration cues and a large Stop. It
// needs nothing from the network once the page is loaded. `?speed=N` runs the
// clock N times faster (for tests and demonstrations).
const timer = document.getElementById('timer');
const phases = JSON.parse(timer.dataset.phases || '[]');
const speed = Math.max(1, Number(new URLSearchParams(location.search).get('speed')) || 1);
const clock = document.getElementById('clock');
const phaseLabel = document.getElementById('phase');
const nextLabel = document.getElementById('next');
let index = -1, left = 0, walked = 0, ticker = null, bouts = 0;

function say(text) {
  try {
    if ('speechSynthesis' in window) {
      speechSynthesis.cancel();
      speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    }
  } catch { /* speech is a bonus */ }
  if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
}

function show() {
  const m = Math.floor(left / 60), s = Math.floor(left % 60);
  clock.textContent = `${m}:${String(s).padStart(2, '0')}`;
}

function next() {
  index += 1;
  if (index >= phases.length) return finish(true);
  const p = phases[index];
  if (p.kind === 'bout') bouts += 1;
  left = p.seconds;
  phaseLabel.textContent = p.label;
  const after = phases[index + 1];
  nextLabel.textContent = after ? `Next: ${after.label}` : 'Last step';
  say(p.label);
  show();
}

function tick() {
  left -= 1;
  if (phases[index] && phases[index].kind === 'bout') walked += 1;
  if (left <= 0) next(); else show();
}

function finish(completed) {
  clearInterval(ticker);
  const minutes = Math.max(1, Math.round(walked / 60));
  say(completed ? 'Session complete. Well done.' : 'Stopped.');
  const params = new URLSearchParams({ minutes: String(minutes), bouts: String(Math.max(1, bouts)) });
  location.href = `/log?${params}`;
}

document.getElementById('check-form').addEventListener('submit', (event) => {
  event.preventDefault();
  document.getElementById('checklist').hidden = true;
  timer.hidden = false;
  next();
  ticker = setInterval(tick, 1000 / speed);
  document.getElementById('stop').focus();
});
document.getElementById('stop').addEventListener('click', () => finish(false));
