/**
 * The one origin the window may show and the only one whose frames may talk to the main process:
 * the built renderer served by our own `app://` protocol. No dev-server exception: the window never
 * loads http(s), so a page from the network can never reach the bridge.
 * Model: Actual Budget's `trusted-url.ts`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sippt';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for `app://sippt/...` exactly: no credentials, no port, no look-alike host. */
export function isTrustedUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.port) return false;
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST;
}

/**
 * An IPC message is answered only when the frame that sent it shows our app. Electron gives a
 * null/empty frame URL when the frame is gone or navigated mid-call: that is refused too.
 */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isTrustedUrl(frameUrl);
}
