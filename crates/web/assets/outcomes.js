// Built-in tools for the timed tests: a stopwatch fills in the seconds, and
// the chair-stand counter runs 30 seconds while you tap once per stand.
for (const form of document.querySelectorAll('form[data-tool]')) {
  const tool = form.querySelector('.tool');
  if (!tool) continue;
  tool.hidden = false;
  const display = tool.querySelector('[data-display]');
  const value = form.querySelector('[data-value]');
  const start = tool.querySelector('[data-start]');
  if (form.dataset.tool === 'stopwatch') {
    const stop = tool.querySelector('[data-stop]');
    let t0 = 0, ticker = null;
    start.addEventListener('click', () => {
      t0 = performance.now();
      start.hidden = true; stop.hidden = false; stop.focus();
      ticker = setInterval(() => { display.textContent = `${((performance.now() - t0) / 1000).toFixed(1)} s`; }, 100);
    });
    stop.addEventListener('click', () => {
      clearInterval(ticker);
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      display.textContent = `${secs} s`; value.value = secs;
      stop.hidden = true; start.hidden = false;
    });
  } else {
    const count = tool.querySelector('[data-count]');
    let n = 0, left = 30, ticker = null;
    const show = () => { display.textContent = `${left} s · ${n}`; value.value = String(n); };
    start.addEventListener('click', () => {
      n = 0; left = 30; show();
      start.hidden = true; count.hidden = false; count.focus();
      ticker = setInterval(() => {
        left -= 1; show();
        if (left <= 0) { clearInterval(ticker); count.hidden = true; start.hidden = false; if (navigator.vibrate) navigator.vibrate(400); }
      }, 1000);
    });
    count.addEventListener('click', () => { n += 1; show(); });
  }
}
