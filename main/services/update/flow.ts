/**
 * The desktop's update flow, in plain Node (main/shell/updater.ts runs it over electron-updater):
 * check at start and every few hours, download in the background with progress, then install on
 * restart when the user agrees, and never while changes wait to be sent or a signing batch runs.
 *
 * The flow knows electron-updater only through `UpdaterPort` (the few AppUpdater methods and events
 * it uses), so tests drive it over electron-updater's own classes with a test app, or over a fake.
 */
import { errorFields, SILENT_LOGGER, type Logger } from '../log/logger';

export interface UpdateInfoLike {
  version: string;
  releaseNotes?: string | { version: string; note: string | null }[] | null;
  releaseDate?: string;
}

export interface ProgressLike {
  percent: number;
  transferred: number;
  total: number;
  bytesPerSecond: number;
}

/** What the flow uses of electron-updater's AppUpdater. */
export interface UpdaterPort {
  checkForUpdates(): Promise<{ updateInfo: UpdateInfoLike; isUpdateAvailable?: boolean } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (p: ProgressLike) => void): unknown;
}

export type UpdateState =
  'idle' | 'checking' | 'available' | 'downloading' | 'downloaded' | 'waiting' | 'installing' | 'error';

/** The `update.status` event: what the status bar and the About box show. */
export interface UpdateStatus {
  state: UpdateState;
  currentVersion: string;
  version: string | null;
  releaseNotes: string | null;
  percent: number | null;
  /** Why the install waits, or what went wrong, in plain words (id, en). */
  message: { id: string; en: string } | null;
  checkedAt: string | null;
}

/** What must be finished before the app may restart. */
export interface WorkInProgress {
  /** Changes in the outbox not yet accepted by the server. */
  pendingChanges: number;
  /** A signing batch is running. */
  signing: boolean;
}

export interface UpdateFlowOptions {
  port: UpdaterPort;
  currentVersion: string;
  work: () => WorkInProgress | Promise<WorkInProgress>;
  emit: (status: UpdateStatus) => void;
  /** Every few hours (default 4 h). */
  intervalMs?: number;
  now?: () => Date;
  timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(h: unknown): void };
  /** Each check's outcome, each download, each install asked for (and why it waits). */
  logger?: Logger;
}

export const DEFAULT_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export function notesText(notes: UpdateInfoLike['releaseNotes']): string | null {
  if (!notes) return null;
  if (typeof notes === 'string') return notes.replace(/<[^>]*>/g, '').trim() || null;
  return (
    notes.map((n) => `${n.version}: ${(n.note ?? '').replace(/<[^>]*>/g, '').trim()}`).join('\n\n') || null
  );
}

export function waitMessage(work: WorkInProgress): { id: string; en: string } | null {
  if (work.signing) {
    return {
      id: 'Pembaruan dipasang setelah penandatanganan selesai.',
      en: 'The update is installed once the signing batch has finished.',
    };
  }
  if (work.pendingChanges > 0) {
    return {
      id: `Pembaruan dipasang setelah ${work.pendingChanges} perubahan terkirim ke server.`,
      en: `The update is installed once ${work.pendingChanges} change(s) have been sent to the server.`,
    };
  }
  return null;
}

export class UpdateFlow {
  private status: UpdateStatus;
  private timer: unknown = null;
  private busy: Promise<void> | null = null;
  private readonly now: () => Date;
  private readonly log: Logger;

  constructor(private readonly o: UpdateFlowOptions) {
    this.now = o.now ?? (() => new Date());
    this.log = o.logger ?? SILENT_LOGGER;
    this.status = {
      state: 'idle',
      currentVersion: o.currentVersion,
      version: null,
      releaseNotes: null,
      percent: null,
      message: null,
      checkedAt: null,
    };
    o.port.on('download-progress', (p) => {
      if (this.status.state !== 'downloading') return;
      this.set({ percent: Math.max(0, Math.min(100, Math.round(p.percent * 10) / 10)) });
    });
  }

  get current(): UpdateStatus {
    return { ...this.status };
  }

  private set(patch: Partial<UpdateStatus>): void {
    this.status = { ...this.status, ...patch };
    this.o.emit(this.current);
  }

  /** Check now, then every interval. */
  start(): void {
    void this.check();
    if (this.timer !== null) return;
    const t = this.o.timers ?? {
      setInterval: (fn: () => void, ms: number) => setInterval(fn, ms).unref(),
      clearInterval: (h: unknown) => clearInterval(h as NodeJS.Timeout),
    };
    this.timer = t.setInterval(() => void this.check(), this.o.intervalMs ?? DEFAULT_CHECK_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer === null) return;
    const t = this.o.timers ?? {
      setInterval: () => null,
      clearInterval: (h: unknown) => clearInterval(h as NodeJS.Timeout),
    };
    t.clearInterval(this.timer);
    this.timer = null;
  }

  /** Check the feed; when a newer version is offered, download it in the background. */
  check(): Promise<void> {
    // One at a time; a downloaded update waits for the user.
    if (this.busy) return this.busy;
    if (
      this.status.state === 'downloaded' ||
      this.status.state === 'waiting' ||
      this.status.state === 'installing'
    )
      return Promise.resolve();
    this.busy = this.run().finally(() => {
      this.busy = null;
    });
    return this.busy;
  }

  private async run(): Promise<void> {
    this.set({ state: 'checking', message: null });
    try {
      const r = await this.o.port.checkForUpdates();
      const checkedAt = this.now().toISOString();
      if (!r || r.isUpdateAvailable === false || r.updateInfo.version === this.o.currentVersion) {
        // null: no server to ask yet (nobody signed in).
        this.log.info('update: checked, none offered', {
          currentVersion: this.o.currentVersion,
          asked: r !== null,
        });
        this.set({ state: 'idle', checkedAt, percent: null });
        return;
      }
      this.log.info('update: offered, downloading', {
        currentVersion: this.o.currentVersion,
        version: r.updateInfo.version,
      });
      this.set({
        state: 'available',
        version: r.updateInfo.version,
        releaseNotes: notesText(r.updateInfo.releaseNotes),
        checkedAt,
      });
      this.set({ state: 'downloading', percent: 0 });
      // electron-updater checks the download's SHA-512 against the feed and refuses a mismatch.
      await this.o.port.downloadUpdate();
      this.log.info('update: downloaded', { version: r.updateInfo.version });
      this.set({ state: 'downloaded', percent: 100 });
    } catch (e) {
      this.log.warn('update: check or download failed', {
        currentVersion: this.o.currentVersion,
        ...errorFields(e),
      });
      this.set({
        state: 'error',
        percent: null,
        message: {
          id: 'Pembaruan belum dapat diperiksa atau diunduh; dicoba lagi nanti.',
          en: 'The update could not be checked or downloaded; it is tried again later.',
        },
      });
    }
  }

  /**
   * The user agreed to restart into the update. Refused while changes wait to be sent or a signing
   * batch runs: the status says why and `whenIdle` installs it once the work is done (if the user
   * still agrees: the caller asks again).
   */
  async install(): Promise<{ installed: boolean; message: { id: string; en: string } | null }> {
    if (this.status.state !== 'downloaded' && this.status.state !== 'waiting') {
      return {
        installed: false,
        message: { id: 'Belum ada pembaruan yang siap dipasang.', en: 'No update is ready to install.' },
      };
    }
    const work = await this.o.work();
    const wait = waitMessage(work);
    if (wait) {
      this.log.info('update: install waits', { version: this.status.version, ...work });
      this.set({ state: 'waiting', message: wait });
      return { installed: false, message: wait };
    }
    this.log.info('update: installing', { version: this.status.version });
    this.set({ state: 'installing', message: null });
    // Not silent (the user sees the installer on Windows), run the app again afterwards.
    this.o.port.quitAndInstall(false, true);
    return { installed: true, message: null };
  }

  /** After work finished (sync status, signing progress): a waiting install may go ahead. */
  async workChanged(): Promise<boolean> {
    if (this.status.state !== 'waiting') return false;
    const wait = waitMessage(await this.o.work());
    if (wait) {
      if (wait.en !== this.status.message?.en) this.set({ message: wait });
      return false;
    }
    this.set({ state: 'downloaded', message: null });
    return true;
  }
}

/** The feed of the server the desktop signs in to. */
export function feedUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/api/v1/releases/feed`;
}
