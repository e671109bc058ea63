// The wasm SIMD kernels: the committed binary is current, SIMD is detected, and the GEMM equals the naive kernel on
// shapes that are not multiples of the 4x8 block.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_WASM_FILE, renderWasmModule } from '../../scripts/gen-wasm.ts';
import { gemmABtNaive } from '../../src/rescore/kernel.ts';
import { Rng } from '../../src/rescore/synthetic/prng.ts';
import { gemmABtWasm } from '../../src/rescore/wasm/gemmWasm.ts';
import { wasmSimdSupported } from '../../src/rescore/wasm/wasmKernels.ts';
import { randn } from './helpers.ts';

describe('wasm SIMD kernels', () => {
  it('src/rescore/wasm/kernels.generated.ts matches kernels.wat (run `npx tsx scripts/gen-wasm.ts` after editing it)', async () => {
    expect(readFileSync(GENERATED_WASM_FILE, 'utf8') === (await renderWasmModule())).toBe(true);
  });

  it('detects WebAssembly SIMD (Node 20 has it)', () => {
    expect(wasmSimdSupported()).toBe(true);
  });

  const shapes: [number, number, number][] = [[1, 1, 1], [3, 5, 7], [7, 11, 13], [4, 8, 4], [5, 9, 3], [13, 17, 130], [37, 70, 129]];
  for (const [rows, cols, d] of shapes) {
    it(`gemm equals the naive kernel for rows=${rows}, cols=${cols}, d=${d}`, () => {
      const rng = new Rng(rows * 1000 + cols * 10 + d);
      const a = randn(rng, rows * d), b = randn(rng, cols * d);
      const got = new Float32Array(rows * cols).fill(NaN), want = new Float32Array(rows * cols);
      gemmABtWasm(a, rows, b, cols, d, got);
      gemmABtNaive(a, rows, b, cols, d, want);
      // f32 accumulation: error grows like sqrt(d) ulps of the terms (|a|,|b| ~ 1).
      for (let i = 0; i < rows * cols; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(2e-6 * d);
    });
  }
});
