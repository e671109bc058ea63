// Ranges that can match nothing, put right with a notice saying how: the L0 filter and the scaling view's
// L0 window, from a link or from the inputs.
import { DEFAULT_STATE, type ViewState } from './viewState.ts';

/** An L0 range that can match nothing is put right, saying how: L0 is never negative, and min ≤ max. */
export function fixL0Range(state: Pick<ViewState, 'l0min' | 'l0max'>): string[] {
  const notices: string[] = [];
  if (state.l0min !== null && state.l0min < 0) {
    notices.push(`Ignored l0min=${state.l0min}: L0 is never negative`);
    state.l0min = null;
  }
  if (state.l0max !== null && state.l0max <= 0) {
    notices.push(`Ignored l0max=${state.l0max}: no SAE has an L0 of 0 or less`);
    state.l0max = null;
  }
  if (state.l0min !== null && state.l0max !== null && state.l0min > state.l0max) {
    notices.push(`The L0 range ${state.l0min}–${state.l0max} was reversed; read as ${state.l0max}–${state.l0min}`);
    [state.l0min, state.l0max] = [state.l0max, state.l0min];
  }
  return notices;
}

/** The scaling view's L0 window: never negative, min < max. */
export function fixScalingWindow(state: Pick<ViewState, 'wmin' | 'wmax'>): string[] {
  const notices: string[] = [];
  if (state.wmin < 0) {
    notices.push(`Read wmin=${state.wmin} as 0: L0 is never negative`);
    state.wmin = 0;
  }
  if (state.wmax <= 0) {
    notices.push(`Ignored wmax=${state.wmax}: no SAE has an L0 of 0 or less`);
    state.wmax = DEFAULT_STATE.wmax;
  }
  if (state.wmin > state.wmax) {
    notices.push(`The L0 window ${state.wmin}–${state.wmax} was reversed; read as ${state.wmax}–${state.wmin}`);
    [state.wmin, state.wmax] = [state.wmax, state.wmin];
  }
  if (state.wmin === state.wmax) {
    notices.push(`The L0 window ${state.wmin}–${state.wmax} is empty; read as ${DEFAULT_STATE.wmin}–${DEFAULT_STATE.wmax}`);
    state.wmin = DEFAULT_STATE.wmin;
    state.wmax = DEFAULT_STATE.wmax;
  }
  return notices;
}
