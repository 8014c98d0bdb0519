import { describe, expect, it } from 'vitest';
import { clockView } from '../../../../renderer/components/clock-view';

describe('clockView (the SOP clock bar)', () => {
  const start = '2026-03-16T02:00:00.000Z'; // Monday 09.00 WIB

  it('is calm under 80 % of a minute standard', () => {
    const v = clockView(12, start, new Date(Date.parse(start) + 10 * 60_000)); // 10 of 20 min
    expect(v.tone).toBe('ok');
    expect(v.percent).toBeCloseTo(50);
    expect(v.used).toBe('10 mnt');
    expect(v.standard).toBe('20 mnt');
  });

  it('turns amber from 80 % and red over, with the time over in words', () => {
    expect(clockView(12, start, new Date(Date.parse(start) + 16 * 60_000)).tone).toBe('near');
    const over = clockView(12, start, new Date(Date.parse(start) + (20 + 120) * 60_000));
    expect(over.tone).toBe('over');
    expect(over.percent).toBe(100);
    expect(over.overBy).toBe('2 jam');
    expect(clockView(12, start, new Date(Date.parse(start) + 140 * 60_000), 'en').overBy).toBe('2 h');
  });

  it('exactly at the standard is still on time', () => {
    expect(clockView(12, start, new Date(Date.parse(start) + 20 * 60_000)).tone).toBe('near');
  });

  it('counts step 14 in working days', () => {
    const v = clockView(14, start, new Date('2026-03-20T05:00:00.000Z')); // Friday
    expect(v.standard).toBe('14 hari kerja');
    expect(v.tone).toBe('ok');
  });

  it('has no bar without a standard (step 9) or without a start', () => {
    expect(clockView(9, start, new Date(Date.parse(start) + 3_600_000)).tone).toBe('none');
    expect(clockView(12, null, new Date()).tone).toBe('unknown');
    expect(clockView(null, start, new Date()).tone).toBe('unknown');
  });
});

describe('clockView short text for table cells', () => {
  const start = '2026-03-16T02:00:00.000Z';
  it('keeps the largest unit when over, and never says "lewat 0 mnt"', () => {
    expect(clockView(12, start, new Date(Date.parse(start) + (20 + 26 * 60 + 5) * 60_000)).short).toBe(
      '1 hari',
    );
    expect(clockView(12, start, new Date(Date.parse(start) + 20 * 60_000 + 10_000)).overBy).toBe('1 mnt');
    expect(clockView(12, start, new Date(Date.parse(start) + 5 * 60_000)).short).toBe('5 mnt / 20 mnt');
    expect(clockView(14, start, new Date('2026-03-20T05:00:00.000Z')).short).toMatch(
      /^\d+ \/ 14 hari kerja$/,
    );
  });
});
