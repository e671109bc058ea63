// Thin Plotly wrapper used by every plot view: draws a pure spec, reports clicks by the point's sae_id and
// zooms as axis ranges (so the URL restores them), and registers itself for figure export.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../state/store.ts';
import type { PaperSize } from '../views/paperFigure.ts';
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

const NARROW_PLOT = 640;

/** The layout sized to the plot's box, which CSS sets (Plotly's autosize measures it on the first draw only). */
function atContainerSize<L extends object>(el: HTMLElement, layout: L): L | (L & { width: number; height: number }) {
  return el.clientWidth > 0 && el.clientHeight > 0 ? { ...layout, width: el.clientWidth, height: el.clientHeight } : layout;
}

function drawnAtContainerSize(el: HTMLElement): boolean {
  const drawn = (el as HTMLElement & { _fullLayout?: { width?: number; height?: number } })._fullLayout;
  return drawn?.width === el.clientWidth && drawn?.height === el.clientHeight;
}

const axisTitle = (axis: unknown): string => {
  const t = (axis as { title?: unknown } | undefined)?.title;
  return (typeof t === 'string' ? t : (t as { text?: string } | undefined)?.text ?? '').replace(/<[^>]*>/g, '');
};

/** What a screen reader hears for the plot: what is drawn against what, and how many points. */
function textAlternative(f: FigureSpec, label: string, points: number): string {
  const x = axisTitle(f.layout.xaxis);
  const y = axisTitle(f.layout.yaxis);
  return `${label}${x && y ? `: ${y} against ${x}` : ''}, ${points.toLocaleString('en-US')} point${points === 1 ? '' : 's'}.`;
}

function legendBelow(f: FigureSpec): FigureSpec {
  const legend = f.layout.legend as Record<string, unknown> | undefined;
  if (legend?.orientation === 'h') return f;
  return { ...f, layout: { ...f.layout, legend: { ...legend, orientation: 'h', x: 0, xanchor: 'left', y: -0.22, yanchor: 'top' } } };
}

export function Figure(props: {
  figure: FigureSpec; testId: string; label: string; points: number; aspect?: number; height?: number; zoomable?: boolean;
  /** The figure the paper export lays out per size, when it is not the one on screen (the grid's panels). */
  forSize?: (size: PaperSize) => { figure: FigureSpec; aspect: number };
}) {
  const ref = useRef<PlotDiv>(null);
  const bound = useRef(false);
  const { aspect } = props;
  // A plot narrower than this puts its legend below the data instead of beside it.
  const [narrow, setNarrow] = useState(false);
  const figure = useMemo(() => (narrow ? legendBelow(props.figure) : props.figure), [narrow, props.figure]);
  useExportSource(useMemo(() => ({ kind: 'plotly' as const, figure: props.figure, aspect: aspect ?? 0.75, forSize: props.forSize }), [props.figure, aspect, props.forSize]));

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    let t0 = 0;
    void plotlyFor(figure.traces).then((P) => {
      t0 = performance.now();
      return live ? P.react(el, figure.traces as never, atContainerSize(el, figure.layout) as never, CONFIG) : null;
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
    // Plotly's own "responsive" follows the window only; the plot must also reflow when a panel beside it
    // opens or closes.
    let frame = 0;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!el) return;
        setNarrow(el.clientWidth < NARROW_PLOT);
        // A draw made after the layout changed is already at the new size; only a plot drawn before it is
        // redrawn (at once: Plotly's own resize waits 100 ms and redraws whatever the size).
        if (el.dataset.points !== undefined && !drawnAtContainerSize(el)) void Plotly.relayout(el, atContainerSize(el, {}) as never);
      });
    });
    if (el) observer?.observe(el);
    return () => {
      observer?.disconnect();
      cancelAnimationFrame(frame);
      bound.current = false;
      if (el) Plotly.purge(el);
    };
  }, []);

  return (
    <figure className="figure" aria-label={props.label}>
      <div ref={ref} className="plot" style={props.height ? { minHeight: props.height } : undefined} data-testid={props.testId} />
      <figcaption className="figure-alt">
        <span className="visually-hidden">{textAlternative(props.figure, props.label, props.points)} </span>
        <button type="button" className="link" onClick={() => useStore.getState().update({ view: 'table' })}>See these SAEs as a table</button>
      </figcaption>
    </figure>
  );
}
