import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, cspViolations, parseCsp, securityHeaders } from '../../../main/shell/csp';
import {
  checklistViolations,
  DEFAULT_WINDOW,
  MIN_WINDOW,
  REQUIRED_WEB_PREFERENCES,
  windowOptions,
  windowSize,
} from '../../../main/shell/window-options';

describe('CSP', () => {
  it('the policy sent with every app:// response meets the checklist', () => {
    expect(cspViolations(CONTENT_SECURITY_POLICY)).toEqual([]);
    const d = parseCsp(CONTENT_SECURITY_POLICY);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('the check catches a loosened policy', () => {
    expect(cspViolations("default-src 'self'; script-src 'self' 'unsafe-eval'")).toEqual(
      expect.arrayContaining(["script-src must not allow 'unsafe-eval'", "object-src must be 'none'"]),
    );
    expect(
      cspViolations(
        "default-src *; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      ),
    ).toEqual(
      expect.arrayContaining([
        "default-src must be 'self' or 'none'",
        "script-src must not allow 'unsafe-inline'",
      ]),
    );
    expect(
      cspViolations(
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; connect-src https:",
      ),
    ).toContain("connect-src must stay on 'self'");
    expect(
      cspViolations(
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; worker-src https://cdn.example",
      ),
    ).toContain("worker-src may only allow 'self' and blob:");
  });

  it('every response carries the policy and nosniff', () => {
    const h = securityHeaders('text/html; charset=utf-8');
    expect(h['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['content-type']).toBe('text/html; charset=utf-8');
    expect(h['referrer-policy']).toBe('no-referrer');
  });
});

describe('window options', () => {
  const options = windowOptions({
    preloadPath: '/app/dist/main/preload.cjs',
    size: { width: 1400, height: 900 },
    devTools: false,
  });

  it('meet the security checklist', () => {
    expect(checklistViolations(options)).toEqual([]);
    const wp = options.webPreferences!;
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.webviewTag).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
    expect(wp.preload).toBe('/app/dist/main/preload.cjs');
    expect(wp.enableBlinkFeatures).toBeUndefined();
    expect(wp.additionalArguments).toBeUndefined();
    expect(wp.devTools).toBe(false);
    expect(options.show).toBe(false);
    expect(options.width).toBe(1400);
    expect(options.minWidth).toBe(MIN_WINDOW.width);
  });

  it('the checklist catches every weakened item', () => {
    for (const [key, want] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
      const bad = { ...options, webPreferences: { ...options.webPreferences, [key]: !want } };
      expect(checklistViolations(bad)).toEqual([`webPreferences.${key} must be ${String(want)}`]);
      const missing = { ...options, webPreferences: { ...options.webPreferences, [key]: undefined } };
      expect(checklistViolations(missing)).toHaveLength(1);
    }
    expect(
      checklistViolations({
        ...options,
        webPreferences: { ...options.webPreferences, enableBlinkFeatures: 'X' },
      }),
    ).toHaveLength(1);
    expect(checklistViolations({})).toContain('webPreferences.preload must be set');
  });

  it('remembered size is kept usable', () => {
    expect(windowSize(null, { width: 1920, height: 1080 })).toEqual(DEFAULT_WINDOW);
    expect(windowSize({ width: 1600.4, height: 900.6 }, { width: 1920, height: 1080 })).toEqual({
      width: 1600,
      height: 901,
    });
    // Saved on a big monitor, opened on a laptop: fits the work area.
    expect(windowSize({ width: 3000, height: 2000 }, { width: 1366, height: 728 })).toEqual({
      width: 1366,
      height: 728,
    });
    // Never below the minimum, even on a tiny screen.
    expect(windowSize({ width: 200, height: 100 }, { width: 800, height: 600 })).toEqual({
      width: MIN_WINDOW.width,
      height: MIN_WINDOW.height,
    });
    expect(windowSize({ width: Number.NaN, height: Infinity }, null)).toEqual(DEFAULT_WINDOW);
  });
});
