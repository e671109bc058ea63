import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../scripts/terminalSafe.ts';

describe('CLI output of names from files', () => {
  it('cannot retitle or clear the terminal, or reorder text with bidi overrides', () => {
    expect(terminalSafe('sae\u001b]0;pwned\u0007\u001b[2J\u202eevil')).toBe('sae?]0;pwned??[2J?evil');
    expect(terminalSafe('two\nlines')).toBe('two\nlines');
  });
});
