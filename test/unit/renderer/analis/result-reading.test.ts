import { describe, expect, it } from 'vitest';
import { readResultText } from '../../../../renderer/desktop/screens/analis/result-reading';

const max = {
  requirement: { min: null, max: 0.16, text: null, source: 'SNI 1903:2017' },
  detectionLimit: 0.01,
};
const range = { requirement: { min: 5, max: 10, text: null, source: null }, detectionLimit: null };
const text = { requirement: { min: null, max: null, text: 'negatif', source: null }, detectionLimit: null };

describe('reading a typed result in the grid', () => {
  it('an empty cell is neither a value nor a problem', () => {
    expect(readResultText('  ', max)).toEqual({ kind: 'empty', mark: 'none' });
  });

  it('marks a number typed with a comma or a point (the shared mark, warning band included)', () => {
    expect(readResultText('0,05', max)).toEqual({ kind: 'value', mark: 'meets' });
    expect(readResultText('0.2', max)).toEqual({ kind: 'value', mark: 'fails' });
    expect(readResultText('0,155', max)).toEqual({ kind: 'value', mark: 'warning' });
    expect(readResultText('4,9', range).mark).toBe('fails');
  });

  it('"<0,05" and "< LoQ" are values; a bare "<" is a problem with a message in both languages', () => {
    expect(readResultText('< LoQ', max).kind).toBe('value');
    expect(readResultText('<0,05', max).kind).toBe('value');
    const bad = readResultText('<', max);
    expect(bad.kind).toBe('invalid');
    if (bad.kind === 'invalid') expect(bad.message.id.length).toBeGreaterThan(0);
  });

  it('text only where the requirement is a text', () => {
    expect(readResultText('negatif', max).kind).toBe('invalid');
    expect(readResultText('12,5,3', range).kind).toBe('invalid');
    expect(readResultText('Negatif', text)).toEqual({ kind: 'value', mark: 'meets' });
  });
});
