// Hand-built SAE rows as the frames the view specs read.
import { frameFromRows, type Frame } from '../../src/data/frame.ts';

export type TestRow = Record<string, string | number | boolean | null>;

/** One SAE of a sweep (model m, layer 1, width 4096, release r, 500M tokens unless overridden). */
export function sae(id: string, architecture: string, l0: number | null, ce: number | null, extra: TestRow = {}): TestRow {
  return {
    sae_id: id, architecture, model: 'm', layer: 1, dict_size: 4096, release: 'r', training_tokens: 5e8,
    l0, ce_loss_score: ce, ce_loss_score_prov: 'published_0125_np', l0_prov: 'published_0125_np', is_baseline: 0, ...extra,
  };
}

export const pca: TestRow = {
  sae_id: 'pca', architecture: 'pca', model: 'm', layer: 1, dict_size: 512, release: 'pca_baseline', training_tokens: null,
  l0: 512, ce_loss_score: 1, absorption_fraction: 0.01, is_baseline: 1,
};

export function frame(rows: readonly TestRow[]): Frame {
  return frameFromRows(rows);
}
