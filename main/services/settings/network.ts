/**
 * What the network settings mean for the updater (issue 11): the proxy its downloads go through and
 * the channel it follows. The settings screen's choice wins; without one, the environment the
 * unit's IT set (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, SIPPT_UPDATE_CHANNEL) still works as before.
 * The engine's API client takes the settings' proxy itself (main/host/engine.ts).
 */
import type { Settings } from '../../../shared/bridge/models';
import type { UpdateChannel } from '../../../shared/bridge/network-settings';
import { feedUrl } from '../update/flow';

type Env = Record<string, string | undefined>;

export function effectiveChannel(settings: Pick<Settings, 'updateChannel'>, env: Env): UpdateChannel {
  if (settings.updateChannel) return settings.updateChannel;
  return env.SIPPT_UPDATE_CHANNEL === 'beta' ? 'beta' : 'latest';
}

/** electron-updater's generic-provider feed for the server and channel (it asks for `<channel>[-linux].yml` there). */
export function updaterFeed(
  serverUrl: string,
  channel: UpdateChannel,
): { provider: 'generic'; url: string; channel: UpdateChannel } {
  return { provider: 'generic', url: feedUrl(serverUrl), channel };
}

/**
 * Electron session proxy rules for the updater's downloads: the chosen proxy for both schemes,
 * else the environment's (HTTPS_PROXY / HTTP_PROXY / NO_PROXY), else the system's.
 */
export function sessionProxy(
  settings: Pick<Settings, 'proxy'>,
  env: Env,
): { mode: 'system' } | { mode: 'direct' } | { proxyRules: string; proxyBypassRules?: string } {
  if (settings.proxy === null) return { mode: 'direct' };
  if (settings.proxy !== undefined) {
    const u = new URL(settings.proxy);
    return { proxyRules: `${u.protocol}//${u.host}`, proxyBypassRules: '<local>' };
  }
  const https = env.HTTPS_PROXY ?? env.https_proxy;
  const http = env.HTTP_PROXY ?? env.http_proxy;
  if (!https && !http) return { mode: 'system' };
  const strip = (u: string) => u.replace(/^[a-z]+:\/\//i, '').replace(/\/$/, '');
  const rules = [https ? `https=${strip(https)}` : null, http ? `http=${strip(http)}` : null]
    .filter(Boolean)
    .join(';');
  const bypass = env.NO_PROXY ?? env.no_proxy;
  return bypass ? { proxyRules: rules, proxyBypassRules: bypass } : { proxyRules: rules };
}
