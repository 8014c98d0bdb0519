/**
 * The headers of every `app://` response. The Content-Security-Policy is the one the browser host
 * sends (main/host/csp.ts): the same UI runs under both, and the end-to-end tests run it in the
 * browser host, so a policy that differed in Electron would break there untested. It is sent as a
 * header, so a page cannot drop it the way it could drop a <meta>.
 */
import { CONTENT_SECURITY_POLICY } from '../host/csp';

export { CONTENT_SECURITY_POLICY };

/** Headers on every `app://` response, errors included. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

/** A policy as directive -> sources, for the checklist test and diagnostics. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/**
 * The checklist's demands on a policy; the empty list when it meets them. Kept here so the test
 * fails loudly if the shared policy is ever loosened.
 */
export function cspViolations(policy: string): string[] {
  const d = parseCsp(policy);
  const out: string[] = [];
  const sources = (name: string) => d.get(name) ?? d.get('default-src') ?? null;
  const script = sources('script-src');
  if (!script) out.push('script-src (or default-src) must be set');
  else {
    for (const bad of ["'unsafe-eval'", "'unsafe-inline'", '*', 'data:', 'blob:', 'http:', 'https:']) {
      if (script.includes(bad)) out.push(`script-src must not allow ${bad}`);
    }
  }
  const def = d.get('default-src');
  if (!def || def.some((s) => s !== "'self'" && s !== "'none'"))
    out.push("default-src must be 'self' or 'none'");
  if (d.get('object-src')?.join(' ') !== "'none'") out.push("object-src must be 'none'");
  if (d.get('base-uri')?.join(' ') !== "'none'") out.push("base-uri must be 'none'");
  if (d.get('frame-ancestors')?.join(' ') !== "'none'") out.push("frame-ancestors must be 'none'");
  const connect = sources('connect-src');
  if (!connect || connect.some((s) => s !== "'self'" && s !== "'none'"))
    out.push("connect-src must stay on 'self'");
  const worker = sources('worker-src') ?? script ?? [];
  if (worker.some((s) => s !== "'self'" && s !== 'blob:' && s !== "'none'"))
    out.push("worker-src may only allow 'self' and blob:");
  if (policy.includes("'unsafe-eval'")) out.push("no directive may allow 'unsafe-eval'");
  return out;
}
