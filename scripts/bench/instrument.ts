// Runs in the benchmarked page before the app: records input events, every time something visible changed
// (a Plotly draw, a DOM change in the app) as the next animation frame after it, and long tasks. Works on any
// build of the app (it reads only the DOM and the app's performance marks).
export const INSTRUMENT = `
(() => {
  const b = window.__bench = { input: 0, paints: [], draws: 0, longTasks: [] };
  const paint = () => requestAnimationFrame(() => b.paints.push(performance.now()));
  const onInput = (e) => { b.input = e.timeStamp; b.paints = []; b.draws = 0; };
  // A click is the input (a checkbox's change event follows it, possibly after a cached redraw already
  // happened); a select has no click, so its change is the input.
  document.addEventListener('click', onInput, true);
  document.addEventListener('change', (e) => { if (e.target && e.target.tagName === 'SELECT') onInput(e); }, true);
  document.addEventListener('saebench:drawn', () => { b.draws++; paint(); }, true);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  const start = () => {
    const root = document.getElementById('root');
    if (!root) return setTimeout(start, 5);
    new MutationObserver((records) => {
      for (const r of records) {
        // A plot's own redraw counts once as a draw (builds without the saebench:drawn event).
        if (r.target.closest && r.target.closest('.plot') && !r.target.closest('.hoverlayer')) { b.plotMutations = (b.plotMutations || 0) + 1; }
      }
      paint();
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  start();
  // Resolves once nothing visible changed for quiet ms: input -> last paint, and the draws since the input.
  b.settle = (quiet, limit) => new Promise((resolve) => {
    const t0 = performance.now();
    const check = () => {
      const last = b.paints.length ? b.paints[b.paints.length - 1] : b.input;
      const now = performance.now();
      if (now - Math.max(last, t0) >= quiet || now - t0 > limit) resolve({ ms: last - b.input, draws: b.draws });
      else setTimeout(check, 20);
    };
    check();
  });
  // The start time of a performance mark once it exists (NaN after the timeout). Polled here because the
  // site's CSP forbids the string evaluation Playwright's waitForFunction would need.
  b.mark = (name, timeout) => new Promise((resolve) => {
    const t0 = performance.now();
    const check = () => {
      const e = performance.getEntriesByName(name)[0];
      if (e) resolve(e.startTime);
      else if (performance.now() - t0 > timeout) resolve(NaN);
      else setTimeout(check, 10);
    };
    check();
  });
  // Intervals between the next n animation frames.
  b.frames = (n) => new Promise((resolve) => {
    const times = [];
    const tick = (t) => {
      times.push(t);
      if (times.length < n) requestAnimationFrame(tick);
      else resolve(times.slice(1).map((v, i) => v - times[i]));
    };
    requestAnimationFrame(tick);
  });
})();
`;
