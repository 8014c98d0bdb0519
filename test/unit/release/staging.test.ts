/**
 * The server's staged-rollout decision is electron-updater's own (AppUpdater.isStagingMatch):
 * builder-util-runtime's UUID.parse, bytes 12..15 big-endian, / 0xffffffff, < percentage / 100.
 */
import { randomUUID } from 'node:crypto';
import { UUID } from 'builder-util-runtime';
import { describe, expect, it } from 'vitest';
import { inRollout, rolloutPlace } from '../../../server/releases/staging';
import { compareSemver, desktopVersionOf } from '../../../server/releases/semver';
import { parseRange } from '../../../server/releases/http-range';

describe('staged rollout', () => {
  it('places an install where electron-updater places it, and always the same way', () => {
    for (let i = 0; i < 500; i++) {
      const id = randomUUID();
      const theirs = (UUID.parse(id) as Buffer).readUInt32BE(12) / 0xffffffff;
      expect(rolloutPlace(id)).toBe(theirs);
      for (const pct of [1, 10, 50, 99]) {
        expect(inRollout(id, pct)).toBe(theirs < pct / 100);
        expect(inRollout(id, pct)).toBe(inRollout(id, pct));
      }
      expect(inRollout(id, 100)).toBe(true);
    }
  });
  it('takes about the percentage of installs, and an install inside stays inside when it is raised', () => {
    const ids = Array.from({ length: 4000 }, () => randomUUID());
    const share = ids.filter((id) => inRollout(id, 25)).length / ids.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    for (const id of ids) if (inRollout(id, 25)) expect(inRollout(id, 60)).toBe(true);
  });
  it('refuses what is not a UUID', () => {
    expect(rolloutPlace('not-an-id')).toBeNull();
    expect(inRollout('not-an-id', 50)).toBe(false);
  });
});

describe('versions', () => {
  it('compares as semver does', () => {
    const sorted = [
      '0.9.0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 0; i < sorted.length; i++)
      for (let j = 0; j < sorted.length; j++)
        expect(Math.sign(compareSemver(sorted[i]!, sorted[j]!))).toBe(Math.sign(i - j));
    expect(compareSemver('1.2.3+build.5', '1.2.3')).toBe(0);
  });
  it('reads the desktop header', () => {
    expect(desktopVersionOf('desktop/1.2.3')).toBe('1.2.3');
    expect(desktopVersionOf('desktop/1.2.3-beta.1')).toBe('1.2.3-beta.1');
    expect(desktopVersionOf('desktop/banana')).toBeNull();
    expect(desktopVersionOf('Mozilla/5.0')).toBeNull();
    expect(desktopVersionOf(undefined)).toBeNull();
  });
});

describe('Range', () => {
  it('parses single, open, suffix and several ranges; ignores what it does not understand', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 0, end: 9 }] });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 90, end: 99 }] });
    expect(parseRange('bytes=-5', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 95, end: 99 }] });
    expect(parseRange('bytes=0-0, 50-200', 100)).toEqual({
      kind: 'ranges',
      ranges: [
        { start: 0, end: 0 },
        { start: 50, end: 99 },
      ],
    });
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=9-0', 100)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' });
  });
});
