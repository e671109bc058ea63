// Thin Plotly wrapper used by every plot view: draws a pure spec, reports clicks by the point's sae_id, and
// registers itself for figure export.
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../state/store.ts';
import type { Figure as FigureSpec } from '../views/plotTypes.ts';
import { useExportSource } from './figureRegistry.ts';
import Plotly from './plotly.ts';

type PlotDiv = HTMLDivElement & { on?: (event: string, cb: (e: { points?: { customdata?: unknown }[] }) => void) => void };

export function Figure(props: { figure: FigureSpec; testId: string; label: string; points: number; aspect?: number; height?: number }) {
  const ref = useRef<PlotDiv>(null);
  const clickBound = useRef(false);
  const { figure, aspect } = props;
  useExportSource(useMemo(() => ({ kind: 'plotly' as const, figure, aspect: aspect ?? 0.75 }), [figure, aspect]));

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    void Plotly.react(el, figure.traces as never, figure.layout as never, { responsive: true, displaylogo: false }).then(() => {
      el.dataset.points = String(props.points);
      if (!clickBound.current && el.on) {
        clickBound.current = true;
        el.on('plotly_click', (e) => {
          const id = e.points?.[0]?.customdata;
          if (typeof id === 'string' && !id.startsWith('user:')) useStore.getState().update({ sel: id });
        });
      }
      if (!performance.getEntriesByName('saebench:first-chart').length) performance.mark('saebench:first-chart');
    });
  }, [figure, props.points]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      clickBound.current = false;
      if (el) Plotly.purge(el);
    };
  }, []);

  return <div ref={ref} className="plot" style={props.height ? { minHeight: props.height } : undefined} data-testid={props.testId} aria-label={props.label} />;
}
