// Up to four SAEs side by side: every metric with its direction, each value with its rank within its sweep.
import { directionArrow, EVAL_LABELS } from '../../catalog/metrics.ts';
import { useStore } from '../../state/store.ts';
import type { ViewState } from '../../state/viewState.ts';
import type { CompareModel } from '../../views/compareSpec.ts';
import { formatValue } from '../../views/encodings.ts';
import { SaeSearch } from '../SaeSearch.tsx';

export function CompareView({ model, state }: { model: CompareModel; state: ViewState }) {
  const update = useStore((s) => s.update);
  // The list as it is now, not as this render saw it: the view shows its last answered state, which lags the
  // store while its queries run (two quick picks would otherwise keep only the second).
  const cmpNow = () => useStore.getState().view.cmp;
  const remove = (id: string) => update({ cmp: cmpNow().filter((x) => x !== id) });
  return (
    <div className="compare-view" data-testid="compare">
      {state.cmp.length < 4 && (
        <p className="compare-add">
          <SaeSearch label="Add an SAE to compare" onPick={(id) => update({ cmp: [...new Set([...cmpNow(), id])].slice(0, 4) })} />
          {' '}(or use “Compare” in an SAE's details)
        </p>
      )}
      {model.missing.length > 0 && <p className="plot-caption warning" role="note">Not in the data: {model.missing.join(', ')}.</p>}
      {model.saes.length === 0 ? <p role="status">Pick up to four SAEs to see them side by side.</p> : (
        <div className="table-scroll">
          <table className="kv compare-table">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                {model.saes.map((s) => (
                  <th key={s.id} scope="col">
                    <span className="compare-id">{s.id}</span><br /><span className="muted">{s.label}</span>{' '}
                    {s.mine && <><br /><span className="muted">yours: ranked as if one of the bundled {s.label.split(' · ')[0]} sweep's trainers</span></>}{' '}
                    <button type="button" className="link" onClick={() => remove(s.id)} aria-label={`Remove ${s.id} from the comparison`}>remove</button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.rows.map((r) => (
                <tr key={r.metric.id} data-metric={r.metric.id}>
                  <th scope="row" title={r.metric.description}>{r.metric.label} <span className="dir">{directionArrow(r.metric)}</span> <span className="muted">({EVAL_LABELS[r.metric.eval]})</span></th>
                  {r.cells.map((c, k) => (
                    <td key={model.saes[k]!.id} className={r.best === k ? 'best' : undefined}>
                      {formatValue(c.value)}
                      {c.rank !== null && <span className="muted"> · {c.rank}/{c.of} {model.saes[k]!.mine ? 'with the bundled sweep' : 'in sweep'}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
