import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../../src/catalog/columns.ts';
import { METRICS, metricById } from '../../src/catalog/metrics.ts';
import { parseCsv } from '../../src/ingest/csv.ts';

type Schema = { $defs?: Record<string, unknown>; properties: Record<string, unknown> };
const SCHEMA_FILE: Record<string, string> = { ravel: 'ravel' };

function schemaDescription(evalId: string, category: string, metric: string): string | undefined {
  const s = JSON.parse(readFileSync(`data/saebench/schemas/eval_output_schema_${SCHEMA_FILE[evalId] ?? evalId}.json`, 'utf8')) as Schema;
  const deref = (o: unknown): Record<string, unknown> => {
    let cur = o as Record<string, unknown>;
    for (;;) {
      if (typeof cur.$ref === 'string') cur = s.$defs?.[cur.$ref.split('/').pop()!] as Record<string, unknown>;
      else if (Array.isArray(cur.allOf)) cur = cur.allOf[0] as Record<string, unknown>;
      else return cur;
    }
  };
  const metrics = deref(s.properties.eval_result_metrics);
  const cat = deref((metrics.properties as Record<string, unknown>)[category]);
  const prop = (cat.properties as Record<string, { description?: string }>)[metric];
  return prop?.description;
}

describe('metric catalog', () => {
  it('has an entry for every column of the shared wide CSV, plus the columns the published sources add', () => {
    const header = parseCsv(readFileSync('data/saebench/saebench_metrics.csv', 'utf8'))[0]!;
    expect(header.filter((h) => !TABLE_COLUMNS.includes(h))).toEqual([]);
    const added = METRICS.map((d) => d.id).filter((id) => !header.includes(id));
    expect(added.sort()).toEqual(['absorption_num_split', 'l2_ratio', 'sparse_probing_llm_top2', 'sparse_probing_sae_top2']);
  });

  it('takes each description from the SAEBench output schema', () => {
    for (const d of METRICS.filter((m) => m.schemaKey)) {
      const [category, metric] = d.schemaKey!;
      expect(d.description, d.id).toBe(schemaDescription(d.eval, category, metric));
    }
  });

  it('knows which way is better', () => {
    expect(metricById('l0')?.direction).toBe('control');
    expect(metricById('absorption_fraction')?.direction).toBe('lower');
    expect(metricById('mse')?.direction).toBe('lower');
    for (const id of ['ce_loss_score', 'autointerp_score', 'scr_top20', 'tpp_top20', 'sparse_probing_sae_top1', 'unlearning_score', 'ravel_disentanglement']) {
      expect(metricById(id)?.direction, id).toBe('higher');
    }
    expect(metricById('l0')?.defaultLog).toBe(true);
    expect(metricById('l2_ratio')).toMatchObject({ direction: 'target', target: 1 });
    expect(metricById('absorption_num_split')?.direction).toBe('control');
  });
});
