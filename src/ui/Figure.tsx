// Thin Plotly wrapper used by every plot view: draws a pure spec, reports clicks by the point's sae_id and
// zooms as axis ranges (so the URL restores them), and registers itself for figure export.
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../state/store.ts';
import type { Figure as FigureSpec } from '../views/plotTypes.ts';
import { useExportSource } from './figureRegistry.ts';
import Plotly, { plotlyFor } from './plotly.ts';

type PlotEvent = { points?: { customdata?: unknown }[] } & Record<string, unknown>;
type PlotDiv = HTMLDivElement & {
  on?: (event: string, cb: (e: PlotEvent) => void) => void;
  layout?: { xaxis?: { type?: string }; yaxis?: { type?: string } };
};

// One export path: the toolbar's paper-size export, not Plotly's own camera button.
const CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['toImage' as const] };

/** A relayout event's new range for one axis in data units; null for autorange; undefined when untouched. */
function rangeOf(e: PlotEvent, axis: 'xaxis' | 'yaxis', log: boolean): [number, number] | null | undefined {
  if (e[`${axis}.autorange`] === true) return null;
  const lo = e[`${axis}.range[0]`] ?? (e[`${axis}.range`] as unknown[] | undefined)?.[0];
  const hi = e[`${axis}.range[1]`] ?? (e[`${axis}.range`] as unknown[] | undefined)?.[1];
  if (typeof lo !== 'number' || typeof hi !== 'number') return undefined;
  const conv = (v: number) => Number((log ? 10 ** v : v).toPrecision(6));
  return [conv(lo), conv(hi)];
}

export function Figure(props: { figure: FigureSpec; testId: string; label: string; points: number; aspect?: number; height?: number; zoomable?: boolean }) {
  const ref = useRef<PlotDiv>(null);
  const bound = useRef(false);
  const { figure, aspect } = props;
  useExportSource(useMemo(() => ({ kind: 'plotly' as const, figure, aspect: aspect ?? 0.75 }), [figure, aspect]));

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    let t0 = 0;
    void plotlyFor(figure.traces).then((P) => {
      t0 = performance.now();
      return live ? P.react(el, figure.traces as never, figure.layout as never, CONFIG) : null;
    }).then((drawn) => {
      if (!drawn) return;
      performance.measure('saebench:draw', { start: t0 });
      el.dataset.points = String(props.points);
      if (!bound.current && el.on) {
        bound.current = true;
        el.on('plotly_click', (e) => {
          const id = e.points?.[0]?.customdata;
          if (typeof id === 'string' && id !== '' && !id.startsWith('user:')) useStore.getState().update({ sel: id });
        });
        if (props.zoomable) {
          el.on('plotly_relayout', (e) => {
            const xr = rangeOf(e, 'xaxis', el.layout?.xaxis?.type === 'log');
            const yr = rangeOf(e, 'yaxis', el.layout?.yaxis?.type === 'log');
            const patch: { xr?: [number, number] | null; yr?: [number, number] | null } = {};
            if (xr !== undefined) patch.xr = xr;
            if (yr !== undefined) patch.yr = yr;
            if (Object.keys(patch).length) useStore.getState().update(patch);
          });
        }
      }
      if (!performance.getEntriesByName('saebench:first-chart').length) performance.mark('saebench:first-chart');
      el.dispatchEvent(new CustomEvent('saebench:drawn'));
    });
    return () => {
      live = false;
    };
  }, [figure, props.points, props.zoomable]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      bound.current = false;
      if (el) Plotly.purge(el);
    };
  }, []);

  return <div ref={ref} className="plot" style={props.height ? { minHeight: props.height } : undefined} data-testid={props.testId} aria-label={props.label} />;
}
