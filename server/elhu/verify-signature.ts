/**
 * Server-side checks of a signed E-LHU (SOP step 19 upload, and the public verification page).
 * The checks live in ./verify/ (locate, structure, cms, cades, the issued-document re-run, and the
 * extension point for the long-term levels: see ./verify/index.ts); this module keeps the entry
 * points the server and the tests import, and the fonts the re-run needs.
 *
 * The public verification page needs neither check: it looks the uploaded file's SHA-256 up among
 * the signedHash values the server stored when it accepted the signed E-LHU.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElhuFonts } from '../../shared/elhu/types';

export * from './verify/index';

/** resources/fonts/ of the repository. */
export const DEFAULT_FONTS_DIR = fileURLToPath(new URL('../../resources/fonts/', import.meta.url));

/** The E-LHU fonts, read once: pass the same object to every render and check. */
export function loadElhuFonts(dir: string = DEFAULT_FONTS_DIR): ElhuFonts {
  const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
  return {
    regular: read('NotoSans-Regular.ttf'),
    bold: read('NotoSans-Bold.ttf'),
    italic: read('NotoSans-Italic.ttf'),
  };
}
