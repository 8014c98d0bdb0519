import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../http/errors';
import type { PdfTasks } from './pdf-tasks';

/**
 * A pool of worker threads for the PDF work (./pdf-worker.ts): at most `threads` tasks run at once
 * (default: the machine's cores but one), at most `queue` wait; beyond that a task is refused at once with
 * 503 and Retry-After, rather than piling uploads up in memory while the event loop stays free.
 *
 * Which file the workers load: from the TypeScript sources (tsx, vitest) the .mjs bootstrap that
 * loads tsx first; from the production bundle (scripts/build.ts) dist/server/pdf-worker.js, the
 * sibling of the bundled server.
 */
export interface PdfPoolOptions {
  threads?: number;
  queue?: number;
  /** Seconds a refused client is told to wait. */
  retryAfterSeconds?: number;
  /** Uploads whose bodies are being received at once (default: threads + 1). */
  receiving?: number;
}

/**
 * An upload admitted before its body is read. `received()` when the body is in memory (the
 * receiving place frees), `release()` when the answer is sent or the client went away (both
 * idempotent).
 */
export interface UploadTicket {
  received(): void;
  release(): void;
}

type TaskName = keyof PdfTasks;
type Task<N extends TaskName> = PdfTasks[N];

export function workerFilename(moduleUrl: string = import.meta.url): string {
  return moduleUrl.endsWith('.ts')
    ? new URL('./pdf-worker-tsx.mjs', moduleUrl).href
    : new URL('./pdf-worker.js', moduleUrl).href;
}

export class PdfPool {
  private readonly piscina: Piscina;
  readonly threads: number;
  readonly queue: number;
  private readonly retryAfter: number;
  readonly receivingLimit: number;

  constructor(opts: PdfPoolOptions = {}) {
    // One core stays with the event loop: the pool must not starve the requests it protects.
    this.threads = Math.max(1, opts.threads ?? availableParallelism() - 1);
    this.queue = Math.max(0, opts.queue ?? this.threads * 4);
    this.retryAfter = opts.retryAfterSeconds ?? 5;
    this.receivingLimit = Math.max(1, opts.receiving ?? this.threads + 1);
    this.piscina = new Piscina({
      filename: workerFilename(),
      minThreads: 0,
      maxThreads: this.threads,
      maxQueue: this.queue,
      idleTimeout: 30_000,
      // A hostile PDF cannot take the process's memory with it: the worker dies, the task fails.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
  }

  /** Tasks in the pool (running or queued), uploads admitted, and those of them still being received. */
  private tasks = 0;
  private uploads = 0;
  private receiving = 0;

  /**
   * Whether an upload could be admitted now: the pool has room for its check, fewer than
   * threads + queue uploads are in the server, and fewer than `receiving` are being received.
   */
  canAdmitUpload(): boolean {
    const budget = this.threads + this.queue;
    return this.tasks < budget && this.uploads < budget && this.receiving < this.receivingLimit;
  }

  /**
   * Admission of an upload before its body is read (an onRequest hook): a ticket, or null when the
   * budget is used up. Memory stays bounded (at most threads + queue uploads held at once), the
   * event loop receives no more bodies at once than `receiving`, and a refused client costs only
   * its headers.
   */
  admitUpload(): UploadTicket | null {
    if (!this.canAdmitUpload()) return null;
    this.uploads++;
    this.receiving++;
    let receiving = true;
    let held = true;
    const received = () => {
      if (!receiving) return;
      receiving = false;
      this.receiving--;
    };
    return {
      received,
      release: () => {
        received();
        if (!held) return;
        held = false;
        this.uploads--;
      },
    };
  }

  /** Runs `fn` under an upload ticket (503 when none is free). */
  async admit<T>(fn: () => Promise<T>): Promise<T> {
    const ticket = this.admitUpload();
    if (!ticket) throw this.busy();
    try {
      return await fn();
    } finally {
      ticket.release();
    }
  }

  /**
   * Runs a task in a worker. `transfer`: buffers moved to the worker rather than copied (the
   * caller must own them whole and not touch them afterwards).
   */
  async run<N extends TaskName>(
    name: N,
    arg: Parameters<Task<N>>[0],
    transfer?: ArrayBuffer[],
  ): Promise<Awaited<ReturnType<Task<N>>>> {
    this.tasks++;
    try {
      return (await this.piscina.run(arg, {
        name,
        ...(transfer ? { transferList: transfer } : {}),
      })) as Awaited<ReturnType<Task<N>>>;
    } catch (e) {
      if (e instanceof Error && /queue is at limit|no task queue available/i.test(e.message))
        throw this.busy();
      throw e;
    } finally {
      this.tasks--;
    }
  }

  /** The refusal of a full pool: 503, Retry-After, and the connection closed (an unread upload is not drained). */
  busy(): AppError {
    // One instance: a refusal under load should cost no stack trace (source-mapped under tsx).
    return (this.busyError ??= new AppError(
      503,
      'not_available',
      {
        id: `Server sedang sibuk memeriksa dokumen lain. Coba lagi dalam ${this.retryAfter} detik.`,
        en: `The server is busy checking other documents. Try again in ${this.retryAfter} seconds.`,
      },
      undefined,
      { 'retry-after': String(this.retryAfter), connection: 'close' },
    ));
  }
  private busyError: AppError | undefined;

  get stats() {
    return {
      threads: this.piscina.threads.length,
      queued: this.piscina.queueSize,
      completed: this.piscina.completed,
      tasks: this.tasks,
      uploads: this.uploads,
      receiving: this.receiving,
    };
  }

  async close(): Promise<void> {
    await this.piscina.close();
  }
}

let shared: PdfPool | null = null;

/** The process's pool (SIPPT_PDF_WORKERS and SIPPT_PDF_QUEUE override its size). */
export function sharedPdfPool(): PdfPool {
  const num = (v: string | undefined) => (v && /^[0-9]+$/.test(v) ? Number(v) : undefined);
  shared ??= new PdfPool({
    threads: num(process.env.SIPPT_PDF_WORKERS),
    queue: num(process.env.SIPPT_PDF_QUEUE),
  });
  return shared;
}
