// Plotly partial bundle: core (with the SVG scatter) up front; the CSP-safe WebGL scatter only when a figure
// needs it (more than a few thousand points). The regular scattergl compiles shader glue with `new Function`,
// which the site's policy (no 'unsafe-eval') blocks; the strict build ships precompiled regl code instead.
import Plotly from 'plotly.js/lib/core';

let webgl: Promise<void> | null = null;

/** Plotly with every trace type the figure uses registered. */
export async function plotlyFor(traces: readonly { type?: unknown }[]): Promise<typeof Plotly> {
  if (traces.some((t) => t.type === 'scattergl')) {
    webgl ??= import('plotly.js/src/traces/scattergl/strict').then((m) => Plotly.register([m.default]));
    await webgl;
  }
  return Plotly;
}

export default Plotly;
