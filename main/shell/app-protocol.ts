/**
 * The `app://sippt/...` resolver: which file of the built renderer a request gets, or why none.
 * Everything a request says is distrusted: `..` (plain or percent-encoded), encoded separators,
 * drive letters and absolute paths are refused before the file system is touched, and a path that
 * resolves through a symlink to somewhere outside the renderer folder is refused after.
 */
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './trusted-url';

export type AppResolution =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: string };

/** The file system as the resolver needs it (tests give a fake or a temp dir). */
export interface ResolverFs {
  /** Throws when the path does not exist. */
  realpath(path: string): string;
  isFile(path: string): boolean;
}

export const nodeResolverFs: ResolverFs = {
  realpath: (p) => realpathSync(p),
  isFile: (p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  },
};

const MAX_URL = 4096;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  // pdf.js: binary cmaps and standard fonts.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

/** Unknown types are served as opaque bytes (with nosniff), never guessed as HTML or script. */
export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const refused = (status: 400 | 403 | 404, reason: string): AppResolution => ({
  kind: 'refused',
  status,
  reason,
});

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Segments of the URL path, each percent-decoded once; null when one of them is not a plain name. */
export function safeSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null;
  const raw = pathname.slice(1).split('/');
  const out: string[] = [];
  for (const [i, r] of raw.entries()) {
    if (r === '' && i === raw.length - 1 && raw.length === 1) break; // "/" alone
    let s: string;
    try {
      s = decodeURIComponent(r);
    } catch {
      return null; // malformed %-escape
    }
    // Empty (a "//"), dot segments, anything that would be a separator or a drive/stream on
    // Windows, control characters: none of them names a file of the bundle.
    if (s === '' || s === '.' || s === '..') return null;
    if (/[/\\:]/.test(s) || hasControlChar(s)) return null;
    out.push(s);
  }
  return out;
}

/**
 * Resolve `app://sippt/<path>` against `rootDir` (the built renderer). `/` is index.html. Hash
 * routes never reach here, so there is no "unknown path gives index.html" fallback to abuse.
 */
export function resolveAppRequest(
  rootDir: string,
  requestUrl: string,
  fs: ResolverFs = nodeResolverFs,
): AppResolution {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL) return refused(400, 'bad url');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refused(400, 'bad url');
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.port ||
    url.username ||
    url.password
  ) {
    return refused(403, 'foreign origin');
  }
  const segments = safeSegments(url.pathname);
  if (segments === null) return refused(400, 'unsafe path');
  if (segments.length === 0) segments.push('index.html');

  const root = resolve(rootDir);
  const candidate = resolve(root, ...segments);
  if (!inside(root, candidate) || candidate === root) return refused(403, 'outside root');

  let realRoot: string;
  let real: string;
  try {
    realRoot = fs.realpath(root);
  } catch {
    return refused(404, 'renderer not built');
  }
  try {
    real = fs.realpath(candidate);
  } catch {
    return refused(404, 'not found');
  }
  // A symlink inside the bundle pointing out of it (or a root that is itself a link: compare real paths).
  if (!inside(realRoot, real) || real === realRoot) return refused(403, 'symlink escape');
  if (!fs.isFile(real)) return refused(404, 'not a file');
  return { kind: 'file', path: real, contentType: contentType(real) };
}

/** For logs: never the full local path of the machine, just what was asked. */
export function describeRequest(requestUrl: string): string {
  return requestUrl.length > 200 ? `${requestUrl.slice(0, 200)}…` : requestUrl;
}
