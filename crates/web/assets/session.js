// A guided session: checklist, then a large timer through its steps (for
// backward walking: warm-up, bouts, rests and cool-down; for the exercises:
// sets with the repetitions counted aloud, holds and rests), with spoken and
// vibration cues, Pause and a large Stop.
//
// Time comes from the clock, never from counting ticks: a phone slows or
// stops timers when the screen locks or the tab is in the background, so
// every tick (and every return to the page) works out where the session is
// from when it started and how long it was paused. That state is kept on the
// phone, so a page the browser suspended or reloaded comes back at the right
// step. While the timer runs the screen is held on (Wake Lock) where the
// browser can; where it cannot, the page says so.
//
// It needs nothing from the network once the page is loaded. `?speed=N` runs
// the clock N times faster (for demonstrations).
const timer = document.getElementById('timer');
const phases = JSON.parse(timer.dataset.phases || '[]');
const words = timer.dataset;
const speed = Math.max(1, Number(new URLSearchParams(location.search).get('speed')) || 1);
const clock = document.getElementById('clock');
const phaseLabel = document.getElementById('phase');
const nextLabel = document.getElementById('next');
const pauseButton = document.getElementById('pause');
const awake = document.getElementById('awake');
const KEY = timer.dataset.key || 'retrowalk.session';
// A session older than this is not resumed: the walker has long since stopped.
const STALE_MS = 3 * 60 * 60 * 1000;
const plan = JSON.stringify(phases);
const total = phases.reduce((sum, p) => sum + p.seconds, 0);

let state = null; // { plan, startedAt, pausedAt, pausedMs, owner }
// The signed-in account's tag (see app.js): a session, and its recording,
// are resumed and sent only for the walker who started them.
const OWNER = document.body.dataset.owner || '';

// Motion: during a backward-walking session the phone, in a trouser pocket or
// on a belt, records its acceleration (gravity included) for the server to
// find the steps, the cadence and the direction. The samples stay in memory
// and, at the end, wait on this phone (MOTION) until the session is logged;
// app.js then sends them. Where the browser has no motion sensor, the
// walker says no, or the sensor sends nothing, the session runs as ever and
// the page says so. A sensor faster than 100 Hz is brought down to 100 Hz,
// its samples in each 10 ms averaged (on the shared recordings, 50 Hz
// counted as well but told the direction of two bouts in 122 worse, averaged
// or not), and nothing is recorded while the session is paused. Forty-five
// minutes are kept at most, packed by app.js (`retrowalkMotion`) to about a
// million characters of the phone's storage: the longest session (warm-up,
// twenty minutes backward with their rests, cool-down) is inside it.
//
// A page the browser reloads or discards mid-session would lose what was
// recorded, so whenever the page is hidden (the screen locks, another app
// comes up, a reload) the samples so far are kept on the phone (PARTIAL),
// and a resumed session carries on from them. Times are the wall clock's
// (Date.now, which runs on while the phone sleeps), so a stretch with no
// samples (a locked screen) stays as long as it was: the server keeps it as
// a pause (as it keeps the walker's own pauses).
const MOTION = 'retrowalk-motion';
const PARTIAL = 'retrowalk-motion-partial';
// Said by app.js on the next page, until the walker hides it.
const MOTION_SAID = 'retrowalk-motion-said';
const MOST_SAMPLES = 45 * 60 * 100;
// One sample kept for each slot of this many milliseconds (the mean of the
// sensor's samples in it): 100 Hz at most.
const SLOT_MS = 10;
// A sensor that has sent nothing this long after recording began sends nothing.
const SILENT_MS = 4000;
const motionNote = document.getElementById('motion-note');
const codec = window.retrowalkMotion;
let samples = [];
let lastAt = null;
let lastSlot = null;
let inSlot = 0;
let heard = false;
let listening = false;

function onMotion(event) {
  const a = event.accelerationIncludingGravity;
  if (!a || ![a.x, a.y, a.z].every(Number.isFinite)) return;
  if (!heard && motionNote.textContent === words.motionSilent) motionNote.textContent = words.motionOn;
  heard = true;
  if (samples.length >= MOST_SAMPLES || !state || state.pausedAt) return;
  // The page's clock, unless events arrive bunched (a throttled or replayed
  // stream): then the sensor's own interval spaces them.
  const step = event.interval || 10;
  const now = Date.now();
  lastAt = lastAt === null || now - lastAt >= step / 2 ? now : lastAt + step;
  const slot = Math.floor(lastAt / SLOT_MS);
  const last = samples[samples.length - 1];
  if (slot === lastSlot && last) {
    // A faster sensor: this slot's samples averaged, so nothing above
    // walking's rhythm folds into it.
    inSlot += 1;
    [a.x, a.y, a.z].forEach((v, i) => { last[i + 1] += (v - last[i + 1]) / inSlot; });
    return;
  }
  lastSlot = slot;
  inSlot = 1;
  samples.push([Math.round(lastAt), a.x, a.y, a.z]);
}

/**
 * Starts recording; on iOS the permission is asked within the tap that
 * starts the session. A page reloaded mid-session asks without a tap, which
 * some browsers refuse: then the next Resume asks again (`again`).
 */
function startMotion(again = false) {
  if (timer.dataset.finish !== 'log') return;
  if (!('DeviceMotionEvent' in window)) {
    motionNote.textContent = words.motionNone;
    return;
  }
  const listen = () => {
    if (!listening) window.addEventListener('devicemotion', onMotion);
    listening = true;
    motionNote.textContent = words.motionOn;
    // Some browsers have the sensor's API but never call it (a desktop, a
    // setting that blocks it): then say so, rather than "recording".
    setTimeout(() => {
      if (listening && !heard) motionNote.textContent = words.motionSilent;
    }, SILENT_MS);
  };
  // After a reload, what was recorded is kept; nothing to say if there was none.
  const refused = () => { motionNote.textContent = again ? (samples.length ? words.motionAgain : '') : words.motionDenied; };
  if (typeof DeviceMotionEvent.requestPermission === 'function') {
    DeviceMotionEvent.requestPermission()
      .then((answer) => (answer === 'granted' ? listen() : refused()))
      .catch(refused);
  } else {
    listen();
  }
}

/** Keeps the samples so far, for a reloaded page to carry on from. */
function keepPartial() {
  if (!state || !samples.length || !codec) return;
  try {
    localStorage.setItem(PARTIAL, JSON.stringify({ startedAt: state.startedAt, owner: OWNER, ...codec.pack(samples) }));
  } catch { /* too large for this phone's storage: what is in memory still counts */ }
}

/** The samples a reloaded page kept for this session, if any. */
function restorePartial() {
  try {
    const kept = JSON.parse(localStorage.getItem(PARTIAL) || 'null');
    if (kept && kept.startedAt === state.startedAt && kept.owner === OWNER && typeof kept.packed === 'string' && codec) {
      samples = codec.unpack(kept).slice(0, MOST_SAMPLES);
      lastAt = samples.length ? samples[samples.length - 1][0] : null;
    } else if (kept) {
      localStorage.removeItem(PARTIAL);
    }
  } catch { /* nothing kept */ }
}

/**
 * The parts of the session prescribed as backward walking, in seconds on
 * the recording's clock (from its first sample, at `t0`): "from-to,…". The
 * server tells the walker of any walking that looked forward in them. A
 * part's times are the session's clock set on the wall clock, the pauses
 * taken so far (`state.pauses`) added where they fell.
 */
function backwardParts(t0) {
  const wall = (seconds) => {
    let at = state.startedAt + (seconds * 1000) / speed;
    for (const [from, to] of state.pauses || []) if (from <= at) at += to - from;
    return at;
  };
  // As planned to the end: nothing is recorded after the session stops.
  const parts = [];
  let start = 0;
  for (const p of phases) {
    if (p.kind === 'bout') {
      const from = Math.max(0, (wall(start) - t0) / 1000).toFixed(1);
      const to = ((wall(start + p.seconds) - t0) / 1000).toFixed(1);
      // Compared as sent: a part that rounds to nothing is left out.
      if (Number(to) > Number(from)) parts.push(`${from}-${to}`);
    }
    start += p.seconds;
  }
  return parts.join(',');
}

/** Keeps what was recorded, packed, until the session is logged. */
function keepMotion() {
  window.removeEventListener('devicemotion', onMotion);
  listening = false;
  try { localStorage.removeItem(PARTIAL); } catch { /* nothing kept */ }
  if (!codec) return;
  if (samples.length < 100) {
    // A couple of seconds: nothing to find. Said when the sensor was on.
    if (heard) {
      try { localStorage.setItem(MOTION_SAID, JSON.stringify({ owner: OWNER, text: words.motionShort })); } catch { /* nothing to say */ }
    }
    return;
  }
  const t0 = samples[0][0];
  try {
    // The warm-up is easy forward walking: its seconds, on the recording's
    // own clock (which starts at its first sample, maybe after Start), tell
    // the server which way this walker's own forward step reads. Pauses in
    // the warm-up only lengthen it, so its planned end is on the safe side.
    const warmUp = phases[0] && phases[0].kind === 'warmup' ? (phases[0].seconds * 1000) / speed : 0;
    const forward = warmUp ? Math.max(0, Math.round((state.startedAt + warmUp - t0) / 1000)) : 0;
    const parts = backwardParts(t0);
    localStorage.setItem(MOTION, JSON.stringify({ ...codec.pack(samples), forward, parts, at: Date.now(), owner: OWNER }));
  } catch { /* too large for this phone's storage: the session is logged without it */ }
}
let announced = -1;
let counted = 0;
let ticker = null;
let lock = null;
let leaving = false;

/** Words alone, no vibration: for the counts. */
function speak(text) {
  try {
    if ('speechSynthesis' in window) speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  } catch { /* speech is a bonus */ }
}

function say(text) {
  try {
    if ('speechSynthesis' in window) {
      speechSynthesis.cancel();
      speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    }
  } catch { /* speech is a bonus */ }
  if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
}

function save() {
  try { localStorage.setItem(KEY, JSON.stringify(state)); } catch { /* private mode: no resume */ }
}

function forget() {
  try {
    localStorage.removeItem(KEY);
    localStorage.removeItem(PARTIAL);
  } catch { /* nothing kept */ }
}

/** Seconds of the session gone by, pauses left out. */
function elapsed(now = Date.now()) {
  const until = state.pausedAt ?? now;
  return Math.max(0, (until - state.startedAt - state.pausedMs) * speed / 1000);
}

/** Which phase `seconds` falls in, and the seconds left in it. */
function where(seconds) {
  let start = 0;
  for (let i = 0; i < phases.length; i += 1) {
    const end = start + phases[i].seconds;
    if (seconds < end) return { index: i, left: end - seconds };
    start = end;
  }
  return { index: phases.length, left: 0 };
}

/** Seconds walked backwards by `seconds`, and how many bouts were begun. */
function walkedBy(seconds) {
  let start = 0, walked = 0, bouts = 0;
  for (const p of phases) {
    if (p.kind === 'bout' && seconds > start) {
      walked += Math.min(p.seconds, seconds - start);
      bouts += 1;
    }
    start += p.seconds;
  }
  return { walked, bouts };
}

function render() {
  if (!state) return;
  const seconds = elapsed();
  if (seconds >= total) return finish(true);
  const { index, left } = where(seconds);
  const shown = Math.ceil(left);
  clock.textContent = `${Math.floor(shown / 60)}:${String(shown % 60).padStart(2, '0')}`;
  if (index !== announced) {
    // Only the step the walker is in now is spoken: steps that passed while
    // the page slept are not read out one after another.
    announced = index;
    phaseLabel.textContent = phases[index].label;
    const after = phases[index + 1];
    nextLabel.textContent = after ? `${words.nextWord} ${after.label}` : words.lastStep;
    counted = 0;
    if (!state.pausedAt) say(phases[index].label);
  }
  // Slow repetitions: the count is said as each one starts ("one", "two"…).
  const every = phases[index].count_every;
  if (every && !state.pausedAt) {
    const into = phases[index].seconds - left;
    const count = Math.min(Math.floor(into / every) + 1, Math.round(phases[index].seconds / every));
    if (count !== counted && into >= every) speak(String(count));
    counted = count;
  }
  const paused = state.pausedAt !== null;
  timer.classList.toggle('paused', paused);
  pauseButton.textContent = paused ? words.resume : words.pause;
  pauseButton.setAttribute('aria-pressed', String(paused));
  document.getElementById('paused-note').hidden = !paused;
}

async function holdScreen() {
  if (!('wakeLock' in navigator)) {
    awake.textContent = words.noWakeLock;
    return;
  }
  try {
    lock = await navigator.wakeLock.request('screen');
    awake.textContent = words.wakeLock;
  } catch {
    // Refused (low battery, or the page is hidden): the walker keeps it on.
    awake.textContent = words.noWakeLock;
  }
}

function releaseScreen() {
  if (lock) lock.release().catch(() => {});
  lock = null;
}

function run() {
  document.getElementById('checklist').hidden = true;
  timer.hidden = false;
  // Nothing to brush by mistake while walking: the navigation goes away.
  document.body.classList.add('in-session');
  announced = -1;
  render();
  clearInterval(ticker);
  ticker = setInterval(render, Math.max(50, 250 / speed));
  if (!state.pausedAt) holdScreen();
  document.getElementById('stop').focus();
}

function finish(completed) {
  if (leaving) return;
  leaving = true;
  clearInterval(ticker);
  releaseScreen();
  const { walked, bouts } = walkedBy(Math.min(total, elapsed()));
  forget();
  keepMotion();
  say(completed ? words.done : words.stopped);
  if (timer.dataset.finish !== 'log') {
    location.href = completed ? timer.dataset.finish : '/today';
    return;
  }
  // The log, filled in with the time walked backwards.
  const params = new URLSearchParams({ minutes: String(Math.max(1, Math.round(walked / 60))), bouts: String(Math.max(1, bouts)) });
  location.href = `/log?${params}`;
}

function togglePause() {
  const now = Date.now();
  if (state.pausedAt) {
    state.pausedMs += now - state.pausedAt;
    // Where each pause fell, for the backward parts' times (`backwardParts`).
    state.pauses = [...(state.pauses || []), [state.pausedAt, now]];
    state.pausedAt = null;
    announced = -1; // say the step again on resuming
    holdScreen();
    if (!listening) startMotion(); // after a reload, within this tap
  } else {
    state.pausedAt = now;
    releaseScreen();
    awake.textContent = '';
    say(words.pausedSay);
  }
  save();
  render();
}

document.getElementById('check-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state = { plan, startedAt: Date.now(), pausedAt: null, pausedMs: 0, owner: OWNER };
  save();
  startMotion();
  run();
});
// Stop takes two taps: a screen held on in a pocket can be brushed, and a
// session ended by a brush is lost. The first tap pauses at once (a walker
// in pain is not told to keep walking) and asks; a second within a few
// seconds stops; Resume carries on.
const stopButton = document.getElementById('stop');
let stopAsked = null;
stopButton.addEventListener('click', () => {
  if (stopAsked) return finish(false);
  if (state && !state.pausedAt) togglePause();
  say(words.stopConfirm);
  stopButton.textContent = words.stopConfirm;
  stopButton.classList.add('confirming');
  stopAsked = setTimeout(() => {
    stopAsked = null;
    stopButton.textContent = words.stopWord;
    stopButton.classList.remove('confirming');
  }, 4000);
});
pauseButton.addEventListener('click', togglePause);

// Back from the background or a locked screen: catch up at once, and take
// the screen lock again (the browser drops it when the page is hidden).
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && state && !leaving) keepPartial();
  if (document.visibilityState !== 'visible' || !state || leaving) return;
  render();
  if (!state.pausedAt) holdScreen();
});
window.addEventListener('pagehide', () => {
  if (state && !leaving) keepPartial();
});
window.addEventListener('beforeunload', (event) => {
  if (state && !leaving) {
    // Leaving mid-session asks first; the session is kept either way.
    event.preventDefault();
    event.returnValue = '';
  }
});

// A session this page was showing before the browser suspended or reloaded
// it carries on where it is now (paused if it was paused).
try {
  const kept = JSON.parse(localStorage.getItem(KEY) || 'null');
  if (kept && kept.plan === plan && kept.owner === OWNER && Date.now() - kept.startedAt < STALE_MS) {
    state = kept;
    restorePartial();
    // Recording goes on where the browser lets it without a tap; else the
    // next tap on Resume starts it again.
    startMotion(true);
    run();
  } else if (kept && kept.owner === OWNER) {
    forget();
  }
} catch { forget(); }
