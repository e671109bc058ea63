// "Y at matched L0": each sweep's value interpolated at a few sparsities (never extrapolated); groups that span
// several sweeps show the mean over them and how many.
import { axisById } from '../../catalog/metrics.ts';
import { formatValue } from '../../views/encodings.ts';
import type { L0MatchedTable as Table } from '../../views/l0MatchedSpec.ts';

/** `shapesOnly`: points are coloured by a metric, so a group is its marker shape, not a colour. */
export function L0MatchedTable({ table, y, title, shapesOnly = false }: { table: Table; y: string; title: string; shapesOnly?: boolean }) {
  if (table.groups.length === 0) return null;
  const def = axisById(y)!;
  const better = def.direction === 'lower' ? 'lower' : def.direction === 'target' ? `closer to ${def.target ?? 1}` : 'higher';
  return (
    <table className="matrix matched" data-testid="l0-matched">
      <caption>
        {title && <b>{title}: </b>}{def.label} at matched L0 ({better} is better; best in bold), interpolated in log L0 along each sweep; – where
        that L0 is outside the sweep's range (never extrapolated).
        {table.pooled && ' Groups spanning several sweeps show the mean over the sweeps that reach that L0 (k/K sweeps); no best is marked where groups average over different sweeps.'}
      </caption>
      <thead><tr><th scope="col">Group</th>{table.targets.map((t) => <th key={t} scope="col">L0 = {t}</th>)}</tr></thead>
      <tbody>
        {table.groups.map((g, i) => (
          <tr key={g.key}>
            <th scope="row">{!shapesOnly && <span className="swatch" style={{ background: g.color }} aria-hidden="true" />} {g.label}</th>
            {g.cells.map((c, j) => (
              <td key={table.targets[j]} className={table.best[j] === i ? 'best' : undefined}>
                {c.value === null ? '–' : formatValue(c.value)}
                {table.pooled && c.value !== null && <span className="muted"> ({c.sweeps}/{c.of})</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
