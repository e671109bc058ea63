// Thin wrapper: the spec comes from views/scatterSpec.ts; a click selects the point's sae_id.
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../state/store.ts';
import { useUserPoints } from '../state/userPoints.ts';
import { scatterSpec, type SaeRow } from '../views/scatterSpec.ts';
import Plotly from './plotly.ts';

type PlotDiv = HTMLDivElement & { on?: (event: string, cb: (e: { points?: { customdata?: unknown }[] }) => void) => void };

export function ScatterPlot({ rows }: { rows: SaeRow[] }) {
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const ref = useRef<PlotDiv>(null);
  const clickBound = useRef(false);
  const userPoints = useUserPoints((s) => s.points);
  const spec = useMemo(() => scatterSpec(rows, view, userPoints), [rows, view, userPoints]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    void Plotly.react(el, spec.traces as never, spec.layout as never, { responsive: true, displaylogo: false }).then(() => {
      el.dataset.points = String(spec.plotted);
      if (!clickBound.current && el.on) {
        clickBound.current = true;
        el.on('plotly_click', (e) => {
          const id = e.points?.[0]?.customdata;
          if (typeof id === 'string' && !id.startsWith('user:')) useStore.getState().update({ sel: id });
        });
      }
      if (!performance.getEntriesByName('saebench:first-chart').length) performance.mark('saebench:first-chart');
    });
  }, [spec]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      clickBound.current = false;
      if (el) Plotly.purge(el);
    };
  }, []);

  return (
    <div className="scatter">
      <p className="plot-caption">
        {spec.plotted} SAEs plotted
        {spec.notPlotted > 0 && `; ${spec.notPlotted} not drawn (no value for X or Y${view.logx || view.logy ? ', or not positive on a log axis' : ''})`}
        . Click a point to see the SAE.
        {view.sel && <button type="button" className="link" onClick={() => update({ sel: null })}>Clear selection</button>}
      </p>
      <div ref={ref} className="plot" data-testid="scatter-plot" aria-label="Scatter plot" />
    </div>
  );
}
