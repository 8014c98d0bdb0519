/**
 * A SoftHSM2 token for the signing tests, in a folder of its own (SOFTHSM2_CONF points at a config
 * whose token directory is a temp folder): initialised with `softhsm2-util --init-token`, the demo
 * Kepala Balai's key imported (PKCS#12 -> PKCS#8 with openssl, then `softhsm2-util --import`), and
 * the signer's and the CA's certificates added with pkcs11js C_CreateObject (softhsm2-util imports
 * keys only). The key file is written with mode 0600 and removed right after the import.
 *
 * softhsmAvailable() says why not when softhsm2 (Debian `softhsm2`) or pkcs11js is missing, so the
 * tests can skip with that message; .ci/run installs softhsm2.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Pkcs11js from 'pkcs11js';
import {
  CKA_CERTIFICATE_TYPE,
  CKA_CLASS,
  CKA_ID,
  CKA_LABEL,
  CKA_TOKEN,
  CKA_VALUE,
  CKC_X_509,
  CKF_RW_SESSION,
  CKF_SERIAL_SESSION,
  CKO_CERTIFICATE,
  CKU_USER,
} from '../../../../main/services/signing/token';
import { certificateIdentity } from '../../../../shared/cades';

// PKCS#11 attributes SoftHSM asks of a certificate object.
const CKA_SUBJECT = 0x101;
const CKA_ISSUER = 0x81;
const CKA_SERIAL_NUMBER = 0x82;

export const SOFTHSM_MODULE_CANDIDATES = [
  process.env.SOFTHSM2_MODULE,
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
].filter((p): p is string => !!p);

export const TOKEN_LABEL = 'sippt-test';
export const USER_PIN = '1234';
export const SO_PIN = '5678';

const require = createRequire(import.meta.url);

/** null when a SoftHSM2 token can be made here; otherwise why not (for the skip message). */
export function softhsmAvailable(): string | null {
  if (spawnSync('sh', ['-c', 'command -v softhsm2-util'], { encoding: 'utf8' }).status !== 0) {
    return 'softhsm2 is not installed (apt-get install -y softhsm2; .ci/run installs it): the PKCS#11 token tests are skipped';
  }
  if (!softhsmModule())
    return `the SoftHSM2 PKCS#11 module was not found (tried ${SOFTHSM_MODULE_CANDIDATES.join(', ')}; set SOFTHSM2_MODULE)`;
  if (spawnSync('sh', ['-c', 'command -v openssl'], { encoding: 'utf8' }).status !== 0)
    return 'openssl is not installed (apt-get install -y openssl)';
  try {
    require('pkcs11js');
  } catch (e) {
    return `pkcs11js (native addon) is not built: ${e instanceof Error ? e.message : String(e)} (npm rebuild pkcs11js)`;
  }
  return null;
}

export function softhsmModule(): string | null {
  return SOFTHSM_MODULE_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.filter((a) => !/pass:|^\d{4}$/.test(a)).join(' ')} failed: ${r.stderr || r.stdout}`,
    );
  return r.stdout;
}

export interface SoftHsmToken {
  dir: string;
  conf: string;
  modulePath: string;
  label: string;
  pin: string;
  /** Removes the token folder and restores SOFTHSM2_CONF. */
  cleanup(): void;
}

export interface MakeTokenOptions {
  /** The PKCS#12 keystore to import and its passphrase. */
  p12Path: string;
  p12Passphrase: string;
  /** Also store the issuer certificates found in the keystore (default true). */
  withChain?: boolean;
}

/**
 * Makes a token `sippt-test` (user PIN 1234, SO PIN 5678) holding the keystore's key (label kb,
 * id 01) and its certificate(s). Sets process.env.SOFTHSM2_CONF for this process: SoftHSM reads it
 * when the module is initialised, so make the token before the first session opens. This needs the
 * test in a process of its own (vitest's default 'forks' pool): in a worker thread, process.env is a
 * copy the native module does not see.
 */
export function makeSoftHsmToken(opts: MakeTokenOptions): SoftHsmToken {
  const modulePath = softhsmModule();
  if (!modulePath) throw new Error('SoftHSM2 module not found');
  const dir = mkdtempSync(join(tmpdir(), 'sippt-softhsm-'));
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens, { mode: 0o700 });
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
  );
  const previous = process.env.SOFTHSM2_CONF;
  process.env.SOFTHSM2_CONF = conf;
  const env = { ...process.env, SOFTHSM2_CONF: conf };

  sh(
    'softhsm2-util',
    ['--init-token', '--free', '--label', TOKEN_LABEL, '--pin', USER_PIN, '--so-pin', SO_PIN],
    env,
  );

  // The key: PKCS#12 -> unencrypted PKCS#8 (0600, removed at once) -> the token.
  const keyPem = join(dir, 'key.pem');
  const p12Key = sh(
    'openssl',
    ['pkcs12', '-in', opts.p12Path, '-passin', `pass:${opts.p12Passphrase}`, '-nocerts', '-nodes'],
    env,
  );
  try {
    const pk8 = spawnSync('openssl', ['pkcs8', '-topk8', '-nocrypt'], {
      input: p12Key,
      encoding: 'utf8',
      env,
    });
    if (pk8.status !== 0) throw new Error(`openssl pkcs8 failed: ${pk8.stderr}`);
    writeFileSync(keyPem, pk8.stdout, { mode: 0o600 });
    sh(
      'softhsm2-util',
      ['--import', keyPem, '--token', TOKEN_LABEL, '--label', 'kb', '--id', '01', '--pin', USER_PIN],
      env,
    );
  } finally {
    rmSync(keyPem, { force: true });
  }

  // The certificates: the signer's with the key's id, the issuers without one.
  const certsPem = sh(
    'openssl',
    ['pkcs12', '-in', opts.p12Path, '-passin', `pass:${opts.p12Passphrase}`, '-nokeys'],
    env,
  );
  const certs = [...certsPem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
    (m) => new X509Certificate(m[0]),
  );
  const leaf = certs.find((c) => !c.checkIssued(c));
  if (!leaf) throw new Error('no signer certificate in the keystore');
  const issuers =
    (opts.withChain ?? true) ? certs.filter((c) => c.fingerprint256 !== leaf.fingerprint256) : [];

  const { PKCS11 } = require('pkcs11js') as typeof Pkcs11js;
  const lib = new PKCS11();
  lib.load(modulePath);
  lib.C_Initialize();
  try {
    const slot = lib.C_GetSlotList(true).find((s) => lib.C_GetTokenInfo(s).label.trim() === TOKEN_LABEL);
    if (!slot) throw new Error('the new SoftHSM token is not listed');
    const session = lib.C_OpenSession(slot, CKF_SERIAL_SESSION | CKF_RW_SESSION);
    lib.C_Login(session, CKU_USER, USER_PIN);
    const add = (cert: X509Certificate, label: string, id: Buffer | null): void => {
      const parts = certificateIdentity(cert.raw);
      lib.C_CreateObject(session, [
        { type: CKA_SUBJECT, value: Buffer.from(parts.subject) },
        { type: CKA_ISSUER, value: Buffer.from(parts.issuer) },
        { type: CKA_SERIAL_NUMBER, value: Buffer.from(parts.serialNumber) },
        { type: CKA_CLASS, value: CKO_CERTIFICATE },
        { type: CKA_CERTIFICATE_TYPE, value: CKC_X_509 },
        { type: CKA_TOKEN, value: true },
        { type: CKA_LABEL, value: label },
        ...(id ? [{ type: CKA_ID, value: id }] : []),
        { type: CKA_VALUE, value: cert.raw },
      ]);
    };
    add(leaf, 'kb', Buffer.from([0x01]));
    issuers.forEach((c, i) => add(c, `ca-${i}`, null));
    lib.C_Logout(session);
    lib.C_CloseSession(session);
  } finally {
    lib.C_Finalize();
  }

  return {
    dir,
    conf,
    modulePath,
    label: TOKEN_LABEL,
    pin: USER_PIN,
    cleanup() {
      if (previous === undefined) delete process.env.SOFTHSM2_CONF;
      else process.env.SOFTHSM2_CONF = previous;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
