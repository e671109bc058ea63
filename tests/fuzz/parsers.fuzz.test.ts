// Property-based tests of every reader of user files: SAEBench JSON, Neuronpedia exports, the importer that
// runs them, safetensors and the activation bundle, and the CSV writer. Only our typed errors may escape, and
// no reader allocates for a size a header claims before checking it against the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/export/csv.ts';
import { parseCsv } from '../../src/ingest/csv.ts';
import { importResults } from '../../src/ingest/importResults.ts';
import { NeuronpediaParseError, parseNeuronpediaExport } from '../../src/ingest/neuronpediaExport.ts';
import { parseSaebenchJson, SaebenchParseError } from '../../src/ingest/saebenchJson.ts';
import { readFileSync } from 'node:fs';
import { parseBundle } from '../../src/rescore/bundle.ts';
import { loadSaeFromFiles } from '../../src/rescore/loadSae.ts';
import { RescoreError } from '../../src/rescore/errors.ts';
import { parseSafetensors } from '../../src/rescore/safetensors.ts';
import { NEURONPEDIA_EXPORT, SAEBENCH_FIXTURES, SCHEMAS, input } from '../helpers/importInputs.ts';
import { FUZZ_RUNS } from './runs.ts';

const RUNS = Math.max(200, Math.round(FUZZ_RUNS / 4));

/** Runs `f`; an error that is not one of `allowed` fails the property. */
function onlyTyped(f: () => unknown, ...allowed: (new (...a: never[]) => Error)[]): void {
  try {
    f();
  } catch (e) {
    if (!allowed.some((cls) => e instanceof cls)) throw new Error(`untyped error escaped: ${String(e)}`);
  }
}

const hostileScalar = fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 12 }), fc.constant(null), fc.boolean(),
  fc.constantFrom(1e308, -1e308, 1e13, Number.MAX_SAFE_INTEGER, '__proto__', '<script>', '=1+1'));

/** A real document with one value somewhere inside it replaced by something hostile. */
function mutate(doc: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || doc === null || typeof doc !== 'object') return value;
  const keys = Object.keys(doc);
  if (keys.length === 0) return value;
  const key = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(doc) ? [...doc] as unknown as Record<string, unknown> : { ...doc };
  copy[key] = mutate((doc as Record<string, unknown>)[key], path.slice(1), value);
  return copy;
}
const mutation = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), hostileScalar);

describe('SAEBench JSON and Neuronpedia export readers under fuzzing', () => {
  const docs = SAEBENCH_FIXTURES.slice(0, 12).map((f) => JSON.parse(new TextDecoder().decode(f.bytes)) as unknown);
  const np = JSON.parse(new TextDecoder().decode(NEURONPEDIA_EXPORT.bytes)) as unknown[];

  it(`SAEBench JSON: any text, and real files with a value mutated, give results or a SaebenchParseError (${RUNS} runs each)`, () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 4 })), (text) => onlyTyped(() => parseSaebenchJson(text), SaebenchParseError)), { numRuns: RUNS });
    fc.assert(fc.property(fc.nat(docs.length - 1), mutation, (i, [path, v]) => onlyTyped(() => parseSaebenchJson(JSON.stringify(mutate(docs[i], path, v))), SaebenchParseError)), { numRuns: RUNS });
  });

  it(`Neuronpedia export: mutated records are rejected one by one, never thrown (${RUNS} runs)`, () => {
    fc.assert(fc.property(mutation, ([path, v]) => onlyTyped(() => parseNeuronpediaExport(JSON.stringify(mutate(np.slice(0, 4), path, v))), NeuronpediaParseError)), { numRuns: RUNS });
  });

  it(`the importer never throws, and every value it keeps, from either format, is finite and bounded (${RUNS} runs each)`, () => {
    fc.assert(fc.property(fc.nat(docs.length - 1), mutation, (i, [path, v]) => {
      const outcome = importResults([input(SAEBENCH_FIXTURES[i]!.path, JSON.stringify(mutate(docs[i], path, v)))], SCHEMAS);
      for (const sae of outcome.saes) for (const value of sae.values) expect(Math.abs(value.value)).toBeLessThanOrEqual(1e12);
      expect(outcome.report.length).toBeGreaterThan(0);
    }), { numRuns: RUNS });
    fc.assert(fc.property(mutation, ([path, v]) => {
      const outcome = importResults([input('saebench_results.json', JSON.stringify(mutate(np.slice(0, 4), path, v)))], SCHEMAS);
      for (const sae of outcome.saes) for (const value of sae.values) expect(Math.abs(value.value)).toBeLessThanOrEqual(1e12);
    }), { numRuns: RUNS });
  });
});

/** A safetensors file from a header object and a data section. */
function safetensors(header: unknown, dataBytes: number, claimedLength?: bigint): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + dataBytes);
  new DataView(out.buffer).setBigUint64(0, claimedLength ?? BigInt(json.length), true);
  out.set(json, 8);
  return out;
}
const dim = fc.oneof(fc.nat(8), fc.constantFrom(0, 20_000, 2 ** 20, 2 ** 31, 2 ** 53 - 1, -1, 1.5));
const tensorEntry = fc.record({
  dtype: fc.oneof(fc.constantFrom('F32', 'F16', 'BF16', 'U8', 'I32', 'F64', 'Q4'), fc.string({ maxLength: 4 })),
  shape: fc.array(dim, { maxLength: 4 }),
  data_offsets: fc.tuple(fc.oneof(fc.nat(64), dim), fc.oneof(fc.nat(64), dim)),
});
const header = fc.dictionary(fc.constantFrom('activations', 'token_mask', 'tokens', 'W_enc', '__metadata__', '\u001b]0;pwn\u0007'), tensorEntry, { maxKeys: 4 });

describe('safetensors and activation bundle readers under fuzzing', () => {
  it(`only RescoreError escapes, for any header, shape, dtype, offsets and claimed header length (${RUNS} runs)`, () => {
    fc.assert(fc.property(header, fc.nat(256), fc.option(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })), (h, data, claimed) => {
      const bytes = safetensors(h, data, claimed ?? undefined);
      onlyTyped(() => parseSafetensors(bytes), RescoreError);
      onlyTyped(() => parseBundle(bytes), RescoreError);
    }), { numRuns: RUNS });
  });

  it('a 100-byte bundle claiming [20000, 20000, 0] or [2^20, 2^20, 0] is refused without allocating for its claim', () => {
    for (const shape of [[20_000, 20_000, 0], [2 ** 20, 2 ** 20, 0], [1, 1, 0]]) {
      const bytes = safetensors({ activations: { dtype: 'F32', shape, data_offsets: [0, 0] } }, 0);
      const before = process.memoryUsage().arrayBuffers;
      expect(() => parseBundle(bytes)).toThrow(/BAD_BUNDLE/);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1e6);
    }
  });
});

describe('SAE config readers under fuzzing (SAELens cfg.json, dictionary_learning config.json)', () => {
  const demo = 'public/demo-saes/synthetic-batchtopk';
  const bytes = (p: string) => new Uint8Array(readFileSync(`${demo}/${p}`));
  const saelens = { config: 'cfg.json', weights: 'sae_weights.safetensors', cfg: bytes('cfg.json'), w: bytes('sae_weights.safetensors') };
  const dl = { config: 'config.json', weights: 'ae.safetensors', cfg: bytes('dictionary_learning/config.json'), w: bytes('dictionary_learning/ae.safetensors') };
  const load = (f: typeof saelens, text: string) => loadSaeFromFiles(new Map([[f.config, new TextEncoder().encode(text)], [f.weights, f.w]]));

  it(`any text, and real configs with a value mutated, load an SAE whose tensors fit its sizes, or raise a RescoreError (${RUNS} runs each)`, () => {
    for (const f of [saelens, dl]) {
      const doc = JSON.parse(new TextDecoder().decode(f.cfg)) as unknown;
      fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 })), (text) => onlyTyped(() => load(f, text), RescoreError)), { numRuns: RUNS });
      fc.assert(fc.property(mutation, ([path, v]) => {
        let sae: ReturnType<typeof load> | null = null;
        onlyTyped(() => { sae = load(f, JSON.stringify(mutate(doc, path, v))); }, RescoreError);
        const got = sae as ReturnType<typeof load> | null;
        if (!got) return;
        expect(Number.isInteger(got.dIn) && got.dIn > 0 && Number.isInteger(got.dSae) && got.dSae > 0).toBe(true);
        expect(got.wEnc.length).toBe(got.dIn * got.dSae);
        expect(got.wDec.length).toBe(got.dSae * got.dIn);
        expect(got.bDec.length).toBe(got.dIn);
      }), { numRuns: RUNS });
    }
  });
});

describe('CSV writer under fuzzing', () => {
  const formulaLike = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;
  const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }),
    fc.tuple(fc.constantFrom(' ', '\n', '\t', '\u3000', ''), fc.constantFrom('=', '+', '-', '@', '\uFF1D', '\uFF0B'), fc.string({ maxLength: 8 })).map((p) => p.join('')));
  const cell = fc.oneof(text, fc.double(), fc.constant(-0), fc.boolean(), fc.constant(null));

  it(`round-trips through the CSV reader: numbers exactly (-0 too), text with formula cells neutralised (${RUNS} runs)`, () => {
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
      const parsed = parseCsv(toCsv(['a', 'b', 'c'], rows.map(([a, b, c]) => ({ a, b, c })))).slice(1);
      expect(parsed).toHaveLength(rows.length);
      rows.forEach((row, r) => row.forEach((v, c) => {
        const got = parsed[r]![c]!;
        if (typeof v === 'number') expect(Number.isFinite(v) ? Object.is(Number(got), v) : got === '').toBe(true);
        else if (typeof v === 'string') {
          expect(formulaLike.test(got), JSON.stringify(got)).toBe(false);
          expect(got === v || got === `'${v}`).toBe(true);
        }
      }));
    }), { numRuns: RUNS });
  });

  it('writes -0 as -0 and neutralises formulas behind whitespace or in full width', () => {
    expect(csvCell(-0)).toBe('-0');
    for (const bad of [' =1+1', '\n=1+1', '\uFF1D1+1', '\u3000@SUM(A1)']) expect(csvCell(bad).replace(/^"/, '')[0]).toBe("'");
  });
});
