import { describe, expect, it } from 'vitest';
import { readResultText } from '../../../../renderer/desktop/screens/analis/result-reading';

const max = { requirement: { min: null, max: 0.16, text: null, source: 'SNI 1903:2017' } };
const range = { requirement: { min: 5, max: 10, text: null, source: null } };
const text = { requirement: { min: null, max: null, text: 'negatif', source: null } };
const none = { requirement: null };

describe('reading a typed result', () => {
  it('accepts a decimal comma or point and marks it', () => {
    expect(readResultText('0,12', max)).toMatchObject({ kind: 'value', mark: 'met' });
    expect(readResultText('0.2', max)).toMatchObject({ kind: 'value', mark: 'not_met' });
    expect(readResultText('4,9', range).mark).toBe('not_met');
    expect(readResultText('10', range).mark).toBe('met');
  });

  it('reads "<0,05" as below a detection limit, and "< LoQ" as written with no judgment', () => {
    const below = readResultText('<0,05', max);
    expect(below).toMatchObject({ kind: 'value', mark: 'met', result: { belowDetectionLimit: true, detectionLimit: 0.05 } });
    expect(readResultText('< LoQ', max)).toMatchObject({ kind: 'value', mark: 'none' });
    expect(readResultText('<', max)).toMatchObject({ kind: 'invalid', problem: 'belowNeedsLimit' });
  });

  it('a broken number is a problem, whatever the requirement', () => {
    expect(readResultText('12,5,3', none)).toMatchObject({ kind: 'invalid', problem: 'notANumber' });
    expect(readResultText('1.2.3', max)).toMatchObject({ kind: 'invalid', problem: 'notANumber' });
  });

  it('text where a number is required is a problem; text requirements take text', () => {
    expect(readResultText('negatif', max)).toMatchObject({ kind: 'invalid', problem: 'numberExpected' });
    expect(readResultText('Negatif.', text).mark).toBe('met');
    expect(readResultText('positif', text).mark).toBe('not_met');
    expect(readResultText('keruh', none)).toMatchObject({ kind: 'value', mark: 'none' });
  });

  it('empty is neither a value nor a problem', () => {
    expect(readResultText('  ', max)).toEqual({ kind: 'empty', mark: 'none' });
  });
});
