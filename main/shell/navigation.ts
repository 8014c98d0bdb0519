/**
 * Decisions for the window's navigation events. The app is one page; nothing may replace it, open
 * a second window, or embed another page. Links to the web (the verification page, help) go to the
 * user's browser instead.
 */
import { isSafeExternalUrl } from './external-url';
import { isTrustedUrl } from './trusted-url';

export interface WindowOpenDecision {
  /** Always 'deny': the app never opens a second Electron window. */
  action: 'deny';
  /** The URL to hand to the system browser, when it is http(s). */
  openExternal: string | null;
}

/** For `setWindowOpenHandler`: deny, and send http(s) links to the browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternal: isSafeExternalUrl(url) ? url : null };
}

/**
 * For `will-navigate`, `will-frame-navigate` and `will-redirect`: staying inside `app://sippt` is
 * allowed (a reload, a hash route); anything else is refused, and http(s) goes to the browser.
 */
export function decideNavigation(url: string): { allow: boolean; openExternal: string | null } {
  if (isTrustedUrl(url)) return { allow: true, openExternal: null };
  return { allow: false, openExternal: isSafeExternalUrl(url) ? url : null };
}
