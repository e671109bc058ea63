// Property-based tests of the URL codec and the Neuronpedia link translation: any query string decodes without
// throwing, into a state whose URL decodes back to it (canonical), with a bounded number of bounded notices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_DOMAINS } from '../helpers/domains.ts';
import { translateNeuronpedia } from '../../src/state/neuronpedia.ts';
import { splitQuery } from '../../src/state/queryString.ts';
import { MAX_NOTICES, decodeUrl, encodeUrl } from '../../src/state/urlCodec.ts';
import { defaultsFor } from '../../src/state/viewState.ts';
import { FUZZ_RUNS } from './runs.ts';


const domains = TEST_DOMAINS;

const KEYS = ['v', 'view', 'x', 'y', 'color', 'logx', 'logy', 'arch', 'model', 'width', 'layer', 'release', 'prov', 'tokens', 'l0min',
  'l0max', 'xr', 'yr', 'both', 'sel', 'cmp', 'data', 'cols', 'sort', 'lines', 'fonly', 'baselines', 'scale', 'wmin', 'wmax', 'partial',
  'pool', 'facet', 'modelId', 'dSae', 'saeClass', 'metricX', 'metricY', 'groupBy', 'release', '__proto__', 'constructor', 'toString'];
const VALUES = ['topk', 'gemma-2-2b', '4096', '12', '0x10', ' 12', '1e400', 'NaN', '-0', '-5', '500', '1', '0', 'l0', 'ce_loss_score',
  'scr||scr_metrics||scr_metric_threshold_20', 'a__b', 'weird,id&=x', '<img src=x onerror=alert(1)>', "'; DROP TABLE saes; --",
  '\u0000', '\u202e', 'l0:desc', 'table', 'pareto', 'https://evil.example/d/', '../x', 'dict_size', 'architecture', '%', '%2C', '%E0%A4'];

const pair = fc.tuple(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 30 }),
  fc.array(fc.constantFrom(...VALUES), { maxLength: 6 }).map((vs) => vs.map(encodeURIComponent).join(','))));
const query = fc.oneof(
  fc.array(pair, { maxLength: 12 }).map((ps) => `?${ps.map(([k, v]) => `${k}=${v}`).join('&')}`),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('URL codec under fuzzing', () => {
  it(`decodes any query string without throwing; notices are few and short (${FUZZ_RUNS} runs)`, () => {
    fc.assert(fc.property(query, (q) => {
      const { notices } = decodeUrl(q, domains);
      expect(notices.length).toBeLessThanOrEqual(MAX_NOTICES);
      for (const n of notices) expect(n.length).toBeLessThan(400);
      for (const n of notices) expect(n).not.toContain('[native code]');
    }), { numRuns: FUZZ_RUNS });
  });

  it(`any decoded state re-encodes to a canonical URL that decodes to the same state (${FUZZ_RUNS} runs)`, () => {
    const defaults = defaultsFor(domains);
    fc.assert(fc.property(query, (q) => {
      const first = decodeUrl(q, domains).state;
      const url = encodeUrl(first, defaults);
      const again = decodeUrl(url, domains);
      expect(again.state).toEqual(first);
      expect(again.notices).toEqual([]);
      expect(encodeUrl(again.state, defaults)).toBe(url);
    }), { numRuns: FUZZ_RUNS });
  });

  it('reads a repeated key once, with a notice, and keeps the last', () => {
    const q = `?${Array.from({ length: 10_000 }, () => 'arch=topk').join('&')}&arch=jumprelu`;
    const { state, notices } = decodeUrl(q, domains);
    expect(state.arch).toEqual(['jumprelu']);
    expect(notices).toEqual(['The link repeats arch=; the last one is used']);
  });

  it('summarises 10,000 bad list items in one notice', () => {
    const { notices } = decodeUrl(`?arch=${Array.from({ length: 10_000 }, (_, i) => `x${i}`).join(',')}`, domains);
    expect(notices).toEqual(['Ignored arch values "x0", "x1", "x2" and 9,997 more: not in the data']);
  });

  it('accepts plain decimals only', () => {
    for (const [q, ok] of [['l0min=0x10', false], ['width=0x1000', false], ['layer=%2012', false], ['l0min=1e400', false],
      ['l0min=NaN', false], ['l0min=12.5', true], ['layer=12', true], ['l0min=1e1', true]] as const) {
      const { notices } = decodeUrl(`?${q}`, domains);
      expect(notices.length === 0, q).toBe(ok);
    }
  });
});

describe('Neuronpedia link translation under fuzzing', () => {
  it(`never throws, never reads prototype keys, and passes other pairs through (${FUZZ_RUNS} runs)`, () => {
    fc.assert(fc.property(query, (q) => {
      const pairs = splitQuery(q);
      const { pairs: out, notices } = translateNeuronpedia(pairs);
      for (const n of notices) expect(n).not.toContain('[native code]');
      if (!pairs.some(([k]) => ['modelId', 'dSae', 'saeClass', 'trainingTokens', 'metricX', 'metricY', 'logX', 'logY', 'groupBy', 'sourceId', 'embed'].includes(k))) {
        expect(out).toEqual(pairs);
      }
    }), { numRuns: FUZZ_RUNS });
  });

  it('does not take __proto__, constructor or toString for Neuronpedia keys', () => {
    const { notices } = decodeUrl('?__proto__=1&constructor=x&toString=y', domains);
    expect(notices.join('\n')).not.toMatch(/Neuronpedia|native code/);
  });
});
