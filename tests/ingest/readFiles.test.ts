import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandArchives } from '../../src/ui/imports/readFiles.ts';
import { fixtureText, input } from '../helpers/importInputs.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('expandArchives', () => {
  it('reads the .json files of a zip (a folder in the official layout inside) and passes loose files through', async () => {
    const zip = zipSync({ 'results/core/rel/rel_sae_eval_results.json': enc(fixtureText('core/core_expected_results.json')), 'results/readme.txt': enc('hi'), '__MACOSX/results/._x.json': enc('junk') });
    const out = await expandArchives([input('results.zip', zip), input('loose.json', '{}')]);
    expect(out.files.map((f) => f.path)).toEqual(['results.zip/results/core/rel/rel_sae_eval_results.json', 'loose.json']);
    expect(out.report).toEqual([{ file: 'results.zip', status: 'loaded', message: 'zip archive: 1 .json files' }]);
  });

  it('refuses a zip whose entries would inflate past the limit (a zip bomb), before inflating it', async () => {
    const zip = zipSync({ 'bomb.json': new Uint8Array(40 * 2 ** 20) }, { level: 9 });
    expect(zip.length).toBeLessThan(2 ** 20);
    const out = await expandArchives([input('bomb.zip', zip)]);
    expect(out.files).toEqual([]);
    expect(out.report[0]).toMatchObject({ file: 'bomb.zip', status: 'rejected', message: 'bomb.json would inflate to 40 MiB (limit 32 MiB per file)' });
  });

  it('reports a broken archive and keeps the other files', async () => {
    const out = await expandArchives([input('broken.zip', enc('PK\u0003\u0004 not really a zip')), input('good.json', '{}')]);
    expect(out.files.map((f) => f.path)).toEqual(['good.json']);
    expect(out.report[0]).toMatchObject({ file: 'broken.zip', status: 'rejected' });
    expect(out.report[0]!.message).toMatch(/^not a readable zip archive/);
  });
});
