/**
 * The UI's Content-Security-Policy, the same for the Electron window and the browser host: only the
 * app's own scripts (no eval, no inline script), pdf.js's worker from the app or a blob, images
 * from the app and data:/blob: URLs (rendered pages), styles inline because Mantine sets them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
