/**
 * The one window's options, built by a pure function so a test can hold them to the Electron
 * security checklist without starting Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** UI.md: readable at 1366x768, the smallest screens in the labs. */
export const DEFAULT_WINDOW = { width: 1366, height: 768 } as const;
export const MIN_WINDOW = { width: 1024, height: 640 } as const;

export interface Size {
  width: number;
  height: number;
}

/**
 * The remembered size, kept usable: at least the minimum, at most the screen's work area (a size
 * saved on a big monitor must not open off-screen on a laptop), whole pixels.
 */
export function windowSize(saved: Size | null | undefined, workArea: Size | null | undefined): Size {
  const fit = (v: unknown, fallback: number, min: number, max: number | undefined): number => {
    let n = typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fallback;
    if (max !== undefined && Number.isFinite(max) && max > 0) n = Math.min(n, Math.round(max));
    return Math.max(n, min);
  };
  return {
    width: fit(saved?.width, DEFAULT_WINDOW.width, MIN_WINDOW.width, workArea?.width),
    height: fit(saved?.height, DEFAULT_WINDOW.height, MIN_WINDOW.height, workArea?.height),
  };
}

/**
 * The checklist as data: every item the window's webPreferences must meet. The unit test and the
 * shell (which refuses to open a window that fails it) use the same list.
 */
export const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
} as const;

export interface WindowOptionsInput {
  preloadPath: string;
  size: Size;
  title?: string;
  iconPath?: string;
  /** DevTools in a packaged app only when asked for (support); always in development. */
  devTools: boolean;
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: input.size.width,
    height: input.size.height,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title: input.title ?? 'SIPPT Lab',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    // Shown on 'ready-to-show', so the user never sees a white flash.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      ...REQUIRED_WEB_PREFERENCES,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}

/** The checklist items these options break (empty when they meet it). */
export function checklistViolations(options: BrowserWindowConstructorOptions): string[] {
  const wp = (options.webPreferences ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const [key, want] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
    if (wp[key] !== want) out.push(`webPreferences.${key} must be ${String(want)}`);
  }
  if (typeof wp.preload !== 'string' || wp.preload.length === 0)
    out.push('webPreferences.preload must be set');
  for (const key of ['enableBlinkFeatures', 'additionalArguments']) {
    if (wp[key] !== undefined) out.push(`webPreferences.${key} must not be set`);
  }
  return out;
}
