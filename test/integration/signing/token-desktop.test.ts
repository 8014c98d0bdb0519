/**
 * The Kepala Balai's desktop with the key on a PKCS#11 token (SoftHSM2): the settings say
 * `signing: {source: 'token', modulePath, tokenLabel}`, no keystore file is imported, the PIN is
 * the passphrase; the batch is signed offline and the server accepts the files (its verifier and the
 * registered certificate) when the network returns. A wrong PIN writes nothing and is not counted
 * here (the token keeps its own count).
 *
 * Skipped, with the reason, where softhsm2 or the pkcs11js addon is missing; .ci/run installs softhsm2.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigningError } from '../../../main/services/signing/errors';
import type { SigningSource } from '../../../shared/bridge/models';
import { currentReport } from '../../../shared/domain/state';
import { DEMO_PASSPHRASE, KEYSTORE_DIR, demoFingerprint } from '../../unit/elhu/helpers';
import { onSigningOffice, refsOf } from './support/kb-desktops';
import { makeSoftHsmToken, softhsmAvailable, type SoftHsmToken } from './support/softhsm';

const why = softhsmAvailable();
if (why) console.warn(`[token-desktop.test] ${why}`);

describe.skipIf(why !== null)(
  `Kepala Balai signs with a PKCS#11 token (SoftHSM2)${why ? ` — skipped: ${why}` : ''}`,
  () => {
    const signing = onSigningOffice('sippt-token-');
    let token: SoftHsmToken;

    beforeAll(() => {
      token = makeSoftHsmToken({
        p12Path: join(KEYSTORE_DIR, 'kepala-balai-demo.p12'),
        p12Passphrase: DEMO_PASSPHRASE,
      });
    });
    afterAll(() => token?.cleanup());

    it('no keystore file: the PIN opens the token, the batch is signed offline, the server accepts it; a wrong PIN writes nothing', async () => {
      const order = await signing.office.orderAwaitingSignature({ params: 1 });
      let setting: SigningSource | undefined = {
        source: 'token',
        modulePath: token.modulePath,
        tokenLabel: token.label,
      };
      const { core, proxy } = await signing.kbDesktop('kb-token', { signing: { source: () => setting } });
      await core.syncNow();
      expect(core.keystore()).toBeNull();
      expect(core.signingSource()).toMatchObject({
        source: 'token',
        tokenLabel: 'sippt-test',
        fingerprint: null,
      });
      const refs = refsOf(order);

      proxy.offline = true;
      const outboxBefore = core.diagnostics.store.commands().length;
      for (let i = 0; i < 6; i++) {
        // More wrong PINs than the key-file lockout allows: the count is the token's, not ours.
        const e = await core.signReports(refs, '9999').catch((x: unknown) => x);
        expect(e).toBeInstanceOf(SigningError);
        expect((e as SigningError).code).toBe('wrong_passphrase');
        expect((e as SigningError).messageEn).toMatch(/Wrong token PIN/);
      }
      expect(core.diagnostics.store.commands().length).toBe(outboxBefore);
      expect(core.signingLockout().lockedUntil).toBeNull();

      const signed = await core.signReports(refs, token.pin);
      expect(signed).toHaveLength(1);
      expect(core.signingSource()).toMatchObject({
        source: 'token',
        fingerprint: demoFingerprint(),
        subject: expect.stringContaining('Hendra'),
      });

      proxy.offline = false;
      await core.syncNow();
      expect(core.status()).toMatchObject({ signedAwaitingUpload: 0, pending: 0, rejected: 0 });
      const onServer = await signing.office.order(order.id);
      const r = currentReport(onServer.samples[0]!)!;
      expect(r.status).toBe('signed');
      expect(r.signedHash).toBe(signed[0]!.signedHash);
      const path = join(signing.dir, 'token-desktop.pdf');
      writeFileSync(path, core.diagnostics.signing.signedFile(r.id)!.data);
      expect(execFileSync('pdfsig', [path], { encoding: 'utf8' })).toContain(
        'Signature Validation: Signature is Valid.',
      );

      // Back to the key file in the settings: no keystore imported here, said so.
      setting = { source: 'file' };
      expect(core.signingSource().source).toBe('file');
    });
  },
);
