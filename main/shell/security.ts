/**
 * The Electron security checklist wired onto Electron's objects. Every decision is made by a pure
 * helper (trusted-url, navigation, external-url, permissions), tested in plain Node; this file only
 * connects them to events. Model: Actual Budget's `security.ts`.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from './external-url';
import { decideNavigation, decideWindowOpen } from './navigation';
import { allowPermission } from './permissions';

/** `shell.openExternal` for http(s) only (anything else could start a program). */
export function openExternalSafely(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch(() => {
    // No browser configured: nothing the app can do about it.
  });
}

function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const d = decideWindowOpen(url);
    if (d.openExternal) openExternalSafely(d.openExternal);
    return { action: d.action };
  });
  const navigation = (event: { preventDefault(): void }, url: string) => {
    const d = decideNavigation(url);
    if (d.allow) return;
    event.preventDefault();
    if (d.openExternal) openExternalSafely(d.openExternal);
  };
  contents.on('will-navigate', (event, url) => navigation(event, url));
  // Subframes too (an injected <iframe> navigating itself); the CSP already blocks frames.
  contents.on('will-frame-navigate', (details) => {
    if (!decideNavigation(details.url).allow) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!decideNavigation(url).allow) event.preventDefault();
  });
  contents.on('will-attach-webview', (event, webPreferences) => {
    // webviewTag is off; should one ever be attached, it gets no preload and no Node, and is refused.
    delete webPreferences.preload;
    webPreferences.nodeIntegration = false;
    webPreferences.contextIsolation = true;
    event.preventDefault();
  });
}

/** Before `ready`: every renderer sandboxed, every web contents guarded from birth. */
export function installAppSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/** After `ready`, on the window's session: permissions and downloads refused. */
export function installSessionSecurity(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowPermission(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // Files leave the app only through save dialogs the main process opens.
  session.on('will-download', (event) => event.preventDefault());
}
