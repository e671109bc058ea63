// Plotly ships no types for its CSP-safe trace modules; they register like the lib/ ones.
declare module 'plotly.js/src/traces/scattergl/strict' {
  import type { PlotlyModule } from 'plotly.js';
  const trace: PlotlyModule;
  export default trace;
}
