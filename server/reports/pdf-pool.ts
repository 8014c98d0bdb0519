import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../http/errors';
import type * as Tasks from './pdf-worker';

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
}

type TaskName = 'render' | 'preview' | 'prepareSigning' | 'embedCms' | 'verifySigned' | 'checkSignature' | 'sleep';
type Task<N extends TaskName> = (typeof Tasks)[N];

export function workerFilename(moduleUrl: string = import.meta.url): string {
  return moduleUrl.endsWith('.ts') ? new URL('./pdf-worker-tsx.mjs', moduleUrl).href : new URL('./pdf-worker.js', moduleUrl).href;
}

export class PdfPool {
  private readonly piscina: Piscina;
  readonly threads: number;
  readonly queue: number;
  private readonly retryAfter: number;

  constructor(opts: PdfPoolOptions = {}) {
    // One core stays with the event loop: the pool must not starve the requests it protects.
    this.threads = Math.max(1, opts.threads ?? availableParallelism() - 1);
    this.queue = Math.max(0, opts.queue ?? this.threads * 4);
    this.retryAfter = opts.retryAfterSeconds ?? 5;
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

  private admitted = 0;

  /**
   * Admission before an upload is even read: at most threads + queue uploads are in the server at
   * once (memory stays bounded, the event loop parses no more than the workers can check); beyond
   * that the request is refused at once with 503.
   */
  async admit<T>(fn: () => Promise<T>): Promise<T> {
    if (this.admitted >= this.threads + this.queue) throw this.busy();
    this.admitted++;
    try {
      return await fn();
    } finally {
      this.admitted--;
    }
  }

  async run<N extends TaskName>(name: N, arg: Parameters<Task<N>>[0]): Promise<Awaited<ReturnType<Task<N>>>> {
    try {
      return (await this.piscina.run(arg, { name })) as Awaited<ReturnType<Task<N>>>;
    } catch (e) {
      if (e instanceof Error && /queue is at limit|no task queue available/i.test(e.message)) throw this.busy();
      throw e;
    }
  }

  busy(): AppError {
    return new AppError(
      503,
      'not_available',
      {
        id: `Server sedang sibuk memeriksa dokumen lain. Coba lagi dalam ${this.retryAfter} detik.`,
        en: `The server is busy checking other documents. Try again in ${this.retryAfter} seconds.`,
      },
      undefined,
      { 'retry-after': String(this.retryAfter) },
    );
  }

  get stats() {
    return { threads: this.piscina.threads.length, queued: this.piscina.queueSize, completed: this.piscina.completed };
  }

  async close(): Promise<void> {
    await this.piscina.close();
  }
}

let shared: PdfPool | null = null;

/** The process's pool (SIPPT_PDF_WORKERS and SIPPT_PDF_QUEUE override its size). */
export function sharedPdfPool(): PdfPool {
  const num = (v: string | undefined) => (v && /^[0-9]+$/.test(v) ? Number(v) : undefined);
  shared ??= new PdfPool({ threads: num(process.env.SIPPT_PDF_WORKERS), queue: num(process.env.SIPPT_PDF_QUEUE) });
  return shared;
}
