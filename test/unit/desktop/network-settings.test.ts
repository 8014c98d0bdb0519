/**
 * The network settings (issue 11): a proxy address is checked with words that say what to fix, the
 * settings stores keep proxy and channel, the updater's feed follows the chosen channel (the
 * settings win over the environment), and the shell answers the outdated banner's *Perbarui* itself.
 */
import { describe, expect, it } from 'vitest';
import { createBridge } from '../../../main/services/bridge';
import { MemorySettingsStore } from '../../../main/services/settings/settings';
import { effectiveChannel, sessionProxy, updaterFeed } from '../../../main/services/settings/network';
import { handleInvoke } from '../../../main/shell/ipc-handler';
import { APP_ENTRY_URL } from '../../../main/shell/trusted-url';
import { proxyUrlProblem } from '../../../shared/bridge/network-settings';
import { services, tempDir } from './helpers';

describe('proxy address', () => {
  it.each([
    ['http://proxy.kemenperin.go.id:8080', null],
    ['https://user:rahasia@10.1.2.3:3128', null],
    ['', null],
    ['proxy.kantor:8080', /harus diawali http/],
    ['socks5://proxy:1080', /harus diawali http/],
    ['http://proxy.kantor', /port wajib/],
    ['http://proxy.kantor:8080/pac', /tanpa jalur/],
    ['http://', /bukan alamat/],
  ])('%s', (raw, problem) => {
    const p = proxyUrlProblem(raw);
    if (problem === null) expect(p).toBeNull();
    else {
      expect(p?.id).toMatch(problem);
      expect(p?.en).toMatch(/proxy address like http:\/\//);
    }
  });

  it('the bridge refuses a bad proxy with the words to fix it, keeps the old one, and clears it with null', async () => {
    const tmp = tempDir('sippt-net-');
    const settings = new MemorySettingsStore();
    const bridge = createBridge({
      services: services(tmp.dir, 'http://127.0.0.1:9'),
      settings,
      app: { version: '1.0.0', host: 'web' },
    });
    try {
      const good = await bridge.invoke('settings.update', {
        proxy: 'http://proxy.kantor:8080',
        updateChannel: 'beta',
      });
      expect(good).toMatchObject({
        ok: true,
        value: { proxy: 'http://proxy.kantor:8080', updateChannel: 'beta' },
      });
      const bad = await bridge.invoke('settings.update', { proxy: 'proxy.kantor' });
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.error.code).toBe('invalid_payload');
        expect(bad.error.message.id).toMatch(/proxy: .*harus diawali http/);
        expect(bad.error.message.en).toMatch(/proxy: .*must start with http/);
      }
      const channel = await bridge.invoke('settings.update', { updateChannel: 'nightly' });
      expect(channel.ok).toBe(false);
      expect(settings.get()).toMatchObject({ proxy: 'http://proxy.kantor:8080', updateChannel: 'beta' });
      expect(await bridge.invoke('settings.update', { proxy: null })).toMatchObject({
        ok: true,
        value: { proxy: null },
      });
    } finally {
      bridge.close();
      tmp.cleanup();
    }
  });
});

describe('the updater follows the settings', () => {
  it('feed and channel: the setting first, then SIPPT_UPDATE_CHANNEL, then latest', () => {
    expect(effectiveChannel({}, {})).toBe('latest');
    expect(effectiveChannel({}, { SIPPT_UPDATE_CHANNEL: 'beta' })).toBe('beta');
    expect(effectiveChannel({ updateChannel: 'latest' }, { SIPPT_UPDATE_CHANNEL: 'beta' })).toBe('latest');
    expect(
      updaterFeed('https://sippt.balai.go.id/', effectiveChannel({ updateChannel: 'beta' }, {})),
    ).toEqual({
      provider: 'generic',
      url: 'https://sippt.balai.go.id/api/v1/releases/feed',
      channel: 'beta',
    });
  });

  it('proxy for its downloads: the setting, "none" when cleared, else the environment, else the system', () => {
    expect(
      sessionProxy({ proxy: 'http://u:p@proxy.kantor:8080' }, { HTTPS_PROXY: 'http://other:1' }),
    ).toEqual({ proxyRules: 'http://proxy.kantor:8080', proxyBypassRules: '<local>' });
    expect(sessionProxy({ proxy: null }, { HTTPS_PROXY: 'http://other:1' })).toEqual({ mode: 'direct' });
    expect(sessionProxy({}, { HTTPS_PROXY: 'http://other:1', NO_PROXY: 'localhost' })).toEqual({
      proxyRules: 'https=other:1',
      proxyBypassRules: 'localhost',
    });
    expect(sessionProxy({}, {})).toEqual({ mode: 'system' });
  });
});

describe('update.install in the shell', () => {
  it('is answered by the shell’s updater, never forwarded to the engine', async () => {
    const forwarded: string[] = [];
    const deps = {
      forward: async (name: string) => {
        forwarded.push(name);
        return { ok: true as const, value: null };
      },
      pickKeystore: async () => null,
      installUpdate: async () => ({
        installed: false,
        message: { id: 'Pembaruan dipasang setelah 2 perubahan terkirim ke server.', en: 'later' },
      }),
    };
    const r = await handleInvoke(APP_ENTRY_URL, { name: 'update.install', input: {} }, deps);
    expect(r).toEqual({
      ok: true,
      value: {
        installed: false,
        message: { id: 'Pembaruan dipasang setelah 2 perubahan terkirim ke server.', en: 'later' },
      },
    });
    expect(forwarded).toEqual([]);
    // Without an updater (development run): the engine answers how to update instead.
    await handleInvoke(
      APP_ENTRY_URL,
      { name: 'update.install', input: {} },
      { forward: deps.forward, pickKeystore: deps.pickKeystore },
    );
    expect(forwarded).toEqual(['update.install']);
  });
});
