/** The Analis's U as typed in the result grid: what is read, what is refused and why, and how a stored U reads back. */
import { describe, expect, it } from 'vitest';
import { readUncertaintyText, uncertaintyText } from '../../../shared/elhu/uncertainty-text';

describe('U as typed in the grid', () => {
  it('an empty cell keeps the method default', () => {
    expect(readUncertaintyText('   ', 2)).toEqual({ kind: 'empty' });
  });

  it('a number alone takes k from the method, else 2', () => {
    expect(readUncertaintyText('0,05', 2.1)).toEqual({
      kind: 'value',
      value: { expanded: 0.05, coverageFactor: 2.1 },
    });
    expect(readUncertaintyText('0.05')).toEqual({
      kind: 'value',
      value: { expanded: 0.05, coverageFactor: 2 },
    });
  });

  it('reads k when written, in the ways analysts write it', () => {
    for (const text of ['0,05 k=3', '± 0,05 (k = 3)', '0,05; k=3', '0,05 K=3']) {
      expect(readUncertaintyText(text, 2), text).toEqual({
        kind: 'value',
        value: { expanded: 0.05, coverageFactor: 3 },
      });
    }
  });

  it('refuses text, zero and an impossible k, saying what to write', () => {
    const invalid = (text: string) => {
      const r = readUncertaintyText(text);
      return r.kind === 'invalid' ? r.message : null;
    };
    expect(invalid('sekitar 5%')?.id).toBe('U ditulis sebagai angka, mis. 0,05 atau 0,05 k=2');
    expect(invalid('0')?.id).toBe('U harus lebih dari 0');
    expect(invalid('0,05 k=0,5')?.en).toBe('k must be between 1 and 10');
    expect(invalid('0,05 k=12')?.id).toBe('k harus antara 1 dan 10');
  });

  it('a stored U reads back as the text that makes it again', () => {
    const u = { expanded: 0.008, coverageFactor: 2 };
    expect(uncertaintyText(u)).toBe('0,008 k=2');
    expect(readUncertaintyText(uncertaintyText(u))).toEqual({ kind: 'value', value: u });
    expect(uncertaintyText(null)).toBe('');
  });
});
