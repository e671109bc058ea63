// One worker's share of the fast CPU engine: encodes a "unit" (the unmasked tokens of whole sequences) with the wasm
// SIMD kernels, tile by tile, and returns per-token f64 scalars plus per-latent counts. Whole sequences per unit make
// the per-unit "fired in this sequence" counts exact, so units can run anywhere and be summed in any order; the
// orchestrator feeds the per-token scalars to the accumulator in token order, so results do not depend on the split.
import { applyEpilogue, makeEpilogue, normalizeIn, type Epilogue } from './encoders.ts';
import { batchOfSeq, tokenTerms } from './metrics.ts';
import type { CanonicalSae } from './types.ts';
import {
  COL_PANEL, instantiateKernels, packColumnPanels, packRow, padRows, ROW_PANEL, roundUp, WasmArena, type WasmKernels,
} from './wasm/wasmKernels.ts';

/** Everything a worker needs once per re-score (structured-cloned to each worker). */
export interface EncoderJob {
  sae: CanonicalSae;
  ctx: number;
  batchSizePrompts: number;
  /** [nBatches, d] per-batch mean of raw x (BatchStats.mean). */
  batchMean: Float64Array;
  tileTokens: number;
}

export interface UnitInput {
  index: number;
  /** Raw activations of the unit's tokens, [n, d]. */
  x: Float32Array;
  /** Bundle token index (seq·ctx + pos) of each row. */
  tokens: Int32Array;
}

/** Per token, in this order: ‖x‖², ‖x − μ_b‖², ‖x̂‖², x·x̂, SSE, L0, L1 (ReconstructionAccumulator.addScalars). */
export const TOKEN_SCALARS = 7;

export interface UnitOutput {
  index: number;
  scalars: Float64Array;
  /** Per latent: tokens with f > 0, and sequences of this unit with f > 0 somewhere. */
  fired: Float64Array;
  firedSeq: Float64Array;
}

export class UnitEncoder {
  private readonly sae: CanonicalSae;
  private readonly job: EncoderJob;
  private readonly k: WasmKernels;
  private readonly ep: Epilogue;
  private readonly T: number;
  private readonly ldc: number;
  private readonly dPad: number;
  private readonly at: { b: number; w: number; a: number; c: number; xhat: number; idx: number; val: number; count: number; scratch: number };
  private readonly views: { idx: Int32Array; val: Float32Array; count: Int32Array };
  private readonly xin: Float64Array;
  private readonly xhat: Float64Array;
  private readonly inv = new Float64Array(2);

  constructor(job: EncoderJob) {
    const sae = job.sae, d = sae.dIn, F = sae.dSae;
    this.job = job;
    this.sae = sae;
    this.k = instantiateKernels();
    this.ep = makeEpilogue(sae);
    this.T = roundUp(Math.max(1, job.tileTokens), ROW_PANEL);
    this.ldc = roundUp(F, COL_PANEL);
    this.dPad = roundUp(d, 4);
    const arena = new WasmArena(this.k);
    this.at = {
      b: arena.reserve(this.ldc * d), w: arena.reserve(F * this.dPad), a: arena.reserve(this.T * d),
      c: arena.reserve(this.T * this.ldc), xhat: arena.reserve(this.T * this.dPad),
      idx: arena.reserve(this.T * F), val: arena.reserve(this.T * F), count: arena.reserve(this.T),
      scratch: arena.reserve(F + 1 + 2 * this.T * F),
    };
    arena.commit();
    this.views = { idx: arena.i32(this.at.idx, this.T * F), val: arena.f32(this.at.val, this.T * F), count: arena.i32(this.at.count, this.T) };
    packColumnPanels(sae.wEnc, d, F, F, arena.f32(this.at.b, this.ldc * d));
    padRows(sae.wDec, F, d, this.dPad, arena.f32(this.at.w, F * this.dPad));
    this.xin = new Float64Array(d);
    this.xhat = new Float64Array(d);
  }

  process(unit: UnitInput): UnitOutput {
    const { sae, T } = this;
    const n = unit.tokens.length, F = sae.dSae;
    const out: UnitOutput = {
      index: unit.index, scalars: new Float64Array(n * TOKEN_SCALARS), fired: new Float64Array(F), firedSeq: new Float64Array(F),
    };
    const lastSeq = new Int32Array(F).fill(-1);
    const inv = new Float64Array(2 * T);
    for (let t0 = 0; t0 < n; t0 += T) this.tile(unit, t0, Math.min(T, n - t0), inv, lastSeq, out);
    return out;
  }

  private tile(unit: UnitInput, t0: number, rows: number, inv: Float64Array, lastSeq: Int32Array, out: UnitOutput): void {
    const { sae, k, ldc, dPad, at, xin } = this;
    const d = sae.dIn, F = sae.dSae, bDec = sae.bDec, alpha = sae.applyBDecToInput ? 1 : 0;
    const mem = k.memory.buffer;
    const a = new Float32Array(mem, at.a, this.T * d);
    for (let r = 0; r < rows; r++) {
      normalizeIn(sae, unit.x, (t0 + r) * d, xin, this.inv);
      inv[2 * r] = this.inv[0]!; inv[2 * r + 1] = this.inv[1]!;
      for (let j = 0; j < d; j++) xin[j] = xin[j]! - alpha * bDec[j]!;
      packRow(xin, 0, d, r, a);
    }
    k.gemm(at.a, at.b, at.c, Math.ceil(rows / ROW_PANEL), ldc / COL_PANEL, d, ldc);
    const z = new Float32Array(mem, at.c, this.T * ldc);
    const { idx, val, count } = this.views;
    for (let r = 0; r < rows; r++) {
      const off = r * ldc, seq = Math.floor(unit.tokens[t0 + r]! / this.job.ctx);
      applyEpilogue(this.ep, z, off);
      let l0 = 0, l1 = 0;
      const nz = r * F;
      for (let i = 0; i < F; i++) {
        const f = z[off + i]!;
        if (f === 0) continue;
        idx[nz + l0] = i; val[nz + l0] = f;
        l0++;
        l1 += f;
        if (f > 0) {
          out.fired[i]!++;
          if (lastSeq[i] !== seq) { lastSeq[i] = seq; out.firedSeq[i]!++; }
        }
      }
      count[r] = l0;
      const s = (t0 + r) * TOKEN_SCALARS;
      out.scalars[s + 5] = l0; out.scalars[s + 6] = l1;
    }
    k.decode(at.idx, at.val, at.count, rows, F, F, at.w, dPad, at.xhat, at.scratch);
    const xhat32 = new Float32Array(mem, at.xhat, this.T * dPad);
    for (let r = 0; r < rows; r++) this.tokenScalars(unit, t0 + r, xhat32, r * dPad, inv[2 * r]!, inv[2 * r + 1]!, out.scalars);
  }

  /** The f64 per-token terms of ReconstructionAccumulator.add, from the raw x and the f32 decode. */
  private tokenScalars(unit: UnitInput, row: number, xhat32: Float32Array, hOff: number, shift: number, scale: number, s: Float64Array): void {
    const d = this.sae.dIn, bDec = this.sae.bDec, xhat = this.xhat, x = unit.x, xOff = row * d;
    for (let j = 0; j < d; j++) xhat[j] = (xhat32[hOff + j]! + bDec[j]!) * scale + shift;
    const batch = batchOfSeq(Math.floor(unit.tokens[row]! / this.job.ctx), this.job.batchSizePrompts);
    tokenTerms(x, xOff, xhat, 0, this.job.batchMean, batch * d, d, s, row * TOKEN_SCALARS);
  }
}
