import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElhuFonts } from '../../../shared/elhu/types';

/** resources/fonts/ of the repository (a packaged app passes its own resources path). */
export const DEFAULT_FONTS_DIR = fileURLToPath(new URL('../../../resources/fonts/', import.meta.url));

/** Reads the E-LHU fonts once; pass the same object to every render and signature. */
export function loadElhuFonts(dir: string = DEFAULT_FONTS_DIR): ElhuFonts {
  const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
  return {
    regular: read('NotoSans-Regular.ttf'),
    bold: read('NotoSans-Bold.ttf'),
    italic: read('NotoSans-Italic.ttf'),
  };
}
