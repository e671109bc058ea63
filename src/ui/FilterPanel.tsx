// Facet filters with counts under the other filters, an L0 range and "both X and Y".
import { useMemo } from 'react';
import { DIMENSIONS, PROVENANCE_LABELS, type Dimension } from '../catalog/columns.ts';
import type { Dataset } from '../db/loadDataset.ts';
import { facetCountsQuery } from '../query/saeQueries.ts';
import { useStore } from '../state/store.ts';
import { EMPTY_FILTERS, type Filters } from '../state/viewState.ts';
import { categoryLabel } from '../views/encodings.ts';
import { L0Range } from './L0Range.tsx';
import { useQuery } from './useQuery.ts';

function Facet({ dataset, dim, live }: { dataset: Dataset; dim: Dimension; live: boolean }) {
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const query = useMemo(() => facetCountsQuery(view, [view.x, view.y], dim.key), [view, dim.key]);
  const { rows } = useQuery<{ value: string | number; n: number }>(dataset.coordinator, live ? query : null);
  const counts = new Map((rows ?? []).map((r) => [r.value, r.n]));
  const selected = view[dim.key] as (string | number)[];
  const toggle = (v: string | number, on: boolean) =>
    update({ [dim.key]: on ? [...selected, v] : selected.filter((s) => s !== v) } as Partial<Filters>);

  return (
    <fieldset className="facet">
      <legend>{dim.label}</legend>
      {dataset.domains.values[dim.key].map((v) => {
        const n = counts.get(v) ?? 0;
        const label = dim.key === 'prov' ? String(v) : categoryLabel(dim.column, v);
        return (
          <label key={String(v)} className={n === 0 ? 'facet-option empty' : 'facet-option'} title={dim.key === 'prov' ? PROVENANCE_LABELS[String(v)] ?? String(v) : String(v)}>
            <input type="checkbox" checked={selected.includes(v)} onChange={(e) => toggle(v, e.target.checked)} data-value={String(v)} />
            <span>{label}</span>
            <span className="count" aria-label={`${n} SAEs`}>{n}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** `live`: run the count queries; the explorer holds them back until its rows have come, so the first chart
 * does not queue behind seven facet queries. */
export function FilterPanel({ dataset, live }: { dataset: Dataset; live: boolean }) {
  const both = useStore((s) => s.view.both);
  const update = useStore((s) => s.update);
  return (
    <aside className="filters" aria-label="Filters">
      <div className="filters-head">
        <h2>Filters</h2>
        <button type="button" onClick={() => update({ ...EMPTY_FILTERS })}>Clear filters</button>
      </div>
      <label className="check">
        <input type="checkbox" checked={both} onChange={(e) => update({ both: e.target.checked })} /> Only SAEs with both X and Y
      </label>
      <L0Range />
      {DIMENSIONS.map((d) => <Facet key={d.key} dataset={dataset} dim={d} live={live} />)}
    </aside>
  );
}
