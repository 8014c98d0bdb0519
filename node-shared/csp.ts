/**
 * The Content-Security-Policy of the two UIs SIPPT serves: the desktop UI (main/host/csp.ts, for
 * the Electron window and the browser host) and the customer portal (server/http/routes/portal.ts).
 * Both are the same React + Mantine build, so they share every directive but the ones a UI names:
 * scripts only from the app's own files (no eval, no inline script), styles inline as well because
 * Mantine sets CSS variables and positions in style attributes, images also from data: and blob:
 * URLs (rendered pages, downloaded files), nothing from another origin, and no framing.
 * Here, in node-shared/, because main/ and server/ may not import each other.
 */

/** What one UI's policy says differently from the other's. */
export interface CspDifferences {
  /** worker-src sources, or undefined for no worker-src of its own (then default-src applies). */
  readonly workerSrc?: string;
  /** form-action sources. */
  readonly formAction: string;
}

/** The policy as a header value: the shared directives, with the UI's own ones in their places. */
export function contentSecurityPolicy(own: CspDifferences): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ...(own.workerSrc === undefined ? [] : [`worker-src ${own.workerSrc}`]),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${own.formAction}`,
    "frame-ancestors 'none'",
  ].join('; ');
}
