import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveAppRequest, safeSegments } from '../../../main/shell/app-protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'sippt-app-protocol-'));
  root = join(base, 'renderer', 'desktop');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'pdf.worker.min.mjs'), '');
  writeFileSync(join(root, 'assets', 'a b.css'), '');
  writeFileSync(join(base, 'secret.txt'), 'outside');
  writeFileSync(join(base, 'renderer', 'sibling.txt'), 'outside');
  mkdirSync(join(base, 'renderer', 'desktop-evil'), { recursive: true });
  writeFileSync(join(base, 'renderer', 'desktop-evil', 'x.js'), 'outside');
  // Symlinks inside the bundle: one escaping it, one staying inside.
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'escape.js'));
  symlinkSync(base, join(root, 'up'));
  symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'alias.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const resolveUrl = (url: string) => resolveAppRequest(root, url);

describe('app:// resolver', () => {
  it('serves index.html for / and files of the bundle with their type', () => {
    expect(resolveUrl('app://sippt/')).toMatchObject({
      kind: 'file',
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveUrl('app://sippt/index.html')).toMatchObject({ kind: 'file' });
    expect(resolveUrl('app://sippt/assets/index-abc.js')).toMatchObject({
      kind: 'file',
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveUrl('app://sippt/assets/pdf.worker.min.mjs')).toMatchObject({
      kind: 'file',
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveUrl('app://sippt/assets/a%20b.css')).toMatchObject({
      kind: 'file',
      path: join(root, 'assets', 'a b.css'),
    });
    // Query and hash do not name a file.
    expect(resolveUrl('app://sippt/index.html?x=1#/worklist')).toMatchObject({
      kind: 'file',
      path: join(root, 'index.html'),
    });
  });

  it('follows a symlink that stays inside the bundle', () => {
    expect(resolveUrl('app://sippt/alias.js')).toMatchObject({
      kind: 'file',
      path: join(root, 'assets', 'index-abc.js'),
    });
  });

  it.each([
    ['plain ..', 'app://sippt/../secret.txt'],
    ['nested ..', 'app://sippt/assets/../../secret.txt'],
    ['many ..', 'app://sippt/../../../../../../etc/passwd'],
    ['encoded dots', 'app://sippt/%2e%2e/secret.txt'],
    ['mixed-case encoded dots', 'app://sippt/%2E%2e/%2e%2E/secret.txt'],
    ['half-encoded dots', 'app://sippt/.%2e/secret.txt'],
  ])('never leaves the bundle: %s', (_label, url) => {
    const r = resolveUrl(url);
    // The URL parser folds dot segments at the root, so these either stay inside (and are not found) or are refused.
    if (r.kind === 'file') expect(r.path.startsWith(root)).toBe(true);
    else expect([400, 403, 404]).toContain(r.status);
    expect(JSON.stringify(r)).not.toContain('secret.txt"');
  });

  it.each([
    ['encoded slash traversal', 'app://sippt/%2e%2e%2fsecret.txt'],
    ['encoded slash', 'app://sippt/..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://sippt/..%5c..%5csecret.txt'],
    ['raw backslash', 'app://sippt/assets\\..\\..\\secret.txt'],
    ['double slash (absolute)', 'app://sippt//etc/passwd'],
    ['encoded absolute', 'app://sippt/%2fetc%2fpasswd'],
    ['drive letter', 'app://sippt/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://sippt/C%3a%5cWindows%5cwin.ini'],
    ['UNC', 'app://sippt/%5c%5cserver%5cshare'],
    ['NTFS stream', 'app://sippt/index.html::$DATA'],
    ['NUL', 'app://sippt/index.html%00.js'],
    ['control character', 'app://sippt/index%0a.html'],
    ['malformed escape', 'app://sippt/%E0%A4%A'],
    ['trailing slash', 'app://sippt/assets/'],
  ])('refuses %s', (_label, url) => {
    const r = resolveUrl(url);
    expect(r.kind).toBe('refused');
    if (r.kind === 'refused') expect(r.status).toBe(400);
  });

  it('refuses a symlink escaping the bundle', () => {
    expect(resolveUrl('app://sippt/assets/escape.js')).toEqual({
      kind: 'refused',
      status: 403,
      reason: 'symlink escape',
    });
    expect(resolveUrl('app://sippt/up/secret.txt')).toEqual({
      kind: 'refused',
      status: 403,
      reason: 'symlink escape',
    });
  });

  it('does not confuse a sibling folder sharing the prefix with the bundle', () => {
    expect(
      resolveAppRequest(join(base, 'renderer', 'desktop'), 'app://sippt/../desktop-evil/x.js'),
    ).toMatchObject({ kind: 'refused' });
  });

  it('refuses other origins, missing files and directories', () => {
    expect(resolveUrl('app://evil/index.html')).toMatchObject({ kind: 'refused', status: 403 });
    expect(resolveUrl('app://sippt:1/index.html')).toMatchObject({ kind: 'refused', status: 403 });
    expect(resolveUrl('app://u@sippt/index.html')).toMatchObject({ kind: 'refused', status: 403 });
    expect(resolveUrl('https://sippt/index.html')).toMatchObject({ kind: 'refused', status: 403 });
    expect(resolveUrl('app://sippt/nope.js')).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveUrl('app://sippt/assets')).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveUrl('not a url')).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveUrl(`app://sippt/${'a'.repeat(5000)}`)).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('answers 404 when the renderer is not built', () => {
    expect(resolveAppRequest(join(base, 'missing'), 'app://sippt/index.html')).toMatchObject({
      kind: 'refused',
      status: 404,
    });
  });

  it('never touches the file system for a refused path', () => {
    const touched: string[] = [];
    const fs = {
      realpath: (p: string) => {
        touched.push(p);
        return p;
      },
      isFile: () => true,
    };
    resolveAppRequest('/srv/r', 'app://sippt/%2e%2e%2fx', fs);
    resolveAppRequest('/srv/r', 'app://sippt/C:/x', fs);
    expect(touched).toEqual([]);
  });
});

describe('safeSegments and contentType', () => {
  it('splits and decodes once', () => {
    expect(safeSegments('/')).toEqual([]);
    expect(safeSegments('/a/b%20c.js')).toEqual(['a', 'b c.js']);
    expect(safeSegments('/%252e%252e')).toEqual(['%2e%2e']); // decoded once: a harmless literal name
    expect(safeSegments('a')).toBeNull();
  });
  it('never guesses executable types for unknown extensions', () => {
    expect(contentType('x.exe')).toBe('application/octet-stream');
    expect(contentType('x')).toBe('application/octet-stream');
    expect(contentType('X.HTML')).toBe('text/html; charset=utf-8');
  });
});
