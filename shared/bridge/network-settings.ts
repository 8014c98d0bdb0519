/**
 * The desktop's network settings (issue 11): the unit's HTTP(S) proxy and the update channel,
 * chosen in the app's settings screen rather than only from the environment. One schema for the
 * settings file, the bridge's `settings.update` and the screen's form.
 */
import { z } from 'zod';
import { ChannelSchema } from '../api/releases';

const PROXY_HELP = {
  id: 'tulis alamat proxy seperti http://proxy.kantor.go.id:8080',
  en: 'write the proxy address like http://proxy.office.go.id:8080',
};

function proxyProblem(raw: string): { id: string; en: string } | null {
  if (!/^https?:\/\//i.test(raw) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    return {
      id: `harus diawali http:// atau https://; ${PROXY_HELP.id}`,
      en: `must start with http:// or https://; ${PROXY_HELP.en}`,
    };
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { id: `bukan alamat; ${PROXY_HELP.id}`, en: `not an address; ${PROXY_HELP.en}` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return {
      id: `harus diawali http:// atau https://; ${PROXY_HELP.id}`,
      en: `must start with http:// or https://; ${PROXY_HELP.en}`,
    };
  if (!u.hostname)
    return {
      id: `nama host proxy kosong; ${PROXY_HELP.id}`,
      en: `the proxy host is empty; ${PROXY_HELP.en}`,
    };
  if (!u.port)
    return {
      id: `nomor port wajib ditulis (mis. :8080); ${PROXY_HELP.id}`,
      en: `the port is required (e.g. :8080); ${PROXY_HELP.en}`,
    };
  if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash)
    return {
      id: `cukup host dan port, tanpa jalur; ${PROXY_HELP.id}`,
      en: `host and port only, no path; ${PROXY_HELP.en}`,
    };
  return null;
}

/** A proxy address: http(s)://[user:password@]host:port, nothing after the port. */
export const ProxyUrlSchema = z
  .string()
  .trim()
  .max(500)
  .superRefine((v, ctx) => {
    const p = proxyProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: `${p.id} / ${p.en}` });
  });

/** 'latest' is the stable channel; 'beta' also gets beta releases (and every stable one). */
export const UpdateChannelSchema = ChannelSchema;
export type UpdateChannel = z.infer<typeof UpdateChannelSchema>;

/** The problem with a typed proxy address in words (id, en), or null when it is fine: for the screen. */
export function proxyUrlProblem(raw: string): { id: string; en: string } | null {
  const v = raw.trim();
  if (v === '') return null;
  return v.length > 500
    ? { id: 'terlalu panjang (maksimal 500 karakter)', en: 'too long (at most 500 characters)' }
    : proxyProblem(v);
}
