/**
 * The engine as the app runs it, minus Electron: main/host/utility.ts bundled the way
 * scripts/build.ts bundles it (CJS, import.meta shim), started as a Node child whose IPC channel
 * stands in for `process.parentPort`, driven by the real ServicesProcess.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/services/settings/settings';
import { ServicesProcess, type ChildLike } from '../../../main/shell/services-process';
import { ENGINE_RESTARTED } from '../../../main/shell/services-protocol';
import { bundleEngine } from './bundle';

let dir: string;
let bundle: string;
let shim: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sippt-engine-'));
  bundle = join(dir, 'utility.cjs');
  await bundleEngine(bundle, { nodePaths: [resolve('node_modules')] });
  // The bundle sits in a temp dir: let its external requires find the repository's node_modules.
  shim = join(dir, 'parent-port.cjs');
  writeFileSync(
    shim,
    `module.paths.push(${JSON.stringify(resolve('node_modules'))});
require('module').globalPaths.push(${JSON.stringify(resolve('node_modules'))});
process.parentPort = {
  on(event, listener) { if (event === 'message') process.on('message', (data) => listener({ data })); },
  postMessage(message) { process.send(message); },
};\n`,
  );
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nodeChild(): ChildLike & { child: ChildProcess } {
  const child = fork(bundle, [], {
    execArgv: ['-r', shim],
    serialization: 'advanced',
    env: { ...process.env, NODE_PATH: resolve('node_modules') },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  return {
    child,
    postMessage: (m) => child.send(m as never),
    on: ((event: 'message' | 'exit', listener: (arg: never) => void) => {
      if (event === 'message') child.on('message', listener as (m: unknown) => void);
      else child.on('exit', (code) => (listener as (c: number) => void)(code ?? -1));
    }) as ChildLike['on'],
    kill: () => child.kill('SIGKILL'),
  };
}

describe('the engine in its own process', () => {
  it('answers the bridge, writes settings through, survives a crash and shuts down cleanly', async () => {
    const dataDir = join(dir, 'data');
    const children: ReturnType<typeof nodeChild>[] = [];
    const patches: unknown[] = [];
    const events: [string, unknown][] = [];
    const sp = new ServicesProcess({
      fork: () => {
        const c = nodeChild();
        children.push(c);
        return c;
      },
      init: () => ({
        settings: { ...DEFAULT_SETTINGS },
        app: { version: '0.1.0', host: 'electron' },
        dataDir,
        fontsDir: resolve('resources/fonts'),
      }),
      onEvent: (e, p) => events.push([e, p]),
      onSettings: (p) => patches.push(p),
      log: () => {},
    });
    sp.start();
    try {
      const info = await sp.invoke('app.info', {});
      expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });

      expect(await sp.invoke('session.current', {})).toEqual({ ok: true, value: null });
      const bad = await sp.invoke('no.such.call', {});
      expect(bad).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
      const malformed = await sp.invoke('settings.update', { language: 'klingon' });
      expect(malformed).toMatchObject({ ok: false });

      const updated = await sp.invoke('settings.update', { language: 'en' });
      expect(updated).toMatchObject({ ok: true, value: { language: 'en' } });
      expect(patches).toContainEqual(expect.objectContaining({ language: 'en' }));

      // A crash mid-call: the call answers "restarted", the next engine answers.
      const slow = sp.invoke('sync.status', {});
      children[0]!.kill();
      const r = await slow;
      // The call may have been answered before the kill landed: then it is sync.status's own answer
      // (signed out: not_signed_in); otherwise the engine-restarted envelope.
      const answeredFirst = r.ok || r.error.code === 'not_signed_in';
      if (!answeredFirst) expect(r).toEqual(ENGINE_RESTARTED);
      await new Promise((res) => setTimeout(res, 50));
      expect(events).toContainEqual(['session.changed', null]);
      expect(await sp.invoke('app.info', {})).toMatchObject({ ok: true });
      expect(children).toHaveLength(2);

      const exited = new Promise<number | null>((res) =>
        children[1]!.child.once('exit', (code) => res(code)),
      );
      await sp.stop();
      expect(await exited).toBe(0);
    } finally {
      await sp.stop();
      for (const c of children) c.child.kill('SIGKILL');
    }
  }, 60_000);
});
