// The walker page's monitoring timer: counts the whole minutes this page has
// been open and fills the minutes box with them, until the clinician types a
// number of their own (then the entry is theirs, "manual"). Without
// JavaScript the box is simply typed in.
const box = document.getElementById('mt-minutes');
const source = document.getElementById('mt-timer');
if (box && source) {
  const opened = Date.now();
  let typed = false;
  box.addEventListener('input', () => { typed = true; source.value = ''; });
  const tick = () => {
    if (typed) return;
    box.value = String(Math.max(1, Math.ceil((Date.now() - opened) / 60000)));
    source.value = '1';
  };
  tick();
  setInterval(tick, 15000);
}
