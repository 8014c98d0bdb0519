/**
 * The E-LHU fonts, read from disk: the server (rendering, the re-run of an uploaded signed E-LHU)
 * and the desktop (signing) must print with the very same bytes, or a signed document would not
 * re-render identically. Node-only, so it lives here and not in shared/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElhuFonts } from '../shared/elhu/types';

const FILES: Readonly<Record<keyof ElhuFonts, string>> = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
};

/**
 * The nearest resources/fonts/ above `from`: this module runs from the source tree (node-shared/)
 * and from the bundles (dist/server/, dist/main/), which sit at different depths. When none is
 * found the answer is the repository layout's, and reading names the missing file.
 */
export function findFontsDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FILES.regular))) return candidate;
    if (dirname(dir) === dir) return join(from, '..', 'resources', 'fonts');
  }
}

/** resources/fonts/ of the repository (a packaged app passes its own resources path). */
export const DEFAULT_FONTS_DIR = findFontsDir(dirname(fileURLToPath(import.meta.url)));

/** Reads the E-LHU fonts once; pass the same object to every render, signature and check. */
export function loadElhuFonts(dir: string = DEFAULT_FONTS_DIR): ElhuFonts {
  const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
  return { regular: read(FILES.regular), bold: read(FILES.bold), italic: read(FILES.italic) };
}
