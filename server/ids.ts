import { createHash } from 'node:crypto';

/**
 * A UUID (v4 layout) derived from a seed: the same Idempotency-Key always names the same new
 * order or account, so a resent creating request converges on one record even when two copies
 * race on PostgreSQL.
 */
export function deterministicUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
