/** Zoom of the E-LHU preview: fit to the panel's width, or one of a few fixed steps. */
export type Zoom = 'fit' | number;

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The next step in or out from the zoom now shown (`current` is the scale "fit" gave). */
export function nextZoom(zoom: Zoom, dir: 'in' | 'out', current: number): number {
  const from = zoom === 'fit' ? current : zoom;
  if (dir === 'in') return ZOOM_STEPS.find((s) => s > from + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((s) => s < from - 0.001) ?? ZOOM_STEPS[0]!;
}

/** The scale that fits a page of `pageWidth` points into `areaWidth` pixels, with a margin. */
export function fitScale(pageWidth: number, areaWidth: number, margin = 32): number {
  if (pageWidth <= 0) return 1;
  return Math.max(0.25, (areaWidth - margin) / pageWidth);
}
