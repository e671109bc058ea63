// The component that draws each view's model (the view's pure parts are in views/registry.ts).
import type { ComponentType } from 'react';
import type { ViewKind, ViewState } from '../../state/viewState.ts';
import { RescorePanel } from '../rescore/RescorePanel.tsx';
import { AgreementView } from './AgreementView.tsx';
import { CoverageView } from './CoverageView.tsx';
import { GridView } from './GridView.tsx';
import { ParetoView } from './ParetoView.tsx';
import { ScalingView } from './ScalingView.tsx';
import { ScatterView } from './ScatterView.tsx';
import { TableView } from './TableView.tsx';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const VIEW_COMPONENTS: Record<ViewKind, ComponentType<{ model: any; state: ViewState }>> = {
  scatter: ScatterView,
  pareto: ParetoView,
  scaling: ScalingView,
  grid: GridView,
  agreement: AgreementView,
  coverage: CoverageView,
  table: TableView,
  rescore: RescorePanel,
};
