/**
 * The one map from the bridge's call names (shared/bridge) to DesktopServices. Both transports
 * (Electron IPC through the preload, and the loopback HTTP host) hand every `invoke(name, input)`
 * to this map and send back its Envelope as it is. Here, and only here:
 *
 * - every input is checked against its call's zod schema before anything runs (nothing is written
 *   for a bad one), and a call that needs a session gets `not_signed_in` without one;
 * - every thrown error becomes an envelope the UI can branch on; a bug is `internal` with a plain
 *   message, and its cause goes to the host's log;
 * - secrets (passwords, passphrases) are passed on and forgotten: never logged, never kept.
 *
 * A missing handler fails the typecheck (the map is a mapped type over BridgeCallName).
 */
import { z } from 'zod';
import { ApiError } from '../api/client';
import { ActionRejectedError } from '../actions/local-actions';
import { LoginError, SessionEndedError } from '../auth/session';
import { NotSignedInError, type ActionDone, type DesktopEventName, type DesktopServices } from '../desktop';
import { CursorError, StoredRowError } from '../localdb/store';
import { errorFields, type Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings';
import { SigningError } from '../signing/errors';
import { OnlineRefusedError } from '../online/requests';
import { ONLINE_HANDLERS } from './online';
import {
  BRIDGE_CALLS,
  fail,
  isBridgeCallName,
  ok,
  type ActionOutcome,
  type BridgeCallName,
  type BridgeError as BridgeFailure,
  type BridgeErrorCode,
  type BridgeEventName,
  type CallArgs,
  type CallOutput,
  type Envelope,
  type EventPayload,
  type ReceiptCheck,
} from '../../../shared/bridge';
import type { Message } from '../../../shared/domain/rejections';
import { REJECTION_CODES } from '../../../shared/domain/rejections';

export interface AppInfoInput {
  version: string;
  host: 'electron' | 'web';
  /** The unit's name before anyone signed in (after, the catalog's). */
  unitName?: string | null;
}

export interface BridgeDeps {
  /**
   * The engine: one instance bound to a server, or a factory called with the server address the
   * login uses (the first run asks for it). A factory's instances are the bridge's to close.
   */
  services: DesktopServices | ((serverUrl: string) => DesktopServices);
  settings: SettingsStore;
  app: AppInfoInput;
  /** The Electron shell's file dialog for `signing.importKeystore` with `file: null`; resolves null when cancelled. */
  pickKeystore?: () => Promise<{ name: string; bytes: Uint8Array } | null>;
  /** The host's logger, for bugs only. Never receives a call's input. */
  logger?: Logger;
  /** Check every answer against its output schema (default true; cheap). A failing answer is a bug: `internal`. */
  validateOutputs?: boolean;
}

export interface Bridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on<E extends BridgeEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Detach from the engine (and close it when the bridge made it). */
  close(): void;
}

/** Calls whose input holds a secret: their input and anything derived from it stays out of logs. */
const SECRET_CALLS: ReadonlySet<BridgeCallName> = new Set([
  'session.login',
  'session.relogin',
  'signing.sign',
  'signing.importKeystore',
]);

/** DesktopServices' events as the bridge's. */
const EVENT_OF: { [K in DesktopEventName]: BridgeEventName } = {
  status: 'sync.status',
  session: 'session.changed',
  data: 'data.changed',
  signing: 'signing.progress',
  outdated: 'client.outdated',
};

export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    readonly text: Message,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'BridgeError';
  }
}

interface Ctx {
  /** The engine for signed-in calls (the session check has passed). */
  core: DesktopServices;
  deps: BridgeDeps;
  /** The engine for this server address, made or swapped when the bridge has a factory. */
  coreFor(serverUrl: string | undefined): DesktopServices;
  current(): DesktopServices | null;
}

type Handler<N extends BridgeCallName> = (
  args: CallArgs<N>,
  ctx: Ctx,
) => CallOutput<N> | Promise<CallOutput<N>>;

function outcome(d: ActionDone): ActionOutcome {
  return {
    commandIds: d.commands.map((c) => c.id),
    summary: d.commands.map((c) => c.summary).join('\n'),
    order: d.order,
  };
}

/** The receipt checklist as the sample's recorded condition (one line, Indonesian as the lab writes it). */
export function receiptText(c: ReceiptCheck): string {
  const parts = [
    `Jumlah ${c.quantity === 'cukup' ? 'cukup' : 'tidak cukup'}`,
    `kondisi ${c.condition === 'baik' ? 'baik' : 'tidak baik'}`,
    `wadah ${c.container === 'baik' ? 'baik' : 'tidak baik'}`,
    c.sealIntact ? 'segel utuh' : 'segel tidak utuh',
  ];
  if (c.storage) parts.push(`penyimpanan: ${c.storage}`);
  if (c.note) parts.push(`catatan: ${c.note}`);
  return parts.join('; ');
}

const HANDLERS: { [N in BridgeCallName]: Handler<N> } = {
  'app.info': (_a, { deps, current }) => {
    const core = current();
    const unit = core?.signedIn ? core.reference<{ name?: string }>('unit')[0]?.name : undefined;
    return {
      version: deps.app.version,
      host: deps.app.host,
      serverUrl: core?.serverUrl ?? deps.settings.get().serverUrl,
      unitName: unit ?? deps.app.unitName ?? null,
    };
  },
  'settings.get': (_a, { deps }) => deps.settings.get(),
  'settings.update': (a, { deps }) => deps.settings.update(a),
  'client.notice': (_a, { current }) => current()?.outdatedNotice() ?? null,
  // The Electron shell answers this itself (main/shell/ipc-handler.ts); here there is no installer to run.
  'update.install': () => {
    throw new BridgeError('cancelled', {
      id: 'Pembaruan otomatis hanya ada di aplikasi yang terpasang. Minta bagian TI memasang versi terbaru SIPPT Lab.',
      en: 'Automatic updates exist only in the installed app. Ask your IT staff to install the latest SIPPT Lab.',
    });
  },

  'session.current': (_a, { current }) => current()?.session ?? null,
  'session.login': async (a, { coreFor, deps }) => {
    const core = coreFor(a.serverUrl);
    const info = await core.login(a.username, a.password, a.mode);
    deps.settings.update({ serverUrl: core.serverUrl, lastUser: a.username });
    return info;
  },
  'session.relogin': (a, { core }) => core.relogin(a.password),
  'session.logout': async (_a, { current }) => {
    const core = current();
    if (core?.signedIn) await core.logout();
    return null;
  },

  'sync.status': (_a, { core }) => core.status(),
  'sync.now': (_a, { core }) => core.syncNow(),
  'changes.list': (_a, { core }) => core.changes(),
  'changes.dismiss': (a, { core }) => core.dismiss(a.commandId),
  'changes.redo': (a, { core }) => outcome(core.redo(a.commandId)),

  'worklist.page': (a, { core }) => core.worklistPage(a),
  'worklist.facets': (_a, { core }) => core.worklistFacets(),
  'order.get': (a, { core }) => {
    const order = core.order(a.orderId);
    if (!order) {
      throw new ActionRejectedError('not_in_working_copy', {
        id: 'Pesanan ini tidak ada di salinan kerja Anda (mungkin sudah dialihkan). Sinkronkan lalu coba lagi.',
        en: 'This order is not in your working copy (it may have been reassigned). Sync and try again.',
      });
    }
    return { order, changes: core.orderChanges(a.orderId) };
  },
  'order.history': (a, { core }) => core.history(a.orderId),
  'reference.staff': (a, { core }) =>
    core.staff({
      ...(a.labId !== undefined ? { labId: a.labId } : {}),
      ...(a.role !== undefined ? { role: a.role } : {}),
    }),
  'reference.labs': (_a, { core }) => core.labs(),
  'reference.holidays': (_a, { core }) =>
    core
      .reference<{ date: string; name: string; kind: 'libur_nasional' | 'cuti_bersama' }>('holidays')
      .map((h) => ({ date: h.date, name: h.name, kind: h.kind })),

  'sample.accept': (a, { core }) => outcome(core.acceptSample(a.orderId, a.sampleId, receiptText(a.check))),
  'sample.reject': (a, { core }) => outcome(core.rejectSample(a.orderId, a.sampleId, a.reason)),
  'sample.assignAnalysts': (a, { core }) =>
    outcome(core.assignAnalysts(a.orderId, a.sampleId, a.assignments)),
  'results.verify': (a, { core }) => outcome(core.verifyResults(a.orderId, a.sampleId)),
  'analysis.requestRetest': (a, { core }) =>
    outcome(core.requestRetest(a.orderId, a.sampleId, a.analysisIds, a.reason, a.analystId)),

  'assignment.validate': (a, { core }) => outcome(core.validateAssignment(a.orderId, a.sampleId)),
  'assignment.return': (a, { core }) => outcome(core.returnAssignment(a.orderId, a.sampleId, a.reason)),
  'results.validate': (a, { core }) => outcome(core.validateResults(a.orderId, a.sampleId)),
  'results.return': (a, { core }) => outcome(core.returnResults(a.orderId, a.sampleId, a.reason)),

  'result.save': (a, { core }) =>
    outcome(
      core.saveResult(a.orderId, a.sampleId, a.analysisId, {
        value: a.value,
        notes: a.notes,
        uncertainty: a.uncertainty,
      }),
    ),
  'result.submit': (a, { core }) => outcome(core.submitResults(a.orderId, a.sampleId, a.analysisIds)),

  'signing.queue': (_a, { core }) => core.signingQueue(),
  'signing.document': (a, { core }) => ({
    base64: Buffer.from(core.signingDocument(a.reportId)).toString('base64'),
    pages: null,
  }),
  'signing.keystore': (_a, { core }) => ({ keystore: core.keystore(), lockout: core.signingLockout() }),
  'signing.importKeystore': async (a, { core, deps }) => {
    let bytes: Uint8Array;
    if (a.file) {
      bytes = new Uint8Array(Buffer.from(a.file.base64, 'base64'));
    } else if (deps.pickKeystore) {
      const picked = await deps.pickKeystore();
      if (!picked)
        throw new BridgeError('cancelled', {
          id: 'Pemilihan berkas dibatalkan.',
          en: 'Choosing the file was cancelled.',
        });
      bytes = picked.bytes;
    } else {
      throw new BridgeError('invalid_payload', {
        id: 'file: pilih berkas keystore PKCS#12 (.p12) lebih dulu.',
        en: 'file: choose the PKCS#12 keystore file (.p12) first.',
      });
    }
    return core.importKeystore(bytes, a.passphrase);
  },
  'signing.sign': async (a, { core }) => {
    const signed = await core.signReports(a.reports, a.passphrase);
    return {
      signed: signed.map((s) => ({
        reportId: s.reportId,
        reportNumber: s.reportNumber,
        commandId: s.commandId,
      })),
      failed: [],
      awaitingUpload: core.status().signedAwaitingUpload,
    };
  },
  'signing.refuse': (a, { core }) => outcome(core.refuseReport(a.orderId, a.sampleId, a.reportId, a.reason)),

  // Online staff screens (./online.ts)
  ...ONLINE_HANDLERS,
};

export function createBridge(deps: BridgeDeps): Bridge {
  const validateOutputs = deps.validateOutputs ?? true;
  const factory = typeof deps.services === 'function' ? deps.services : null;
  let core: DesktopServices | null = factory ? null : (deps.services as DesktopServices);
  const listeners = new Map<BridgeEventName, Set<(payload: unknown) => void>>();
  let detach: (() => void) | null = null;

  const forward = (c: DesktopServices) => {
    detach?.();
    const offs = (Object.keys(EVENT_OF) as DesktopEventName[]).map((e) =>
      c.on(e, (payload) => {
        for (const l of [...(listeners.get(EVENT_OF[e]) ?? [])]) {
          try {
            l(payload);
          } catch (err) {
            deps.logger?.error('bridge: an event listener failed', {
              event: EVENT_OF[e],
              ...errorFields(err, true),
            });
          }
        }
      }),
    );
    detach = () => offs.forEach((off) => off());
  };
  if (core) forward(core);

  const coreFor = (serverUrl: string | undefined): DesktopServices => {
    const url = serverUrl ?? deps.settings.get().serverUrl;
    if (!factory) {
      if (serverUrl !== undefined && core && normalize(serverUrl) !== normalize(core.serverUrl)) {
        throw new BridgeError('invalid_payload', {
          id: `serverUrl: aplikasi ini terhubung ke ${core.serverUrl}; alamat lain tidak dapat dipakai di sini.`,
          en: `serverUrl: this app is bound to ${core.serverUrl}; another address cannot be used here.`,
        });
      }
      return core!;
    }
    if (!url) {
      throw new BridgeError('invalid_payload', {
        id: 'serverUrl: isi alamat server (http(s)://…) untuk masuk pertama kali.',
        en: 'serverUrl: enter the server address (http(s)://…) to sign in the first time.',
      });
    }
    if (core && normalize(core.serverUrl) === normalize(url)) return core;
    core?.close();
    core = factory(url);
    forward(core);
    return core;
  };

  const invoke = async (name: string, input: unknown): Promise<Envelope<unknown>> => {
    if (!isBridgeCallName(name)) {
      return fail('unknown_call', {
        id: `Panggilan tidak dikenal: ${clip(name)}`,
        en: `Unknown call: ${clip(name)}`,
      });
    }
    const spec = BRIDGE_CALLS[name];
    // reportInput: an issue then says whether the field was missing or of the wrong type (the input is never shown or logged).
    const parsed = spec.input.safeParse(input === undefined ? {} : input, { reportInput: true });
    if (!parsed.success)
      return fail('invalid_payload', invalidInput(name, parsed.error), { issues: issuePaths(parsed.error) });
    if (spec.session && !core?.signedIn) {
      return fail('not_signed_in', {
        id: 'Belum masuk: silakan masuk dulu.',
        en: 'Not signed in: please sign in first.',
      });
    }
    try {
      const ctx: Ctx = { core: core as DesktopServices, deps, coreFor, current: () => core };
      const value = await (HANDLERS[name] as Handler<BridgeCallName>)(parsed.data as never, ctx);
      if (validateOutputs) {
        const out = spec.output.safeParse(value);
        if (!out.success) {
          deps.logger?.error('bridge: an answer breaks its schema (a bug)', {
            call: name,
            issues: issuePaths(out.error),
          });
          return fail('internal', {
            id: 'Terjadi kesalahan di aplikasi (jawaban tidak sesuai kontrak). Sudah dicatat.',
            en: 'Something went wrong in the app (an answer broke the contract). It has been logged.',
          });
        }
      }
      return ok(value);
    } catch (e) {
      if (e instanceof StoredRowError && e.kind === 'order' && core) core.dropUnreadable(e);
      return toFailure(name, e, deps);
    }
  };

  return {
    invoke,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
    close() {
      detach?.();
      detach = null;
      listeners.clear();
      if (factory) core?.close();
    },
  };
}

function normalize(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

function issuePaths(e: z.ZodError): string[] {
  return e.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(input)'}: ${i.message}`);
}

/** One issue of zod in words, Indonesian and English; our schemas' own messages are "id / en". */
/** zod's type names in words for people. */
function typeWord(expected: string): Message {
  const words: Record<string, Message> = {
    string: { id: 'teks', en: 'text' },
    number: { id: 'angka', en: 'a number' },
    boolean: { id: 'ya/tidak (true/false)', en: 'yes/no (true/false)' },
    array: { id: 'daftar', en: 'a list' },
    object: { id: 'objek', en: 'an object' },
  };
  return words[expected] ?? { id: expected, en: expected };
}

function issueText(i: z.core.$ZodIssue): Message {
  if (i.code === 'unrecognized_keys') {
    const keys = i.keys.join(', ');
    return { id: `kolom tidak dikenal: ${keys} (hapus)`, en: `unknown field: ${keys} (remove it)` };
  }
  if (i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined)
    return { id: 'wajib diisi', en: 'is required' };
  if (i.code === 'invalid_type')
    return {
      id: `jenis isian salah, harus ${typeWord(i.expected).id}`,
      en: `wrong type, must be ${typeWord(i.expected).en}`,
    };
  const [id, en] = i.message.includes(' / ') ? i.message.split(' / ', 2) : [null, i.message];
  if (id !== null && en !== undefined) return { id, en };
  if (i.code === 'too_small')
    return {
      id: `terlalu kecil/pendek (minimal ${String(i.minimum)})`,
      en: `too small/short (at least ${String(i.minimum)})`,
    };
  if (i.code === 'too_big')
    return {
      id: `terlalu besar/panjang (maksimal ${String(i.maximum)})`,
      en: `too big/long (at most ${String(i.maximum)})`,
    };
  if (i.code === 'invalid_value')
    return {
      id: `nilai tidak diizinkan (pilih: ${i.values.map(String).join(', ')})`,
      en: `value not allowed (choose: ${i.values.map(String).join(', ')})`,
    };
  return { id: `tidak valid (${i.message})`, en: i.message };
}

function invalidInput(name: BridgeCallName, e: z.ZodError): Message {
  const parts = e.issues.slice(0, 5).map((i) => {
    const path = i.path.length > 0 ? i.path.map(String).join('.') : 'input';
    const t = issueText(i);
    return { id: `${path}: ${t.id}`, en: `${path}: ${t.en}` };
  });
  return {
    id: `Isian ${name} tidak valid; perbaiki: ${parts.map((p) => p.id).join('; ')}`,
    en: `Invalid input to ${name}; fix: ${parts.map((p) => p.en).join('; ')}`,
  };
}

const REJECTION = new Set<string>(REJECTION_CODES);

function toFailure(name: BridgeCallName, e: unknown, deps: BridgeDeps): { ok: false; error: BridgeFailure } {
  if (e instanceof BridgeError) return fail(e.code, e.text, e.details);
  if (e instanceof NotSignedInError)
    return fail('not_signed_in', {
      id: 'Belum masuk: silakan masuk dulu.',
      en: 'Not signed in: please sign in first.',
    });
  if (e instanceof ActionRejectedError) {
    const code: BridgeErrorCode =
      REJECTION.has(e.code) || e.code === 'not_in_working_copy' ? (e.code as BridgeErrorCode) : 'forbidden';
    return fail(code, e.reason);
  }
  if (e instanceof LoginError)
    return fail(
      'login_failed',
      { id: e.messageId, en: e.messageEn },
      { reason: e.code, ...(e.serverCode ? { serverCode: e.serverCode } : {}) },
    );
  if (e instanceof SigningError) {
    return fail(
      'signing_refused',
      { id: e.messageId, en: e.messageEn },
      {
        reason: e.code,
        ...(e.details.attemptsLeft !== undefined ? { attemptsLeft: e.details.attemptsLeft } : {}),
        ...(e.details.lockedUntil ? { lockedUntil: e.details.lockedUntil.toISOString() } : {}),
        ...(e.details.validFrom ? { validFrom: e.details.validFrom.toISOString() } : {}),
        ...(e.details.validTo ? { validTo: e.details.validTo.toISOString() } : {}),
      },
    );
  }
  if (e instanceof OnlineRefusedError)
    return fail(
      'forbidden',
      e.serverMessage ?? { id: 'Server menolak permintaan ini.', en: 'The server refused this request.' },
    );
  if (e instanceof SessionEndedError) {
    return fail(
      'not_signed_in',
      {
        id: 'Sesi berakhir; masuk lagi untuk menyinkronkan.',
        en: 'The session ended; sign in again to sync.',
      },
      { reason: e.reason },
    );
  }
  if (e instanceof ApiError) {
    if (e.retryable) {
      return fail('offline', {
        id: 'Server tidak dapat dihubungi sekarang; tidak ada yang hilang, coba lagi nanti.',
        en: 'The server cannot be reached now; nothing was lost, try again later.',
      });
    }
    if (e.kind === 'unauthorized')
      return fail('not_signed_in', {
        id: 'Sesi berakhir; masuk lagi.',
        en: 'The session ended; sign in again.',
      });
    if (e.kind === 'forbidden')
      return fail(
        'forbidden',
        e.serverMessage ?? { id: 'Server menolak akses.', en: 'The server refused access.' },
      );
    // The domain core's refusals keep their code (a state that moved on is not a typo in the input).
    const code: BridgeErrorCode =
      e.code !== null && REJECTION.has(e.code) ? (e.code as BridgeErrorCode) : 'invalid_payload';
    return fail(
      code,
      e.serverMessage ?? {
        id: `Server menolak permintaan (HTTP ${e.status ?? '?'}).`,
        en: `The server refused the request (HTTP ${e.status ?? '?'}).`,
      },
      e.code !== null ? { serverCode: e.code } : undefined,
    );
  }
  if (e instanceof StoredRowError && e.kind === 'order') {
    // Damage on this computer's disk, not a bug in the call: the order has been dropped (invoke).
    deps.logger?.warn('bridge: an order in the working copy does not read; dropped for the next pull', {
      call: name,
      order: e.key,
      column: e.column,
      field: e.field,
    });
    return fail(
      'not_in_working_copy',
      {
        id: 'Data pesanan ini di komputer ini rusak, jadi pesanan dilepas dari salinan kerja dan diambil ulang utuh dari server pada sinkron berikutnya. Perubahan Anda yang belum terkirim tetap tersimpan. Sinkronkan lalu buka lagi.',
        en: "This order's data on this computer is damaged, so it was dropped from the working copy and will be fetched whole from the server at the next sync. Your unsent changes are kept. Sync, then open it again.",
      },
      { orderId: e.key },
    );
  }
  if (e instanceof CursorError)
    return fail('invalid_payload', {
      id: 'after: kursor halaman tidak dikenal; muat ulang daftar.',
      en: 'after: unknown page cursor; reload the list.',
    });
  if (e instanceof z.ZodError) return fail('invalid_payload', invalidInput(name, e));
  // A bug. Calls that carry a secret log only what the error is: its message or stack might hold the input.
  deps.logger?.error(
    'bridge: call failed (a bug)',
    SECRET_CALLS.has(name)
      ? { call: name, error: (e as Error)?.name ?? 'Error', details: 'withheld: this call carries a secret' }
      : { call: name, ...errorFields(e, true) },
  );
  return fail('internal', {
    id: 'Terjadi kesalahan di aplikasi; sudah dicatat. Coba lagi, dan laporkan bila berulang.',
    en: 'Something went wrong in the app; it has been logged. Try again, and report it if it happens again.',
  });
}
