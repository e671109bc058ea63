// The filtered SAEs as a virtualized table (TanStack Table v9 core + TanStack Virtual).
// Sorting runs in DuckDB (ORDER BY in the rows query); headers toggle it, better values first.
import { tableFeatures, useTable, createColumnHelper } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { directionArrow, metricById, metricTooltip } from '../../catalog/metrics.ts';
import { TABLE_COLUMNS } from '../../catalog/columns.ts';
import { rowsFromFrame } from '../../data/frame.ts';
import { useStore } from '../../state/store.ts';
import { betterFirst, effectiveSort, type ViewState } from '../../state/viewState.ts';
import { categoryLabel, formatValue } from '../../views/encodings.ts';
import type { TableModel } from '../../views/registry.ts';
import { columnLabel, compactId } from '../../views/tableSpec.ts';

type Row = Record<string, string | number | null>;
const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Row>();
const ROW_HEIGHT = 26;

function cellText(column: string, v: unknown): string {
  if (column === 'sae_id') return compactId(String(v));
  if (column === 'architecture' || column === 'dict_size') return categoryLabel(column, v);
  return formatValue(v);
}

export function TableView({ model, state: view }: { model: TableModel; state: ViewState }) {
  const update = useStore((s) => s.update);
  // The columns as they are now: this render may show the state of the last answered query (see CompareView).
  const colsNow = () => useStore.getState().view.cols;
  const ids = model.columns;
  const rows = useMemo(() => rowsFromFrame(model.rows), [model.rows]);
  const columns = useMemo(
    () => ids.map((id) => helper.accessor((r): unknown => r[id], { id, header: columnLabel(id), cell: (c) => cellText(id, c.getValue()) })),
    [ids],
  );
  const table = useTable({ features, columns, data: rows });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const sort = effectiveSort(view);
  const tableRows = table.getRowModel().rows;
  // One row is in the Tab order (the selected one, else the first); arrow keys move focus, Enter selects.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const selectedIndex = tableRows.findIndex((r) => String(r.original.sae_id) === view.sel);
  const tabRow = Math.min(focusRow ?? Math.max(0, selectedIndex), Math.max(0, tableRows.length - 1));
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    // A far row is rendered only after the virtualizer has scrolled to it: keep trying on each render.
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${tabRow}"]`);
    if (!row) return;
    moveFocus.current = false;
    row.focus();
  });
  const onRowKey = (e: KeyboardEvent, index: number, id: string) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: tableRows.length - 1 }[e.key];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      update({ sel: id });
    } else if (next !== undefined) {
      e.preventDefault();
      const target = Math.max(0, Math.min(tableRows.length - 1, next));
      virtualizer.scrollToIndex(target);
      moveFocus.current = true;
      setFocusRow(target);
    }
  };
  useEffect(() => {
    if (rows.length && !performance.getEntriesByName('saebench:table-filled').length) performance.mark('saebench:table-filled');
  }, [rows]);

  const toggleSort = (id: string) => {
    const first = betterFirst(id);
    const next = sort.column !== id ? first : sort.desc === first.desc ? { column: id, desc: !first.desc } : first;
    update({ sort: next });
  };

  return (
    <div className="table-view">
      <div className="column-picker">
        <label htmlFor="add-column">Add column</label>
        <select id="add-column" value="" onChange={(e) => e.target.value && update({ cols: [...colsNow(), e.target.value] })}>
          <option value="">choose…</option>
          {TABLE_COLUMNS.filter((c) => !ids.includes(c)).map((c) => <option key={c} value={c}>{columnLabel(c)}</option>)}
        </select>
        {view.cols.map((c) => (
          <button key={c} type="button" className="chip" onClick={() => update({ cols: colsNow().filter((x) => x !== c) })} aria-label={`Remove column ${columnLabel(c)}`}>
            {columnLabel(c)} ×
          </button>
        ))}
      </div>
      <div ref={scrollRef} className="table-scroll" role="region" aria-label="SAE table" tabIndex={0}>
        <table className="sae-table" data-testid="sae-table">
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const def = metricById(h.column.id);
                  const active = sort.column === h.column.id;
                  return (
                    <th key={h.id} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} title={def ? metricTooltip(def) : undefined}>
                      <button type="button" onClick={() => toggleSort(h.column.id)}>
                        <table.FlexRender header={h} />
                        {def && directionArrow(def) && <span className="dir"> {directionArrow(def)}</span>}
                        {active && <span aria-hidden="true">{sort.desc ? ' ▼' : ' ▲'}</span>}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((vi) => {
              const row = tableRows[vi.index];
              if (!row) return null;
              const id = String(row.original.sae_id);
              return (
                <tr
                  key={id}
                  data-sae-id={id}
                  className={[id === view.sel ? 'selected' : '', row.original.is_user === 1 ? 'mine' : ''].filter(Boolean).join(' ') || undefined}
                  style={{ position: 'absolute', transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}
                  data-index={vi.index}
                  onClick={() => { setFocusRow(vi.index); update({ sel: id }); }}
                  onKeyDown={(e) => onRowKey(e, vi.index, id)}
                  tabIndex={vi.index === tabRow ? 0 : -1}
                  aria-selected={id === view.sel}
                >
                  {row.getAllCells().map((c) => <td key={c.id} title={c.column.id === 'sae_id' ? id : undefined}><table.FlexRender cell={c} /></td>)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
