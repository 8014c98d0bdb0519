import { contentSecurityPolicy } from '../../node-shared/csp';

/**
 * The UI's Content-Security-Policy, the same for the Electron window and the browser host (the
 * shared directives: node-shared/csp.ts). Its own: pdf.js's worker from the app or a blob, and no
 * form submits anywhere (the UI talks to the engine through the bridge, never by a form post).
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  workerSrc: "'self' blob:",
  formAction: "'none'",
});
