import { describe, expect, it } from 'vitest';
import { parseBundle, writeBundle, checkBundleMatchesSae } from '../../src/rescore/bundle.ts';
import { rescoreCpu } from '../../src/rescore/cpuEngine.ts';
import { RescoreError, type RescoreErrorCode } from '../../src/rescore/errors.ts';
import { floatToF16Bits, f16BitsToFloat, floatToBf16Bits, bf16BitsToFloat } from '../../src/rescore/f16.ts';
import { loadSaeFromFiles } from '../../src/rescore/loadSae.ts';
import { loadSaeLens } from '../../src/rescore/saelens.ts';
import { parseSafetensors, readFloat, writeSafetensors } from '../../src/rescore/safetensors.ts';
import { filesToMap, toDictionaryLearningFiles, toSaeLensFiles } from '../../src/rescore/saeWriter.ts';
import { randomBundle, randomSae } from './helpers.ts';

function expectCode(fn: () => unknown, code: RescoreErrorCode, msg?: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RescoreError);
    expect((e as RescoreError).code).toBe(code);
    if (msg) expect((e as Error).message).toMatch(msg);
    return;
  }
  throw new Error(`expected ${code}`);
}

/** Builds a file from a raw header object and a data section. */
function rawFile(header: unknown, dataLen: number, headerLenOverride?: number): Uint8Array {
  const hb = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + hb.length + dataLen);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLenOverride ?? hb.length), true);
  out.set(hb, 8);
  return out;
}

const good = { a: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] } };

describe('safetensors', () => {
  it('round-trips F32/F16/BF16/U8/I32 with metadata', () => {
    const vals = Float32Array.from([0, 1, -2.5, 65504, 1e-7, 3.14159]);
    const bytes = writeSafetensors(
      {
        f32: { dtype: 'F32', shape: [2, 3], data: vals },
        f16: { dtype: 'F16', shape: [6], data: vals },
        bf16: { dtype: 'BF16', shape: [6], data: vals },
        u8: { dtype: 'U8', shape: [3], data: [0, 1, 255] },
        i32: { dtype: 'I32', shape: [], data: [-7] },
      },
      { format: 'x' },
    );
    const f = parseSafetensors(bytes);
    expect(f.metadata.format).toBe('x');
    expect(Array.from(readFloat(f, f.tensors.get('f32')!))).toEqual(Array.from(vals));
    const h = readFloat(f, f.tensors.get('f16')!);
    const b = readFloat(f, f.tensors.get('bf16')!);
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(h[i]! - vals[i]!)).toBeLessThanOrEqual(Math.abs(vals[i]!) * 1e-3 + 6e-8);
      expect(Math.abs(b[i]! - vals[i]!)).toBeLessThanOrEqual(Math.abs(vals[i]!) * 8e-3);
    }
    expect(readFloat(f, f.tensors.get('i32')!)[0]).toBe(-7);
    expect(f16BitsToFloat(floatToF16Bits(1 / 3))).toBeCloseTo(0.33325, 5);
    expect(bf16BitsToFloat(floatToBf16Bits(1))).toBe(1);
    expect(f16BitsToFloat(0x7c00)).toBe(Infinity);
  });

  it('accepts a well-formed hand-built file', () => {
    expect(parseSafetensors(rawFile(good, 16)).tensors.get('a')!.shape).toEqual([2, 2]);
  });

  const cases: [string, () => Uint8Array, RescoreErrorCode, RegExp][] = [
    ['fewer than 8 bytes', () => new Uint8Array(5), 'FILE_TOO_SMALL', /5 bytes/],
    ['truncated data section', () => rawFile(good, 16).slice(0, -4), 'OFFSETS_OUT_OF_BOUNDS', /run past the data section/],
    ['header length past the end', () => rawFile(good, 16, 10_000), 'HEADER_OUT_OF_BOUNDS', /header length 10000/],
    ['header length over 100 MB', () => rawFile(good, 16, 200 * 1024 * 1024), 'HEADER_TOO_LARGE', /100 MB/],
    ['header not JSON', () => rawFile('{"a": ', 16), 'HEADER_NOT_JSON', /not valid UTF-8 JSON/],
    ['header is an array', () => rawFile([1, 2], 0), 'HEADER_NOT_OBJECT', /not an object/],
    ['unknown dtype', () => rawFile({ a: { dtype: 'F33', shape: [4], data_offsets: [0, 16] } }, 16), 'UNKNOWN_DTYPE', /"F33"/],
    ['offsets past end', () => rawFile({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 32] } }, 16), 'OFFSETS_OUT_OF_BOUNDS', /\[0, 32\]/],
    ['shape x dtype != bytes', () => rawFile({ a: { dtype: 'F32', shape: [3], data_offsets: [0, 16] } }, 16), 'SIZE_MISMATCH', /needs 12/],
    ['wrong dtype for the byte length', () => rawFile({ a: { dtype: 'F16', shape: [2, 2], data_offsets: [0, 16] } }, 16), 'SIZE_MISMATCH', /F16 needs 8/],
    ['overlapping tensors', () => rawFile({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, 16), 'OVERLAPPING_TENSORS', /"a" and "b"/],
    ['reversed offsets', () => rawFile({ a: { dtype: 'F32', shape: [0], data_offsets: [8, 4] } }, 16), 'BAD_TENSOR_ENTRY', /data_offsets/],
    ['bad shape', () => rawFile({ a: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, 16), 'BAD_TENSOR_ENTRY', /shape/],
  ];
  for (const [name, make, code, msg] of cases) {
    it(`rejects: ${name}`, () => expectCode(() => parseSafetensors(make()), code, msg));
  }
});

describe('SAE readers', () => {
  it('SAELens v6 round trip for every SAELens architecture, folded', async () => {
    for (const arch of ['standard', 'topk', 'jumprelu', 'gated'] as const) {
      const sae = randomSae(arch, 8, 12, 3);
      const loaded = loadSaeFromFiles(filesToMap(toSaeLensFiles(sae)), { name: arch });
      expect(loaded.architecture).toBe(arch);
      const bundle = randomBundle(8, 2, 6, 1);
      const a = await rescoreCpu(sae, bundle, { skipWeightMetrics: true });
      const b = await rescoreCpu(loaded, bundle, { skipWeightMetrics: true });
      expect(b.metrics.mse_corrected).toBeCloseTo(a.metrics.mse_corrected!, 4);
      expect(b.metrics.l0).toBeCloseTo(a.metrics.l0!, 6);
      if (arch === 'topk') expect(loaded.description.notes.join()).toMatch(/kept unfolded/);
      else expect(loaded.description.notes.join()).toMatch(/folded/);
    }
  });

  it('pre-6 cfg: activation_fn_str topk + kwargs, boolean normalize_activations', () => {
    const sae = randomSae('standard', 4, 6);
    const files = toSaeLensFiles(sae);
    const cfg = { d_in: 4, d_sae: 6, architecture: 'standard', activation_fn_str: 'topk', activation_fn_kwargs: { k: 2 }, normalize_activations: false, apply_b_dec_to_input: false, sae_lens_training_version: '3.1.0' };
    const s = loadSaeLens(JSON.stringify(cfg), files['sae_weights.safetensors'] as Uint8Array);
    expect(s.architecture).toBe('topk');
    expect(s.k).toBe(2);
    expect(s.applyBDecToInput).toBe(false);
    expect(s.description.notes[0]).toMatch(/pre-6/);
    const s2 = loadSaeLens(JSON.stringify({ ...cfg, activation_fn_str: 'relu', normalize_activations: true }), files['sae_weights.safetensors'] as Uint8Array);
    expect(s2.description.notes.join()).toMatch(/no activation_scaler.json/);
    const s3 = loadSaeLens(JSON.stringify({ ...cfg, activation_fn_str: 'relu', normalize_activations: true }), files['sae_weights.safetensors'] as Uint8Array, { activationScalerJson: '{"scaling_factor": 2}', fold: false });
    expect(s3.wEnc[0]).toBeCloseTo(sae.wEnc[0]! * 2, 6);
    expect(s3.bDec[1]).toBeCloseTo(sae.bDec[1]! / 2, 6);
    expectCode(() => loadSaeLens(JSON.stringify({ ...cfg, activation_fn_str: 'tanh-relu' }), files['sae_weights.safetensors'] as Uint8Array), 'UNSUPPORTED', /tanh-relu/);
  });

  it('dictionary_learning: nn.Linear orientation, unit-decoder checks, batch_topk threshold', async () => {
    const sae = randomSae('batch_topk', 5, 9, 4);
    sae.k = 2;
    for (let i = 0; i < 9; i++) {
      const n = Math.hypot(...sae.wDec.subarray(i * 5, i * 5 + 5));
      for (let j = 0; j < 5; j++) sae.wDec[i * 5 + j]! /= n;
    }
    const loaded = loadSaeFromFiles(filesToMap(toDictionaryLearningFiles(sae)));
    expect(loaded.architecture).toBe('batch_topk');
    expect(loaded.threshold).toBeCloseTo(0.2, 6);
    expect(loaded.k).toBe(2);
    expect(Array.from(loaded.wEnc)).toEqual(Array.from(sae.wEnc));
    const std = randomSae('standard', 5, 9, 5);
    const l2 = loadSaeFromFiles(filesToMap(toDictionaryLearningFiles(std)));
    expect(l2.description.notes.join()).toMatch(/folded/);
    const bundle = randomBundle(5, 2, 4, 1);
    const [a, b] = [await rescoreCpu(std, bundle), await rescoreCpu(l2, bundle)];
    expect(b.metrics.mse_corrected).toBeCloseTo(a.metrics.mse_corrected!, 4);
    const nonUnit = randomSae('topk', 5, 9, 6);
    expectCode(() => loadSaeFromFiles(filesToMap(toDictionaryLearningFiles(nonUnit))), 'UNSUPPORTED', /unit-norm/);
    const unset = { ...sae, threshold: -1 };
    expectCode(() => loadSaeFromFiles(filesToMap(toDictionaryLearningFiles(unset))), 'BAD_CONFIG', /unset/);
  });

  it('rejects k beyond d_sae, and finite weights whose square overflows f32 (the engines would disagree)', () => {
    const topk = randomSae('topk', 4, 6, 3);
    expectCode(() => loadSaeFromFiles(filesToMap(toSaeLensFiles({ ...topk, k: 7 }))), 'BAD_CONFIG', /k=7 must be an integer from 1 to d_sae=6/);
    const huge = randomSae('standard', 4, 6);
    huge.bDec[0] = 3e38;
    expectCode(() => loadSaeFromFiles(filesToMap(toSaeLensFiles(huge))), 'NON_FINITE_WEIGHTS', /b_dec has a value of 3.0+\d*e\+38 at index 0/);
  });

  it('rejects NaN weights, wrong weight shapes, missing files and tensors', () => {
    const sae = randomSae('standard', 4, 6);
    sae.wDec[7] = NaN;
    expectCode(() => loadSaeFromFiles(filesToMap(toSaeLensFiles(sae))), 'NON_FINITE_WEIGHTS', /W_dec .* index 7/);
    const ok = toSaeLensFiles(randomSae('standard', 4, 6));
    const wrongCfg = (ok['cfg.json'] as string).replace('"d_sae": 6', '"d_sae": 5');
    expectCode(() => loadSaeFromFiles(filesToMap({ ...ok, 'cfg.json': wrongCfg })), 'WRONG_SHAPE', /"W_enc" has shape \[4, 6\], expected \[4, 5\]/);
    expectCode(() => loadSaeFromFiles(filesToMap({ 'cfg.json': ok['cfg.json']! })), 'MISSING_FILE', /sae_weights/);
    expectCode(() => loadSaeFromFiles(new Map()), 'MISSING_FILE', /no cfg.json/);
    const jr = toSaeLensFiles(randomSae('jumprelu', 4, 6));
    const noTh = (jr['cfg.json'] as string);
    const weightsNoTh = writeSafetensors({ W_enc: { dtype: 'F32', shape: [4, 6], data: new Float32Array(24) }, W_dec: { dtype: 'F32', shape: [6, 4], data: new Float32Array(24) }, b_dec: { dtype: 'F32', shape: [4], data: new Float32Array(4) }, b_enc: { dtype: 'F32', shape: [6], data: new Float32Array(6) } });
    expectCode(() => loadSaeLens(noTh, weightsNoTh), 'MISSING_TENSOR', /threshold/);
    expectCode(() => loadSaeLens('{"d_in": 4', weightsNoTh), 'BAD_CONFIG', /not valid JSON/);
    expectCode(() => loadSaeLens('{"d_in": 0, "d_sae": 3}', weightsNoTh), 'BAD_CONFIG', /d_in/);
  });
});

describe('activation bundle', () => {
  it('round-trips in f16 with metadata and validates against the SAE', async () => {
    const b = randomBundle(6, 3, 5, 2);
    b.metadata = { model_name: 'synthetic', hook_name: 'synthetic' };
    const parsed = parseBundle(writeBundle(b, { dtype: 'F16' }));
    expect(parsed.batchSizePrompts).toBe(2);
    expect(parsed.metadata.format).toBe('saebench-acts/1');
    expect(Array.from(parsed.tokenMask)).toEqual(Array.from(b.tokenMask));
    expect(parsed.activations[7]).toBeCloseTo(b.activations[7]!, 2);
    const sae = randomSae('standard', 7, 4);
    expectCode(() => checkBundleMatchesSae(parsed, sae), 'DIN_MISMATCH', /d_in=6 .* expects d_in=7/);
    await expect(rescoreCpu(sae, parsed)).rejects.toMatchObject({ code: 'DIN_MISMATCH' });
  });

  it('rejects malformed bundles', () => {
    const act = { dtype: 'F32' as const, shape: [2, 3], data: new Float32Array(6) };
    expectCode(() => parseBundle(writeSafetensors({ activations: act })), 'BAD_BUNDLE', /\[n_seq, ctx, d_in\]/);
    const a3 = { dtype: 'F32' as const, shape: [1, 2, 3], data: new Float32Array(6) };
    expectCode(() => parseBundle(writeSafetensors({ activations: a3, token_mask: { dtype: 'U8', shape: [1, 3], data: [1, 1, 1] } })), 'BAD_BUNDLE', /token_mask/);
    expectCode(() => parseBundle(writeSafetensors({ activations: a3 }, { batch_size_prompts: 'x' })), 'BAD_BUNDLE', /batch_size_prompts/);
    expectCode(() => parseBundle(writeSafetensors({ activations: { ...a3, dtype: 'I32' } })), 'WRONG_DTYPE', /I32/);
    expectCode(() => parseBundle(writeSafetensors({ acts: a3 })), 'MISSING_TENSOR', /"activations" is missing/);
    const nan = Float32Array.from([0, 1, NaN, 0, 0, 0]);
    expectCode(() => parseBundle(writeSafetensors({ activations: { ...a3, data: nan } })), 'BAD_BUNDLE', /non-finite/);
  });
});
