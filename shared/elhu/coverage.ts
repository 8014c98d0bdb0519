/**
 * The characters the E-LHU's fonts can draw: code points present in all three embedded Noto Sans
 * subsets (resources/fonts, built by scripts/make-elhu-fonts.sh), as inclusive ranges. A character
 * outside them prints as an empty box on the official report, so fields that reach the E-LHU refuse
 * it when entered (shared/domain/entities.ts). A test checks this table against the font files.
 */
export const ELHU_PRINTABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x377],
  [0x37a, 0x37f],
  [0x384, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x3e1],
  [0x3f0, 0x3ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x2064],
  [0x2066, 0x2071],
  [0x2074, 0x208e],
  [0x2090, 0x209c],
  [0x20a0, 0x20bf],
  [0x2100, 0x215f],
  [0x2184, 0x2184],
  [0x2189, 0x2189],
  [0x2190, 0x21ae],
  [0x21b0, 0x21e5],
  [0x21f1, 0x21f2],
  [0x21f4, 0x22ff],
  [0x25cc, 0x25cc],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7bf],
  [0xa7c2, 0xa7ca],
  [0xa7f5, 0xa7ff],
  [0xab30, 0xab6b],
  [0xfb00, 0xfb06],
];

/** Whether the E-LHU's fonts draw this code point (a line break is laid out, not drawn). */
export function isPrintable(cp: number): boolean {
  if (cp === 0x0a) return true;
  let lo = 0;
  let hi = ELHU_PRINTABLE_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ELHU_PRINTABLE_RANGES[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The first character of `text` the E-LHU cannot print, with its code point as "U+XXXX"; null when all print. */
export function firstUnprintable(text: string): { char: string; codePoint: string } | null {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isPrintable(cp))
      return { char: ch, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` };
  }
  return null;
}
