/**
 * The server's environment is read through one schema: a bad value stops the start with a message
 * that names the variable and says what it must be, before any database is opened.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULT_RATE_LIMITS, readServerEnv } from '../../../server/config';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

describe('server environment', () => {
  it('turns valid values into configuration', () => {
    const c = configFromEnv({
      SIPPT_UNIT_CODE: 'SBY',
      SIPPT_PUBLIC_URL: 'https://lab.example.go.id',
      SIPPT_BILLING_EXPIRY_DAYS: '3',
      SIPPT_TRUST_PROXY: 'true',
      SIPPT_RATE_LIMITS: 'register=5/3600',
      SIPPT_SCRYPT_N: '1024',
    });
    expect(c).toMatchObject({
      unitCode: 'SBY',
      publicBaseUrl: 'https://lab.example.go.id',
      billingExpiryDays: 3,
      trustProxy: true,
      scrypt: { N: 1024, r: 8, p: 1 },
    });
    expect(c.rateLimits).toEqual({ ...DEFAULT_RATE_LIMITS, register: { max: 5, windowSeconds: 3600 } });
  });

  it('treats an empty value as unset, and ignores variables that are not its own', () => {
    expect(configFromEnv({ SIPPT_PUBLIC_URL: '', PATH: '/usr/bin', HOME: '/root' })).toEqual({});
  });

  it('names every bad variable and what it must be, in Indonesian and English', () => {
    let message = '';
    try {
      readServerEnv({
        SIPPT_BILLING_EXPIRY_DAYS: 'seven',
        SIPPT_PUBLIC_URL: 'lab.example',
        SIPPT_TRUST_PROXY: 'yes',
        SIPPT_RATE_LIMITS: 'login=5',
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Konfigurasi lingkungan tidak valid \/ invalid environment configuration/);
    expect(message).toContain(
      'SIPPT_BILLING_EXPIRY_DAYS: harus bilangan bulat positif / must be a positive integer',
    );
    expect(message).toContain('SIPPT_PUBLIC_URL: harus alamat http(s) lengkap');
    expect(message).toContain('SIPPT_TRUST_PROXY: harus 1, 0, true atau false');
    expect(message).toMatch(/SIPPT_RATE_LIMITS: .*"login=5" tidak dikenal/);
  });

  it('a token secret shorter than 32 characters is refused (an access-token HMAC key)', () => {
    expect(() => readServerEnv({ SIPPT_TOKEN_SECRET: 'short' })).toThrow(
      /SIPPT_TOKEN_SECRET: minimal 32 karakter/,
    );
  });

  it('the command line stops with exit code 2 and the message, and creates no data folder', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'sippt-env-')), 'data');
    const failure = await run(
      process.execPath,
      ['--import', 'tsx', resolve(ROOT, 'server/cli.ts'), '--port', '0', '--data-dir', dataDir],
      {
        cwd: ROOT,
        env: { ...process.env, SIPPT_BILLING_EXPIRY_DAYS: '0', DATABASE_URL: '' },
      },
    ).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('SIPPT_BILLING_EXPIRY_DAYS: harus bilangan bulat positif');
    expect(readdirSync(join(dataDir, '..'))).toEqual([]);
  }, 60_000);
});
