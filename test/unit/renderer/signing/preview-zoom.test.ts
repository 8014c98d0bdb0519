import { describe, expect, it } from 'vitest';
import { fitScale, nextZoom } from '../../../../renderer/desktop/screens/signing/preview-zoom';

describe('preview zoom', () => {
  it('steps in and out from a fixed zoom, and stops at the ends', () => {
    expect(nextZoom(1, 'in', 1)).toBe(1.25);
    expect(nextZoom(1, 'out', 1)).toBe(0.75);
    expect(nextZoom(3, 'in', 3)).toBe(3);
    expect(nextZoom(0.5, 'out', 0.5)).toBe(0.5);
  });

  it('from fit width, steps from the scale fit gave', () => {
    expect(nextZoom('fit', 'in', 0.9)).toBe(1);
    expect(nextZoom('fit', 'out', 0.9)).toBe(0.75);
  });

  it('fit width leaves a margin and never collapses', () => {
    expect(fitScale(595, 627)).toBeCloseTo(1);
    expect(fitScale(595, 10)).toBe(0.25);
    expect(fitScale(0, 500)).toBe(1);
  });
});
