// C = A·Bᵀ with the wasm SIMD kernel, on the same plain row-major arrays as kernel.ts's gemmABt (A [rows, d],
// B [cols, d], C [rows, cols]). `packedGemmABt` packs B once and returns a product for A blocks of up to `maxRows`
// rows (used by the weight cosines); the engine's token pass keeps its own resident layout (unitEncoder.ts).
import { COL_PANEL, instantiateKernels, packColumnPanels, packRow, ROW_PANEL, roundUp, WasmArena } from './wasmKernels.ts';

export type GemmABt = (a: Float32Array, rows: number, c: Float32Array) => void;

export function packedGemmABt(b: Float32Array, cols: number, d: number, maxRows: number): GemmABt {
  const k = instantiateKernels();
  const arena = new WasmArena(k);
  const rp = roundUp(maxRows, ROW_PANEL), ldc = roundUp(cols, COL_PANEL);
  const at = { a: arena.reserve(rp * d), b: arena.reserve(ldc * d), bt: arena.reserve(d * cols), c: arena.reserve(rp * ldc) };
  arena.commit();
  const bt = arena.f32(at.bt, d * cols);
  for (let j = 0; j < cols; j++) for (let t = 0; t < d; t++) bt[t * cols + j] = b[j * d + t]!;
  packColumnPanels(bt, d, cols, cols, arena.f32(at.b, ldc * d));
  const ap = arena.f32(at.a, rp * d), out = arena.f32(at.c, rp * ldc);
  return (a, rows, c) => {
    if (rows > maxRows) throw new Error(`packedGemmABt: ${rows} rows > ${maxRows}`);
    ap.fill(0);
    for (let r = 0; r < rows; r++) packRow(a, r * d, d, r, ap);
    k.gemm(at.a, at.b, at.c, Math.ceil(rows / ROW_PANEL), ldc / COL_PANEL, d, ldc);
    for (let r = 0; r < rows; r++) c.set(out.subarray(r * ldc, r * ldc + cols), r * cols);
  };
}

export function gemmABtWasm(a: Float32Array, rows: number, b: Float32Array, cols: number, d: number, c: Float32Array): void {
  packedGemmABt(b, cols, d, Math.max(1, rows))(a, rows, c);
}
