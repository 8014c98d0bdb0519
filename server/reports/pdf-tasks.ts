import type { PrepareForExternal, PreparedForExternal } from '../elhu/embed';
import type { LongTermView } from '../elhu/ltv/file-check';
import type { SignatureFailureCode } from '../elhu/verify-signature';
import type { RenderRequest, VerifyRequest, VerifyResult } from './services';

/**
 * The tasks of the PDF worker threads, by name: what ./pdf-pool.ts may ask and what
 * ./pdf-worker.ts implements. A file of its own so the pool does not import the worker (which
 * imports ./elhu.ts, which imports the pool). Arguments and results cross the thread boundary by
 * structured clone: plain data only.
 */
export interface PdfTasks {
  render(req: RenderRequest): Promise<RenderOutcome>;
  preview(req: RenderRequest): Promise<RenderOutcome>;
  prepareSigning(task: ExternalTask): Promise<PreparedForExternal>;
  embedCms(task: ExternalTask & { cms: Uint8Array }): Promise<RenderOutcome>;
  verifySigned(task: { req: VerifyRequest; requireRegisteredCertificate: boolean }): Promise<VerifyResult>;
  checkSignature(bytes: Uint8Array): Promise<{ sha256: string; sig: SignatureCheck }>;
  /** Tests of the pool: holds a worker for `ms`. */
  sleep(ms: number): Promise<number>;
}

/** What the public verification needs of a signature check. */
export type SignatureCheck =
  | {
      ok: true;
      signerName: string | null;
      signerCommonName: string;
      signingTime: Date;
      reportNumber: string | null;
      longTerm: LongTermView | null;
    }
  | { ok: false; code: SignatureFailureCode; message: { id: string; en: string } };

export type RenderOutcome =
  { ok: true; pdf: Uint8Array } | { ok: false; message: { id: string; en: string } };

/** Step 19 by another tool: the worker adds the fonts itself. */
export type ExternalTask = Omit<PrepareForExternal, 'fonts'>;
