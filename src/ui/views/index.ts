// The component that draws each view's model (the view's pure parts are in views/registry.ts).
import { lazy, type ComponentType } from 'react';
import type { ViewKind, ViewState } from '../../state/viewState.ts';
import { AgreementView } from './AgreementView.tsx';
import { CompareView } from './CompareView.tsx';
import { CoverageView } from './CoverageView.tsx';
import { GridView } from './GridView.tsx';
import { ParetoView } from './ParetoView.tsx';
import { ScalingView } from './ScalingView.tsx';
import { ScatterView } from './ScatterView.tsx';

// Loaded when first shown: the table (TanStack) and the re-scoring engine are not needed for the first chart.
const TableView = lazy(() => import('./TableView.tsx').then((m) => ({ default: m.TableView })));
const RescorePanel = lazy(() => import('../rescore/RescorePanel.tsx').then((m) => ({ default: m.RescorePanel })));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const VIEW_COMPONENTS: Record<ViewKind, ComponentType<{ model: any; state: ViewState }>> = {
  scatter: ScatterView,
  pareto: ParetoView,
  scaling: ScalingView,
  grid: GridView,
  agreement: AgreementView,
  coverage: CoverageView,
  table: TableView,
  compare: CompareView,
  rescore: RescorePanel,
};
