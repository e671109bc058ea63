// "Y at matched L0": each group's value interpolated at a few sparsities (never extrapolated).
import { useMemo } from 'react';
import { axisById } from '../catalog/metrics.ts';
import { useStore } from '../state/store.ts';
import { formatValue } from '../views/encodings.ts';
import type { SaeRow } from '../views/groups.ts';
import { l0MatchedTable } from '../views/l0MatchedSpec.ts';

export function L0MatchedTable({ rows }: { rows: SaeRow[] }) {
  const view = useStore((s) => s.view);
  const table = useMemo(() => l0MatchedTable(rows, view), [rows, view]);
  if (!table || table.groups.length === 0) return null;
  const y = axisById(view.y)!;
  return (
    <table className="matrix matched" data-testid="l0-matched">
      <caption>
        {y.label} at matched L0 ({y.direction === 'lower' ? 'lower' : 'higher'} is better; best in bold), interpolated in
        log L0 along each group's line; – where that L0 is outside the group's range (never extrapolated)
      </caption>
      <thead><tr><th scope="col" />{table.targets.map((t) => <th key={t} scope="col">L0 = {t}</th>)}</tr></thead>
      <tbody>
        {table.groups.map((g, i) => (
          <tr key={g.key}>
            <th scope="row"><span className="swatch" style={{ background: g.color }} aria-hidden="true" /> {g.label}</th>
            {g.values.map((v, j) => (
              <td key={table.targets[j]} className={table.best[j] === i ? 'best' : undefined}>{v === null ? '–' : formatValue(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
