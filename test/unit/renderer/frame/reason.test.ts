import { describe, expect, it } from 'vitest';
import { reasonProblem } from '../../../../renderer/components/reason-rules';

describe('reasonProblem', () => {
  it('asks for at least 5 characters, spaces not counted, and at most 1000', () => {
    expect(reasonProblem('')).toBe('tooShort');
    expect(reasonProblem('  abcd  ')).toBe('tooShort');
    expect(reasonProblem('abcde')).toBeNull();
    expect(reasonProblem('x'.repeat(1001))).toBe('tooLong');
  });
});
