/** The record every logger test writes: each secret key of the list at four places, beside ordinary fields. */
import type { Logger } from '../../../main/services/log/logger';
import { SECRET_LOG_KEYS } from '../../../node-shared/log-secrets';

/** Logs one record per key; returns every secret value written, none of which may reach the output. */
export function logEverySecret(logger: Logger): string[] {
  const values: string[] = [];
  for (const key of SECRET_LOG_KEYS) {
    const at = (where: string) => {
      const v = `s3cret-${key}-${where}`;
      values.push(v);
      return v;
    };
    logger.warn('signing: refused', {
      reportId: 'rep-1',
      [key]: at('top'),
      request: { url: '/api/v1/auth/login', [key]: at('nested') },
      batch: [{ commandId: 'cmd-1', [key]: at('array') }],
      a: { b: { c: { [key]: at('deep') } } },
    });
  }
  return values;
}
