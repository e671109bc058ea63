// What "Download CSV/JSON" writes for each view: the rows behind what is on screen. Pure.
import type { ViewState } from '../state/viewState.ts';
import { AGREEMENT_EXPORT_COLUMNS, agreementExportRows } from './agreementSpec.ts';
import { COVERAGE_EXPORT_COLUMNS, coverageExportRows } from './coverageSpec.ts';
import type { SaeRow } from './groups.ts';
import { paretoExportRows } from './paretoSpec.ts';
import { SCALING_EXPORT_COLUMNS, scalingExportRows } from './scalingSpec.ts';
import { exportColumns } from './tableSpec.ts';

export interface ViewExport {
  columns: string[];
  rows: SaeRow[];
}

export function viewExport(s: ViewState, rows: readonly SaeRow[]): ViewExport {
  switch (s.view) {
    case 'pareto':
      return { columns: [...exportColumns(), 'on_frontier', 'frontier_group'], rows: paretoExportRows(rows, s) };
    case 'scaling':
      return { columns: SCALING_EXPORT_COLUMNS, rows: scalingExportRows(rows, s) };
    case 'agreement':
      return { columns: AGREEMENT_EXPORT_COLUMNS, rows: agreementExportRows(rows, s) };
    case 'coverage':
      return { columns: COVERAGE_EXPORT_COLUMNS, rows: coverageExportRows(rows) };
    default:
      return { columns: exportColumns(), rows: [...rows] };
  }
}
