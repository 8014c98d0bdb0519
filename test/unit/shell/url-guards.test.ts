import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../main/shell/external-url';
import { decideNavigation, decideWindowOpen } from '../../../main/shell/navigation';
import { allowPermission } from '../../../main/shell/permissions';
import { APP_ENTRY_URL, isTrustedSender, isTrustedUrl } from '../../../main/shell/trusted-url';

describe('isTrustedUrl / isTrustedSender', () => {
  it('accepts the app origin only', () => {
    expect(isTrustedUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedUrl('app://sippt/')).toBe(true);
    expect(isTrustedUrl('app://sippt/assets/index-abc.js')).toBe(true);
    expect(isTrustedUrl('app://sippt/index.html#/worklist?x=1')).toBe(true);
  });

  it.each([
    ['look-alike host', 'app://sippt.evil/index.html'],
    ['other host', 'app://evil/index.html'],
    ['sub-host', 'app://evil.sippt/index.html'],
    ['port', 'app://sippt:8080/index.html'],
    ['credentials', 'app://user:pw@sippt/index.html'],
    ['username only', 'app://sippt@evil/index.html'],
    ['https', 'https://sippt/index.html'],
    ['http localhost', 'http://localhost:5173/'],
    ['file', 'file:///etc/passwd'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['javascript', 'javascript:alert(1)'],
    ['about:blank', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['chrome', 'chrome://settings'],
    // Chromium lower-cases a standard scheme's host before we see it; anything else did not come from it.
    ['upper-case host', 'app://SIPPT/index.html'],
    ['empty', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedUrl(url)).toBe(false);
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses a missing frame (destroyed or navigated mid-call) and non-strings', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedUrl(42)).toBe(false);
    expect(isTrustedUrl({ toString: () => APP_ENTRY_URL })).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://sippt.bspji.go.id/verify/R-1',
    'http://192.168.1.10:8080/',
    'https://example.org/a?b=c#d',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });
  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'data:text/html,x',
    'app://sippt/index.html',
    'mailto:a@b.c',
    'vbscript:msgbox',
    'https://user:pw@bank.example',
    'https://bank@evil.example',
    '//evil.example',
    'https:',
    '',
    `https://example.org/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
  it('refuses non-strings', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl(['https://a.b'])).toBe(false);
  });
});

describe('window.open and navigation', () => {
  it('window.open is always denied; http(s) goes to the browser', () => {
    expect(decideWindowOpen('https://example.org/')).toEqual({
      action: 'deny',
      openExternal: 'https://example.org/',
    });
    expect(decideWindowOpen('app://sippt/index.html')).toEqual({ action: 'deny', openExternal: null });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', openExternal: null });
    expect(decideWindowOpen('about:blank')).toEqual({ action: 'deny', openExternal: null });
  });

  it('navigation stays inside app://sippt', () => {
    expect(decideNavigation('app://sippt/index.html#/signing')).toEqual({ allow: true, openExternal: null });
    expect(decideNavigation('https://example.org/')).toEqual({
      allow: false,
      openExternal: 'https://example.org/',
    });
    expect(decideNavigation('app://evil/index.html')).toEqual({ allow: false, openExternal: null });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ allow: false, openExternal: null });
    expect(decideNavigation('data:text/html,x')).toEqual({ allow: false, openExternal: null });
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'hid',
    'serial',
    'usb',
    'fullscreen',
    'openExternal',
    'display-capture',
    'unknown',
  ])('refuses %s, even to the app itself', (permission) => {
    expect(allowPermission(permission, APP_ENTRY_URL)).toBe(false);
    expect(allowPermission(permission, 'https://evil.example')).toBe(false);
    expect(allowPermission(permission, null)).toBe(false);
  });
});
