/**
 * electron-log in the shell (main/shell/electron-logger.ts), run in plain Node with electron-log's
 * own Node flavour, as app.ts uses it: the redaction hook over everything written, the file in the
 * logs folder, and the engine's records relayed from the utility process (serveEngine's logger ->
 * parentPort -> ServicesProcess -> electron-log) arriving in that file without a secret.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/bridge';
import { DEFAULT_SETTINGS } from '../../../main/services/settings/settings';
import { REDACTED, SECRET_LOG_KEYS } from '../../../node-shared/log-secrets';
import { redactionHook, shellLogger } from '../../../main/shell/electron-logger';
import { ServicesProcess, type ChildLike } from '../../../main/shell/services-process';
import { serveEngine, type ParentPortLike } from '../../../main/shell/services-protocol';
import type { Logger } from '../../../main/services/log/logger';
import { logEverySecret } from '../desktop/logger-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let instances = 0;
function fileLogger() {
  const dir = mkdtempSync(join(tmpdir(), 'sippt-electron-log-'));
  dirs.push(dir);
  const log = electronLog.create({ logId: `sippt-test-${++instances}` });
  const logger = shellLogger(log, { logsDir: () => dir, console: false });
  const file = join(dir, 'main.log');
  return { dir, log, logger, read: () => (existsSync(file) ? readFileSync(file, 'utf8') : '') };
}

/** A ServicesProcess whose engine is serveEngine over an in-memory port: the utility process without the process. */
function engineOverPort(shell: Logger) {
  let engineLogger: Logger | null = null;
  const toEngine: ((e: { data: unknown }) => void)[] = [];
  const toShell: ((m: unknown) => void)[] = [];
  const port: ParentPortLike = {
    on: (_event, l) => toEngine.push(l),
    postMessage: (m) => toShell.forEach((l) => l(structuredClone(m))),
  };
  const child: ChildLike = {
    postMessage: (m) => toEngine.forEach((l) => l({ data: structuredClone(m) })),
    on: (event: 'message' | 'exit', l: (arg: never) => void) =>
      event === 'message' ? toShell.push(l as (m: unknown) => void) : undefined,
    kill: () => true,
  };
  serveEngine({
    port,
    makeBridge: (_init, _settings, logger) => {
      engineLogger = logger;
      return { invoke: async () => ok(null), on: () => () => {}, close: () => {} };
    },
    exit: () => {},
    log: () => {},
  });
  const sp = new ServicesProcess({
    fork: () => child,
    init: () => ({
      settings: { ...DEFAULT_SETTINGS },
      app: { version: '0.1.0', host: 'electron' },
      dataDir: '/data',
      fontsDir: '/fonts',
    }),
    onEvent: () => {},
    onSettings: () => {},
    log: () => {},
    engineLogger: shell,
  });
  sp.start();
  return { engine: async () => (await Promise.resolve(), engineLogger!) };
}

describe('electron-log in the shell', () => {
  it('every key of the list, at every depth, is redacted in the log file', () => {
    const { logger, read } = fileLogger();
    const values = logEverySecret(logger);
    const out = read();
    expect(out.match(/signing: refused/g)).toHaveLength(SECRET_LOG_KEYS.length);
    for (const v of values) expect(out).not.toContain(v);
    expect(out).toContain(REDACTED);
    expect(out).toContain("reportId: 'rep-1'");
    expect(out).toContain("commandId: 'cmd-1'");
  });

  it('the hook is installed once, and redacts whatever else writes through electron-log', () => {
    const { dir, log, logger, read } = fileLogger();
    shellLogger(log, { logsDir: () => dir, console: false });
    expect(log.hooks.filter((h) => h === redactionHook)).toHaveLength(1);
    logger.info('ready');
    // electron-updater's logger and the shell's own lines call electron-log directly.
    log.error('update: electron-updater', { headers: { Authorization: 'Bearer xyz' } });
    expect(read()).not.toContain('Bearer xyz');
    expect(read()).toContain('update: electron-updater');
  });

  it('info and up go to the file; the console only when asked (development)', () => {
    const { log, logger, read } = fileLogger();
    expect(log.transports.console.level).toBe(false);
    logger.info('update: checked, none offered', { currentVersion: '0.1.0' });
    logger.warn('sync: cycle failed, retrying', { attempt: 2 });
    logger.error('bridge: call failed (a bug)', { call: 'orders.list' });
    const out = read();
    expect(out).toMatch(/\[info\]\s+update: checked, none offered/);
    expect(out).toMatch(/\[warn\]\s+sync: cycle failed, retrying/);
    expect(out).toMatch(/\[error\]\s+bridge: call failed \(a bug\)/);
  });

  it("the engine's records reach the shell's file through the utility process's port, without a secret", async () => {
    const { logger, read } = fileLogger();
    const { engine } = engineOverPort(logger);
    const values = logEverySecret(await engine());
    const out = read();
    expect(out.match(/signing: refused/g)).toHaveLength(SECRET_LOG_KEYS.length);
    expect(out).toContain("process: 'engine'");
    for (const v of values) expect(out).not.toContain(v);
  });
});
