/**
 * Server-side checks of a signed E-LHU (SOP step 19 upload, and the public verification page).
 * The checks live in ./verify/ (locate, structure, cms, cades, the issued-document re-run, and the
 * extension point for the long-term levels: see ./verify/index.ts); this module keeps the entry
 * points the server and the tests import, and the fonts the re-run needs.
 *
 * The public verification page needs neither check: it looks the uploaded file's SHA-256 up among
 * the signedHash values the server stored when it accepted the signed E-LHU.
 */
export * from './verify/index';

// One font loader for the server and the desktop (node-shared/): both print with the same bytes.
export { DEFAULT_FONTS_DIR, loadElhuFonts } from '../../node-shared/elhu-fonts';
