/**
 * Group `elhu`: rendering and signing E-LHUs (issue 5).
 *
 * - render_sign_p50: render one E-LHU of 10 parameters and sign it (PAdES B-B, visible block), warm,
 *   one signing session; median of 100 distinct reports. Target < 15 ms.
 * - batch_100_total: unlock the keystore once (passphrase, PKCS#12 decryption) and sign 100
 *   already-rendered reports, writing each signed file; total.
 * - pdfsig_100_total: poppler's `pdfsig -add-signature` (NSS database in a temp dir holding the same
 *   demo key) signing the same 100 unsigned reports, one process per report as one would run it.
 *   (poppler 22.12 cannot make ETSI.CAdES.detached with -add-signature: it makes adbe.pkcs7.detached.)
 * - pdfsig_vs_ours: pdfsig's time per report over ours (batch total / 100). Target >= 10.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadElhuFonts,
  openSigningSession,
  sha256Hex,
  signElhu,
  type SigningSession,
} from '../../main/services/signing/index';
import { demoElhuData } from '../../shared/elhu/demo-data';
import { renderElhu } from '../../shared/elhu/render';
import { percentile, type BenchRow } from './target';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEYSTORE = join(ROOT, 'resources', 'demo-keystore');
const PASSPHRASE = 'demo-tte-2025';
const KEPALA_BALAI = { name: 'Dr. Ir. Hendra Gunawan Siregar, M.T.', nip: '197503122000031002' };
const BATCH = 100;

function tool(cmd: string, args: string[], aptPackage: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(`${cmd} is not installed: apt-get install -y ${aptPackage}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function run(report: (row: BenchRow) => void): Promise<void> {
  const fonts = loadElhuFonts();
  const p12 = new Uint8Array(readFileSync(join(KEYSTORE, 'kepala-balai-demo.p12')));
  const fingerprint = readFileSync(join(KEYSTORE, 'kepala-balai-demo.sha256'), 'utf8').trim();
  const open = (): SigningSession =>
    openSigningSession({ p12, passphrase: PASSPHRASE, expectedCertificateFingerprint: fingerprint });
  const signingTime = new Date('2025-03-14T03:15:42Z');
  const sign = (unsigned: Uint8Array, session: SigningSession): Promise<Uint8Array> =>
    signElhu(unsigned, session, {
      ...KEPALA_BALAI,
      signingTime,
      expectedDocumentHash: sha256Hex(unsigned),
      fonts,
      location: 'Palembang',
    });

  // 1. Render + sign, warm, one report at a time.
  const data = Array.from({ length: 130 }, (_, i) => demoElhuData({ parameters: 10, serial: i + 1 }));
  const session = open();
  for (const d of data.slice(0, 30)) await sign(await renderElhu(d, fonts), session);
  const times: number[] = [];
  for (const d of data.slice(30)) {
    const t0 = performance.now();
    await sign(await renderElhu(d, fonts), session);
    times.push(performance.now() - t0);
  }
  session.close();
  report({ name: 'render_sign_p50', value: percentile(times, 50), unit: 'ms', target: '< 15' });
  report({ name: 'render_sign_p95', value: percentile(times, 95), unit: 'ms', target: '' });

  // 2. A batch of 100 rendered reports in one signing session (unlock included), files written.
  const dir = mkdtempSync(join(tmpdir(), 'elhu-bench-'));
  try {
    const inDir = join(dir, 'in');
    const oursDir = join(dir, 'ours');
    const pdfsigDir = join(dir, 'pdfsig');
    for (const d of [inDir, oursDir, pdfsigDir]) mkdirSync(d);
    const unsigned: Uint8Array[] = [];
    for (let i = 0; i < BATCH; i++) {
      const u = await renderElhu(data[i]!, fonts);
      unsigned.push(u);
      writeFileSync(join(inDir, `${i}.pdf`), u);
    }
    const t0 = performance.now();
    const batch = open();
    for (let i = 0; i < BATCH; i++) writeFileSync(join(oursDir, `${i}.pdf`), await sign(unsigned[i]!, batch));
    batch.close();
    const ours = performance.now() - t0;
    report({ name: 'batch_100_total', value: ours, unit: 'ms', target: '' });

    // 3. pdfsig -add-signature with an NSS database holding the same key.
    const nss = join(dir, 'nss');
    mkdirSync(nss);
    const nssPassword = 'bench-nss';
    writeFileSync(join(dir, 'nsspw'), `${nssPassword}\n`);
    tool('certutil', ['-N', '-d', `sql:${nss}`, '-f', join(dir, 'nsspw')], 'libnss3-tools');
    tool(
      'pk12util',
      [
        '-i',
        join(KEYSTORE, 'kepala-balai-demo.p12'),
        '-d',
        `sql:${nss}`,
        '-W',
        PASSPHRASE,
        '-K',
        nssPassword,
      ],
      'libnss3-tools',
    );
    const nick = tool(
      'pdfsig',
      ['-nssdir', `sql:${nss}`, '-nss-pwd', nssPassword, '-list-nicks'],
      'poppler-utils',
    )
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !/nicknames available/i.test(l));
    if (!nick) throw new Error('pdfsig -list-nicks shows no certificate in the NSS database');
    const t1 = performance.now();
    for (let i = 0; i < BATCH; i++) {
      const r = spawnSync(
        'pdfsig',
        [
          '-nssdir',
          `sql:${nss}`,
          '-nss-pwd',
          nssPassword,
          '-add-signature',
          '-nick',
          nick,
          '-digest',
          'SHA256',
          '-reason',
          'Pengesahan Laporan Hasil Uji elektronik',
          join(inDir, `${i}.pdf`),
          join(pdfsigDir, `${i}.pdf`),
        ],
        { encoding: 'utf8' },
      );
      if (r.error) throw new Error(`pdfsig failed: ${r.error.message} (apt-get install -y poppler-utils)`);
      if (r.status !== 0) throw new Error(`pdfsig -add-signature failed: ${r.stderr}`);
    }
    const theirs = performance.now() - t1;
    const check = tool('pdfsig', [join(pdfsigDir, '0.pdf')], 'poppler-utils');
    if (!/Signature is Valid/.test(check))
      throw new Error(`pdfsig's own signature did not verify:\n${check}`);
    report({ name: 'pdfsig_100_total', value: theirs, unit: 'ms', target: '' });
    report({ name: 'pdfsig_vs_ours', value: theirs / BATCH / (ours / BATCH), unit: 'x', target: '>= 10' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
