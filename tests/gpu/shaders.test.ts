import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, renderShadersModule } from '../../scripts/gen-shaders.ts';

describe('generated WGSL module', () => {
  it('src/gpu/shaders.generated.ts matches src/gpu/*.wgsl (run `npx tsx scripts/gen-shaders.ts` after editing a shader)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8') === renderShadersModule()).toBe(true);
  });
});
