import { describe, expect, it } from 'vitest';
import type { ImportedSae } from '../../src/ingest/importResults.ts';
import { compareModel } from '../../src/views/compareSpec.ts';
import { driftNotes } from '../../src/views/drift.ts';
import { frame, sae } from '../helpers/frames.ts';

describe('compareModel', () => {
  const rows = frame([
    sae('a1', 'topk', 20, 0.90), sae('a2', 'topk', 40, 0.95), sae('a3', 'topk', 80, 0.97),
    sae('b1', 'relu', 20, 0.99),
    sae('mine', 'topk', 30, 0.96, { release: 'my SAEs', is_user: 1, training_tokens: null }),
  ]);

  it('ranks a bundled SAE within its own sweep, by the metric direction, and marks the best compared value', () => {
    const m = compareModel(rows, ['a2', 'b1']);
    const ce = m.rows.find((r) => r.metric.id === 'ce_loss_score')!;
    expect(ce.cells.map((c) => [c.value, c.rank, c.of])).toEqual([[0.95, 2, 3], [0.99, 1, 1]]);
    expect(ce.best).toBe(1);
    // L0 is a control: no rank, no best.
    const l0 = m.rows.find((r) => r.metric.id === 'l0')!;
    expect(l0.cells.map((c) => c.rank)).toEqual([null, null]);
    expect(l0.best).toBeNull();
  });

  it('ranks one of yours among the bundled sweep of its model, layer, width and architecture, which it does not change', () => {
    const m = compareModel(rows, ['mine', 'a2']);
    const ce = m.rows.find((r) => r.metric.id === 'ce_loss_score')!;
    expect(ce.cells.map((c) => [c.rank, c.of])).toEqual([[2, 4], [2, 3]]);
    expect(m.saes.map((s) => [s.id, s.mine, s.sweepSize])).toEqual([['mine', true, 4], ['a2', false, 3]]);
  });

  it('names ids it cannot find', () => {
    expect(compareModel(rows, ['a1', 'nope']).missing).toEqual(['nope']);
  });
});

describe('driftNotes', () => {
  const version = (evalType: string, commit: string | null, configHash: string | null, newEv = false) => ({ evalType, commit, saeLensVersion: null, configHash, newExplainedVariance: newEv, file: 'f.json' });
  const mine = (versions: ImportedSae['versions']): ImportedSae => ({ key: 'k', saeId: 'mine__k', name: 'k', identity: {} as ImportedSae['identity'], values: [], versions });

  it('flags results of several SAEBench commits and eval configs where they meet', () => {
    const notes = driftNotes([mine([version('scr', 'aaaaaaaa11', 'c1')]), mine([version('scr', 'bbbbbbbb22', 'c2')])], ['l0', 'scr_top20'], false);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/2 SAEBench commits \(aaaaaaaa, bbbbbbbb\)/);
    expect(notes[1]).toMatch(/2 different eval configs/);
  });

  it('warns that absorption and explained variance changed definition when yours meet the bundled 0125 run', () => {
    expect(driftNotes([mine([version('absorption_first_letter', 'aaaaaaaa', 'c')])], ['absorption_fraction'], true)[0]).toMatch(/redefined in SAEBench PR #62/);
    expect(driftNotes([mine([version('core', 'aaaaaaaa', 'c', true)])], ['l0', 'explained_variance'], true)[0]).toMatch(/corrected formula/);
  });

  it('says nothing when one version meets nothing else', () => {
    expect(driftNotes([mine([version('scr', 'aaaaaaaa', 'c')])], ['scr_top20'], false)).toEqual([]);
  });
});

describe('compactId', () => {
  it('keeps short ids and cuts long ones at the start, keeping architecture and trainer', async () => {
    const { compactId } = await import('../../src/views/tableSpec.ts');
    expect(compactId('pca_l12')).toBe('pca_l12');
    const cut = compactId('saebench0125__gemma-2-2b__L12__65k__matryoshka_batch_topk__t2');
    expect(cut).toBe('…2__65k__matryoshka_batch_topk__t2');
    expect(cut).toHaveLength(34);
  });
});
