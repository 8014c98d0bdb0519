/** Indonesian formats of UI.md ("Visual language"), in WIB whatever the workstation's zone. */
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatRupiah,
  formatTime,
} from '../../../../renderer/lib/format';

describe('formats', () => {
  it('dates and times in WIB, Indonesian first', () => {
    const at = '2026-03-14T03:42:00Z'; // 10.42 WIB
    expect(formatDateTime(at)).toBe('14 Mar 2026 10.42 WIB');
    expect(formatDateTime(at, 'en')).toBe('14 Mar 2026 10:42 WIB');
    expect(formatTime(at)).toBe('10.42');
    expect(formatDate('2026-08-16T20:00:00Z')).toBe('17 Agu 2026');
    expect(formatDateTime(null)).toBe('—');
  });

  it('numbers and rupiah with Indonesian separators', () => {
    expect(formatNumber(1234.56)).toBe('1.234,56');
    expect(formatNumber(1234.56, 'en')).toBe('1,234.56');
    expect(formatRupiah(315000)).toBe('Rp315.000');
  });

  it('durations in words', () => {
    expect(formatDuration(45 * 60_000)).toBe('45 mnt');
    expect(formatDuration(130 * 60_000)).toBe('2 jam 10 mnt');
    expect(formatDuration(3 * 86_400_000 + 3_600_000, 'en')).toBe('3 d 1 h');
  });
});
