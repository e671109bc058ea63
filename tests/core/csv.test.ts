import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/export/csv.ts';
import { parseCsv } from '../../src/ingest/csv.ts';

describe('CSV writer', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      const cell = csvCell(bad);
      expect(cell.replace(/^"/, '').startsWith("'"), bad).toBe(true);
    }
    expect(csvCell(-0.5)).toBe('-0.5');
  });

  it('writes numbers that parse back to the identical double', () => {
    const values = [0.1 + 0.2, 1 / 3, 0.9476565662324193, 499998720, 1e-300, -2.5e-7, 20.272001266479492];
    const text = toCsv(['v'], values.map((v) => ({ v })));
    const parsed = parseCsv(text).slice(1).map((r) => Number(r[0]));
    expect(parsed).toEqual(values);
  });

  it('writes header of ids, empty cells for missing values, and round-trips through the reader', () => {
    const rows = [{ sae_id: 'x,"y"', l0: null, ok: true }, { sae_id: '=cmd', l0: 3, ok: false }];
    const parsed = parseCsv(toCsv(['sae_id', 'l0', 'ok'], rows));
    expect(parsed).toEqual([['sae_id', 'l0', 'ok'], ['x,"y"', '', 'true'], ["'=cmd", '3', 'false']]);
  });
});
