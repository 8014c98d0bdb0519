/**
 * The Kepala Balai's signing on the desktop, working offline (issue 5, "Signing (TTE)"):
 *
 * - the signing queue: reports of the local copy waiting for this Kepala Balai's signature; while
 *   online, each one's unsigned E-LHU is downloaded into the workspace folder (its SHA-256 checked
 *   against report.documentHash), so signing needs no network;
 * - the PKCS#12 keystore, imported once into the workspace folder (the passphrase is never stored);
 *   wrong passphrases are counted in the outbox file, so the lockout survives restarts;
 * - signReports(): one signing session per batch (key unlocked once, forgotten in `finally`), each
 *   report signed in memory; then, in one local transaction, every signed file is stored and its
 *   'report.sign' command queued through the same decide + outbox path as the other actions;
 * - before a 'report.sign' command is first pushed, sync uploads its signed file (beforeSend);
 * - or, when the settings say `signing.source: 'token'`, the key stays on a PKCS#11 token (token.ts):
 *   the passphrase is the token's PIN, no keystore file is needed, and the lockout is the token's own
 *   (no counter here). The token's certificate is recorded at its first signing, per token.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import type { OutboxCommand } from '../../../shared/api/sync';
import type { Order } from '../../../shared/domain/entities';
import type { Message, RejectionCode } from '../../../shared/domain/rejections';
import { awaitsSignatureOf, currentReport } from '../../../shared/domain/state';
import type { ElhuFonts } from '../../../shared/elhu/types';
import { ActionRejectedError, type ActionResult, type LocalActions } from '../actions/local-actions';
import { ApiError, type ApiClient } from '../api/client';
import type { Session, SessionUser } from '../auth/session';
import type { ServerClock } from '../clock';
import type { LocalStore } from '../localdb/store';
import { errorFields, SILENT_LOGGER, type Logger } from '../log/logger';
import { SigningError } from './errors';
import type { KeystoreInfoView, SigningQueueItemView, SigningSource } from '../../../shared/bridge/models';
import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy, type LockoutRecord, type LockoutStore } from './lockout';
import { openSigningSession, type SigningSession } from './session';
import { sha256Hex, signElhu } from './sign-elhu';
import { openTokenSigningSession, type TokenSigningSession } from './token';

export interface ReportRefInput {
  orderId: string;
  sampleId: string;
  reportId: string;
}

/** A report waiting for this Kepala Balai's signature: the bridge's schema is the type. */
export type SigningQueueItem = SigningQueueItemView;

/** The imported keystore; `fingerprint` is known once it was opened (at import with the passphrase, or at the first signing). */
export type KeystoreInfo = KeystoreInfoView;

export interface SignedReport extends ReportRefInput {
  reportNumber: string;
  signedHash: string;
  commandId: string;
  order: Order;
}

/** The signer's identity as the server has it (the user record from login / /auth/me). */
export interface SignerIdentity {
  name: string;
  nip: string | null;
}

/** Wrong-passphrase counters in the outbox file (never rebuilt), so the lockout survives restarts. */
export class SqliteLockoutStore implements LockoutStore {
  constructor(private readonly store: LocalStore) {}
  get(key: string): LockoutRecord | undefined {
    const r = this.store.sql.get(
      this.store.sql.q.selectFrom('ob.signing_lockout').selectAll().where('key', '=', key),
    );
    return r ? { failures: r.failures, lockedUntil: r.locked_until } : undefined;
  }
  set(key: string, record: LockoutRecord): void {
    this.store.sql.run(
      this.store.sql.q
        .insertInto('ob.signing_lockout')
        .values({ key, failures: record.failures, locked_until: record.lockedUntil })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ failures: record.failures, locked_until: record.lockedUntil }),
        ),
    );
  }
}

export interface DesktopSigningDeps {
  store: LocalStore;
  /** The workspace folder (per server and user): keystore and downloaded E-LHUs go below it. */
  dir: string;
  clock: ServerClock;
  api: ApiClient;
  actions: LocalActions;
  user: () => SessionUser;
  signer: () => SignerIdentity | null;
  /** The unit's city, for the signature's /Location. */
  location: () => string;
  fonts: () => ElhuFonts;
  policy?: LockoutPolicy;
  /** The Kepala Balai's choice in the settings: key file (default) or PKCS#11 token. */
  source?: () => SigningSource | undefined;
  /** Signing outcomes and refusals, upload refusals: never the passphrase or PIN (they are not passed on). */
  logger?: Logger;
}

/** What the signing dialog shows: where the key is, and the certificate recorded for it. */
export interface SigningSourceInfo {
  source: 'file' | 'token';
  /** Token only: the module path and the token's label (or slot) as configured. */
  modulePath: string | null;
  tokenLabel: string | null;
  slot: number | null;
  /** Token only: the certificate recorded at its first signing (null before). */
  fingerprint: string | null;
  subject: string | null;
  validTo: string | null;
}

const LOCKOUT_KEY = 'keystore';
const META_FINGERPRINT = 'signing.certificate_fingerprint';
const META_KEYSTORE = 'signing.keystore';
/** The token's certificate, recorded at its first signing: {token, fingerprint, subject, validTo}. */
const META_TOKEN = 'signing.token_certificate';
const HEX64 = /^[0-9a-f]{64}$/;

export class DesktopSigning {
  readonly lockout: SqliteLockoutStore;
  private readonly log: Logger;

  constructor(private readonly deps: DesktopSigningDeps) {
    this.lockout = new SqliteLockoutStore(deps.store);
    this.log = deps.logger ?? SILENT_LOGGER;
  }

  private get keystorePath(): string {
    return join(this.deps.dir, 'signing', 'keystore.p12');
  }

  private get documentsDir(): string {
    return join(this.deps.dir, 'elhu-unsigned');
  }

  private documentPath(reportId: string, documentHash: string): string {
    return join(this.documentsDir, `${reportId}.${documentHash}.pdf`);
  }

  // -------------------------------------------------------------------------------------------
  // Queue

  /** Reports of the local copy waiting for this Kepala Balai's signature (as the user sees them, pending commands applied). */
  queue(): SigningQueueItem[] {
    const me = this.deps.user().id;
    const out: SigningQueueItem[] = [];
    for (const order of this.deps.store.allOrders()) {
      for (const s of order.samples) {
        const r = currentReport(s);
        if (!r || !awaitsSignatureOf(r, me) || !r.documentHash) continue;
        out.push({
          orderId: order.id,
          sampleId: s.id,
          reportId: r.id,
          orderNumber: order.number,
          sampleNumber: s.number,
          sampleTypeName: s.sampleTypeName,
          customerLabel: s.customerLabel,
          reportNumber: r.number,
          documentHash: r.documentHash,
          issuedAt: r.issuedAt,
          documentReady: existsSync(this.documentPath(r.id, r.documentHash)),
        });
      }
    }
    return out.sort(
      (a, b) =>
        (a.issuedAt ?? '').localeCompare(b.issuedAt ?? '') || a.reportNumber.localeCompare(b.reportNumber),
    );
  }

  /**
   * Download the unsigned E-LHU of every queued report not on this workstation yet (after each
   * pull), and remove the files of reports no longer queued. A file whose SHA-256 is not the
   * report's documentHash is not kept. A network error stops here (the next sync tries again).
   */
  async cacheDocuments(session: Session): Promise<{ downloaded: number; removed: number }> {
    const queue = this.queue();
    let downloaded = 0;
    for (const item of queue) {
      if (item.documentReady || !HEX64.test(item.documentHash)) continue;
      let pdf: Uint8Array;
      try {
        pdf = await session.withAuth((t) => this.deps.api.reportFile(t, item));
      } catch (e) {
        if (e instanceof ApiError && e.kind === 'client') continue; // gone meanwhile: the next pull says so
        throw e;
      }
      // Not the document queued (changed on the server since the pull): the next pull brings the new hash.
      if (sha256Hex(pdf) !== item.documentHash) {
        this.log.warn('signing: downloaded E-LHU is not the queued document; not kept', {
          reportId: item.reportId,
          documentHash: item.documentHash,
        });
        continue;
      }
      mkdirSync(this.documentsDir, { recursive: true });
      const path = this.documentPath(item.reportId, item.documentHash);
      const tmp = `${path}.tmp`;
      writeFileSync(tmp, pdf);
      renameSync(tmp, path);
      downloaded += 1;
    }
    let removed = 0;
    if (existsSync(this.documentsDir)) {
      const now = this.queue();
      const keep = new Set(now.map((i) => `${i.reportId}.${i.documentHash}.pdf`));
      // An older version of a queued report stays until its new version is here (signing then says "changed").
      const waiting = new Set(now.filter((i) => !i.documentReady).map((i) => i.reportId));
      for (const f of readdirSync(this.documentsDir)) {
        if (keep.has(f) || waiting.has(f.split('.')[0]!)) continue;
        rmSync(join(this.documentsDir, f), { force: true });
        removed += 1;
      }
    }
    if (downloaded + removed > 0) this.log.info('signing: queue documents updated', { downloaded, removed });
    return { downloaded, removed };
  }

  // -------------------------------------------------------------------------------------------
  // Keystore

  /**
   * Import the Kepala Balai's PKCS#12 keystore once: copied (as it is, encrypted by its
   * passphrase) into the workspace folder. With the passphrase, the keystore is opened to check it
   * and its certificate is recorded (the passphrase counts towards the lockout and is not kept);
   * without it, only its structure is checked and the certificate is recorded at the first signing.
   */
  importKeystore(source: string | Uint8Array, passphrase?: string): KeystoreInfo {
    const bytes = typeof source === 'string' ? new Uint8Array(readFileSync(source)) : source;
    assertPkcs12(bytes);
    let cert: SigningSession['certificate'] | null = null;
    if (passphrase !== undefined) {
      const session = this.open(bytes, passphrase, { pinned: null });
      try {
        cert = session.certificate;
      } finally {
        session.close();
      }
    }
    const dir = join(this.deps.dir, 'signing');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.keystorePath}.tmp`;
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, this.keystorePath);
    const info: KeystoreInfo = {
      importedAt: this.deps.clock.now().toISOString(),
      fingerprint: cert?.fingerprint ?? null,
      subject: cert?.commonName ?? null,
      validFrom: cert?.validFrom.toISOString() ?? null,
      validTo: cert?.validTo.toISOString() ?? null,
    };
    this.deps.store.sql.tx(() => {
      this.setMeta(META_KEYSTORE, JSON.stringify(info));
      if (cert) this.setMeta(META_FINGERPRINT, cert.fingerprint);
      else this.deleteMeta(META_FINGERPRINT);
    });
    return info;
  }

  /** The imported keystore, or null. */
  keystore(): KeystoreInfo | null {
    if (!existsSync(this.keystorePath)) return null;
    const m = this.getMeta(META_KEYSTORE);
    return m
      ? (JSON.parse(m) as KeystoreInfo)
      : { importedAt: '', fingerprint: null, subject: null, validFrom: null, validTo: null };
  }

  /** The lockout as it stands (for the passphrase dialog). */
  lockoutState(): { failures: number; lockedUntil: string | null; attemptsLeft: number } {
    const r = this.lockout.get(LOCKOUT_KEY) ?? { failures: 0, lockedUntil: null };
    const policy = this.deps.policy ?? DEFAULT_LOCKOUT_POLICY;
    const locked = r.lockedUntil !== null && this.deps.clock.now().getTime() < r.lockedUntil;
    return {
      failures: locked || r.lockedUntil === null ? r.failures : 0,
      lockedUntil: locked ? new Date(r.lockedUntil!).toISOString() : null,
      attemptsLeft: locked ? 0 : Math.max(0, policy.maxFailures - (r.lockedUntil === null ? r.failures : 0)),
    };
  }

  private open(p12: Uint8Array, passphrase: string, opts: { pinned: string | null }): SigningSession {
    const base = {
      p12,
      passphrase,
      now: () => this.deps.clock.now(),
      lockout: this.lockout,
      lockoutKey: LOCKOUT_KEY,
      ...(this.deps.policy ? { policy: this.deps.policy } : {}),
    };
    if (opts.pinned) return openSigningSession({ ...base, expectedCertificateFingerprint: opts.pinned });
    // No certificate recorded yet: the first opening records the keystore's own (the server checks
    // it against the registered one at upload; the desktop cannot ask for it, see the report).
    try {
      return openSigningSession({ ...base, expectedCertificateFingerprint: '0'.repeat(64) });
    } catch (e) {
      if (e instanceof SigningError && e.code === 'certificate_mismatch' && e.details.fingerprint) {
        return openSigningSession({ ...base, expectedCertificateFingerprint: e.details.fingerprint });
      }
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Signing

  /**
   * Sign a batch of queued reports with one passphrase entry. Every check that needs no key comes
   * first (queued for me, document downloaded and unchanged, keystore and NIP known), then the
   * keystore is unlocked once, every report is signed in memory, and only when all are signed are
   * the files stored and the commands queued, in one transaction. Any refusal (SigningError)
   * writes nothing. The key is forgotten when this returns or throws.
   */
  async signReports(
    refs: readonly ReportRefInput[],
    passphrase: string,
    onProgress?: (done: number, total: number, reportId: string | null) => void,
  ): Promise<SignedReport[]> {
    if (refs.length === 0) return [];
    const source = this.tokenSetting() ? 'token' : 'file';
    try {
      const signed = await this.signBatch(refs, passphrase, onProgress);
      this.log.info('signing: reports signed', {
        source,
        reports: signed.map((r) => ({ reportId: r.reportId, commandId: r.commandId })),
      });
      return signed;
    } catch (e) {
      // What refused and why (its code and details: tries left, certificate dates, hashes); the
      // passphrase or PIN is no field of the error and is never passed here.
      if (e instanceof SigningError)
        this.log.warn('signing: refused', { source, reports: refs.length, code: e.code, details: e.details });
      else this.log.error('signing: failed', { source, reports: refs.length, ...errorFields(e, true) });
      throw e;
    }
  }

  private async signBatch(
    refs: readonly ReportRefInput[],
    passphrase: string,
    onProgress?: (done: number, total: number, reportId: string | null) => void,
  ): Promise<SignedReport[]> {
    const token = this.tokenSetting();
    if (!token && !existsSync(this.keystorePath)) {
      throw new SigningError(
        'no_keystore',
        'Keystore TTE belum diimpor di komputer ini.',
        'No signing keystore has been imported on this computer.',
      );
    }
    const signer = this.deps.signer();
    if (!signer?.nip) {
      throw new SigningError(
        'signer_unknown',
        'NIP Anda belum diketahui di komputer ini; sambungkan ke server sekali, lalu coba lagi.',
        'Your NIP is not known on this computer yet; connect to the server once, then try again.',
      );
    }
    const queue = this.queue();
    const items = refs.map((ref) => {
      const item = queue.find(
        (q) => q.orderId === ref.orderId && q.sampleId === ref.sampleId && q.reportId === ref.reportId,
      );
      if (!item) {
        throw new SigningError(
          'not_in_queue',
          'E-LHU ini tidak (lagi) menunggu tanda tangan Anda.',
          'This report is not (or no longer) waiting for your signature.',
        );
      }
      return { item, pdf: this.readDocument(item) };
    });
    const session = token ? await this.openToken(token, passphrase) : this.openKeystore(passphrase);
    const signed: { item: SigningQueueItem; data: Uint8Array; signedHash: string }[] = [];
    try {
      if (token) {
        if (!this.tokenRecord(token)) this.recordTokenCertificate(token, session as TokenSigningSession);
      } else if (!this.getMeta(META_FINGERPRINT)) {
        this.recordCertificate(session);
      }
      const signingTime = this.deps.clock.now();
      const fonts = this.deps.fonts();
      const location = this.deps.location();
      for (const { item, pdf } of items) {
        const data = await signElhu(pdf, session, {
          name: signer.name,
          nip: signer.nip,
          signingTime,
          expectedDocumentHash: item.documentHash,
          fonts,
          location,
        });
        signed.push({ item, data, signedHash: sha256Hex(data) });
        onProgress?.(signed.length, items.length, item.reportId);
      }
    } finally {
      session.close();
    }
    const at = this.deps.clock.now().toISOString();
    const { store, actions } = this.deps;
    return store.sql.tx(() =>
      signed.map(({ item, data, signedHash }) => {
        const r: ActionResult = actions.issue('report.sign', item.orderId, {
          sampleId: item.sampleId,
          reportId: item.reportId,
          signedHash,
        });
        store.sql.run(
          store.sql.q.insertInto('ob.signed_reports').values({
            command_id: r.command.id,
            order_id: item.orderId,
            sample_id: item.sampleId,
            report_id: item.reportId,
            report_number: item.reportNumber,
            document_hash: item.documentHash,
            signed_hash: signedHash,
            data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
            signed_at: at,
            uploaded_at: null,
            upload_error: null,
          }),
        );
        return {
          orderId: item.orderId,
          sampleId: item.sampleId,
          reportId: item.reportId,
          reportNumber: item.reportNumber,
          signedHash,
          commandId: r.command.id,
          order: r.order,
        };
      }),
    );
  }

  private openKeystore(passphrase: string): SigningSession {
    return this.open(new Uint8Array(readFileSync(this.keystorePath)), passphrase, {
      pinned: this.getMeta(META_FINGERPRINT),
    });
  }

  /** The token setting when the Kepala Balai chose a token (a token without a module path is refused by the settings schema). */
  private tokenSetting(): (SigningSource & { modulePath: string }) | null {
    const s = this.deps.source?.();
    return s?.source === 'token' && s.modulePath ? { ...s, modulePath: s.modulePath } : null;
  }

  private static tokenKey(t: SigningSource): string {
    return JSON.stringify([t.modulePath ?? '', t.tokenLabel ?? '', t.slot ?? 0]);
  }

  private tokenRecord(t: SigningSource): { fingerprint: string; subject: string; validTo: string } | null {
    const m = this.getMeta(META_TOKEN);
    if (!m) return null;
    const r = JSON.parse(m) as { token: string; fingerprint: string; subject: string; validTo: string };
    return r.token === DesktopSigning.tokenKey(t) ? r : null;
  }

  private openToken(t: SigningSource & { modulePath: string }, pin: string): Promise<TokenSigningSession> {
    return openTokenSigningSession({
      modulePath: t.modulePath,
      ...(t.tokenLabel !== undefined ? { tokenLabel: t.tokenLabel } : {}),
      ...(t.slot !== undefined ? { slot: t.slot } : {}),
      pin,
      expectedCertificateFingerprint: this.tokenRecord(t)?.fingerprint ?? null,
      now: () => this.deps.clock.now(),
    });
  }

  private recordTokenCertificate(t: SigningSource, session: TokenSigningSession): void {
    const c = session.certificate;
    this.setMeta(
      META_TOKEN,
      JSON.stringify({
        token: DesktopSigning.tokenKey(t),
        fingerprint: c.fingerprint,
        subject: c.commonName,
        validTo: c.validTo.toISOString(),
        label: session.tokenLabel,
      }),
    );
  }

  /** Where the key is as the settings say, with the token's recorded certificate (for the signing dialog). */
  sourceInfo(): SigningSourceInfo {
    const t = this.tokenSetting();
    if (!t)
      return {
        source: 'file',
        modulePath: null,
        tokenLabel: null,
        slot: null,
        fingerprint: null,
        subject: null,
        validTo: null,
      };
    const r = this.tokenRecord(t);
    return {
      source: 'token',
      modulePath: t.modulePath,
      tokenLabel: t.tokenLabel ?? null,
      slot: t.slot ?? null,
      fingerprint: r?.fingerprint ?? null,
      subject: r?.subject ?? null,
      validTo: r?.validTo ?? null,
    };
  }

  /** The unsigned E-LHU of a queued report as cached here (the preview); SigningError when it is not here. */
  document(reportId: string): Uint8Array {
    const item = this.queue().find((q) => q.reportId === reportId);
    if (!item) {
      throw new SigningError(
        'not_in_queue',
        'E-LHU ini tidak (lagi) menunggu tanda tangan Anda.',
        'This report is not (or no longer) waiting for your signature.',
      );
    }
    return this.readDocument(item);
  }

  private readDocument(item: SigningQueueItem): Uint8Array {
    const path = this.documentPath(item.reportId, item.documentHash);
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
    // An older version of this report is here: it changed since it was queued.
    const older = existsSync(this.documentsDir)
      ? readdirSync(this.documentsDir).find((f) => f.startsWith(`${item.reportId}.`) && f.endsWith('.pdf'))
      : undefined;
    if (older) {
      const actualHash = createHash('sha256')
        .update(readFileSync(join(this.documentsDir, older)))
        .digest('hex');
      throw new SigningError(
        'document_changed',
        'Laporan telah berubah sejak diunduh untuk ditandatangani; sambungkan ke server untuk mengunduh versi barunya.',
        'The report changed since it was downloaded for signing; connect to the server to download its new version.',
        { expectedHash: item.documentHash, actualHash },
      );
    }
    throw new SigningError(
      'document_unavailable',
      `E-LHU ${item.reportNumber} belum diunduh ke komputer ini; sambungkan ke server sekali, lalu coba lagi.`,
      `Report ${item.reportNumber} has not been downloaded to this computer yet; connect to the server once, then try again.`,
      { expectedHash: item.documentHash },
    );
  }

  private recordCertificate(session: SigningSession): void {
    const c = session.certificate;
    const prev = this.keystore();
    this.deps.store.sql.tx(() => {
      this.setMeta(META_FINGERPRINT, c.fingerprint);
      this.setMeta(
        META_KEYSTORE,
        JSON.stringify({
          importedAt: prev?.importedAt ?? '',
          fingerprint: c.fingerprint,
          subject: c.commonName,
          validFrom: c.validFrom.toISOString(),
          validTo: c.validTo.toISOString(),
        } satisfies KeystoreInfo),
      );
    });
  }

  /** Refuse to sign, with a reason (back to CS): an offline action queuing 'report.refuse'. */
  refuseReport(orderId: string, sampleId: string, reportId: string, reason: string): ActionResult {
    return this.deps.actions.issue('report.refuse', orderId, { sampleId, reportId, reason });
  }

  // -------------------------------------------------------------------------------------------
  // Upload (sync)

  /**
   * Before a 'report.sign' command is first pushed: upload its signed file (PUT signed-file). A
   * network error or 5xx throws (the sync retries); a 4xx (e.g. the signature does not verify, the
   * report is no longer waiting) refuses the command with the server's message.
   */
  async beforeSend(
    command: OutboxCommand,
    session: Session,
  ): Promise<{ code: RejectionCode; message: Message } | null> {
    if (command.type !== 'report.sign') return null;
    const { sql } = this.deps.store;
    const row = sql.get(
      sql.q.selectFrom('ob.signed_reports').selectAll().where('command_id', '=', command.id),
    );
    if (!row || row.uploaded_at !== null) return null;
    const ref = { orderId: row.order_id, sampleId: row.sample_id, reportId: row.report_id };
    try {
      const res = await session.withAuth((t) =>
        this.deps.api.uploadSignedFile(t, ref, new Uint8Array(row.data)),
      );
      if (res.signedHash !== row.signed_hash) {
        this.log.error('signing: the server stored the signed E-LHU with another hash', {
          ...ref,
          commandId: command.id,
          signedHash: row.signed_hash,
          storedHash: res.signedHash,
        });
        const message = {
          id: 'Server menyimpan berkas dengan hash lain dari yang ditandatangani di sini.',
          en: 'The server stored a file with another hash than the one signed here.',
        };
        sql.run(
          sql.q
            .updateTable('ob.signed_reports')
            .set({ upload_error: JSON.stringify(message) })
            .where('command_id', '=', command.id),
        );
        return { code: 'invalid_payload', message };
      }
      sql.run(
        sql.q
          .updateTable('ob.signed_reports')
          .set({ uploaded_at: this.deps.clock.now().toISOString(), upload_error: null })
          .where('command_id', '=', command.id),
      );
      this.log.info('signing: signed E-LHU uploaded', { ...ref, commandId: command.id });
      return null;
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'client') {
        this.log.warn('signing: the server refused the signed E-LHU', {
          ...ref,
          commandId: command.id,
          status: e.status,
          code: e.code,
        });
        const message = e.serverMessage ?? {
          id: `Server menolak E-LHU bertanda tangan ini (HTTP ${e.status ?? '?'}).`,
          en: `The server refused this signed report (HTTP ${e.status ?? '?'}).`,
        };
        sql.run(
          sql.q
            .updateTable('ob.signed_reports')
            .set({ upload_error: JSON.stringify(message) })
            .where('command_id', '=', command.id),
        );
        const code: RejectionCode =
          e.status === 404 ? 'not_found' : e.status === 409 ? 'invalid_transition' : 'invalid_payload';
        return { code, message };
      }
      if (e instanceof ApiError) {
        sql.run(
          sql.q
            .updateTable('ob.signed_reports')
            .set({ upload_error: e.message.slice(0, 500) })
            .where('command_id', '=', command.id),
        );
      }
      throw e;
    }
  }

  /** Signed reports whose signature has not reached the server yet (file or command still to go). */
  awaitingUpload(): number {
    const r = this.deps.store.ws.db
      .prepare(
        `SELECT count(*) AS n FROM ob.signed_reports s JOIN ob.outbox o ON o.command_id = s.command_id WHERE o.status IN ('pending', 'sent', 'blocked')`,
      )
      .get() as { n: number };
    return r.n;
  }

  /** The signed E-LHU made here for a report (the newest), or null. */
  signedFile(
    reportId: string,
  ): { data: Uint8Array; signedHash: string; uploadedAt: string | null; commandId: string } | null {
    const { sql } = this.deps.store;
    const r = sql.get(
      sql.q
        .selectFrom('ob.signed_reports')
        .selectAll()
        .where('report_id', '=', reportId)
        .orderBy('signed_at', 'desc')
        .limit(1),
    );
    return r
      ? {
          data: new Uint8Array(r.data),
          signedHash: r.signed_hash,
          uploadedAt: r.uploaded_at,
          commandId: r.command_id,
        }
      : null;
  }

  /**
   * Redo of a rejected 'report.sign': allowed only while the report still waits for this signature
   * on the same document (else the Kepala Balai signs again); the signed file follows the new command.
   */
  redoSign(commandId: string, redo: () => ActionResult): ActionResult {
    const { store } = this.deps;
    return store.sql.tx(() => {
      const row = store.sql.get(
        store.sql.q.selectFrom('ob.signed_reports').selectAll().where('command_id', '=', commandId),
      );
      if (row) {
        const order = store.order(row.order_id);
        const r = order?.samples
          .find((s) => s.id === row.sample_id)
          ?.reports.find((x) => x.id === row.report_id);
        if (!r || r.status !== 'awaiting_signature' || r.documentHash !== row.document_hash) {
          throw new ActionRejectedError('invalid_transition', {
            id: 'Laporan ini berubah sejak ditandatangani; tanda tangani lagi dari antrean.',
            en: 'This report changed since it was signed; sign it again from the queue.',
          });
        }
      }
      const result = redo();
      if (row)
        store.sql.run(
          store.sql.q
            .updateTable('ob.signed_reports')
            .set({ command_id: result.command.id })
            .where('command_id', '=', commandId),
        );
      return result;
    });
  }

  // -------------------------------------------------------------------------------------------

  private getMeta(key: string): string | null {
    const { sql } = this.deps.store;
    return sql.get(sql.q.selectFrom('ob.meta').select('value').where('key', '=', key))?.value ?? null;
  }
  private setMeta(key: string, value: string): void {
    const { sql } = this.deps.store;
    sql.run(
      sql.q
        .insertInto('ob.meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
    );
  }
  private deleteMeta(key: string): void {
    const { sql } = this.deps.store;
    sql.run(sql.q.deleteFrom('ob.meta').where('key', '=', key));
  }
}

/** A PKCS#12 PFX: SEQUENCE { INTEGER 3, ContentInfo, ... } (checked without the passphrase). */
function assertPkcs12(bytes: Uint8Array): void {
  const bad = () =>
    new SigningError(
      'keystore_invalid',
      'Berkas bukan keystore PKCS#12 yang sah.',
      'The file is not a valid PKCS#12 keystore.',
    );
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary'),
    );
  } catch {
    throw bad();
  }
  const parts = asn1.value;
  if (!Array.isArray(parts) || parts.length < 2) throw bad();
  const version = parts[0]!;
  if (
    version.type !== forge.asn1.Type.INTEGER ||
    typeof version.value !== 'string' ||
    version.value !== '\x03'
  )
    throw bad();
}
