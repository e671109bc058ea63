// Facet filters with counts under the other filters, an L0 range and "both X and Y".
import { useEffect, useRef } from 'react';
import { DIMENSIONS, PROVENANCE_LABELS, type Dimension } from '../catalog/columns.ts';
import { num, str, type Frame } from '../data/frame.ts';
import { useStore } from '../state/store.ts';
import { EMPTY_FILTERS, type Filters } from '../state/viewState.ts';
import { categoryLabel } from '../views/encodings.ts';
import { useAppData } from './AppData.tsx';
import { L0Range } from './L0Range.tsx';

/** Facet counts frame (dim, value as text, n) -> per dimension, value -> n. */
function countsByDimension(facets: Frame | null): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  if (!facets) return out;
  const dim = str(facets, 'dim');
  const value = str(facets, 'value');
  const n = num(facets, 'n');
  const numeric = new Set(DIMENSIONS.filter((d) => d.numeric).map((d) => d.key as string));
  for (let i = 0; i < facets.length; i++) {
    const m = out.get(dim[i]!) ?? new Map<string, number>();
    // Numbers come back as text ("12.0"); key them as the domain values print ("12").
    m.set(numeric.has(dim[i]!) ? String(Number(value[i])) : (value[i] ?? ''), n[i]!);
    out.set(dim[i]!, m);
  }
  return out;
}

function Facet({ dim, counts }: { dim: Dimension; counts: Map<string, number> | undefined }) {
  const { info } = useAppData();
  const selected = useStore((s) => s.view[dim.key]) as (string | number)[];
  const update = useStore((s) => s.update);
  const toggle = (v: string | number, on: boolean) =>
    update({ [dim.key]: on ? [...selected, v] : selected.filter((s) => s !== v) } as Partial<Filters>);
  return (
    <fieldset className="facet">
      <legend>{dim.label}</legend>
      {info.domains.values[dim.key].map((v) => {
        const n = counts?.get(String(v)) ?? 0;
        const label = dim.key === 'prov' ? String(v) : categoryLabel(dim.column, v);
        return (
          <label key={String(v)} className={n === 0 ? 'facet-option empty' : 'facet-option'} title={dim.key === 'prov' ? PROVENANCE_LABELS[String(v)] ?? String(v) : String(v)}>
            <input type="checkbox" checked={selected.includes(v)} onChange={(e) => toggle(v, e.target.checked)} data-value={String(v)} />
            <span>{label}</span>
            <span className="count" aria-label={`${n} SAEs`}>{counts ? n : '…'}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** `sheet`: shown over the page (narrower screens), with a close button and focus moved into it. */
export function FilterPanel({ facets, sheet = false, onClose }: { facets: Frame | null; sheet?: boolean; onClose?: () => void }) {
  const both = useStore((s) => s.view.both);
  const update = useStore((s) => s.update);
  const counts = countsByDimension(facets);
  const head = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sheet) head.current?.focus();
  }, [sheet]);
  return (
    <aside id="filters" className={sheet ? 'filters sheet' : 'filters'} aria-label="Filters">
      <div className="filters-head">
        <h2 ref={head} tabIndex={-1}>Filters</h2>
        <button type="button" onClick={() => update({ ...EMPTY_FILTERS })} title="Show every SAE of the dataset">Clear filters</button>
        {sheet && <button type="button" onClick={onClose} aria-label="Close the filters">×</button>}
      </div>
      <label className="check">
        <input type="checkbox" checked={both} onChange={(e) => update({ both: e.target.checked })} /> Only SAEs with both X and Y
      </label>
      <L0Range />
      {DIMENSIONS.map((d) => <Facet key={d.key} dim={d} counts={counts.get(d.key)} />)}
    </aside>
  );
}
