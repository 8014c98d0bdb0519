import type { ServerConfig } from '../config';
import type { DbHandle } from '../db/connect';
import type { ReportServices } from '../reports/services';

/** What the command path needs from the server. */
export interface CommandEnv {
  handle: DbHandle;
  config: ServerConfig;
  reports: ReportServices;
  /** Told after step 19 accepted a signed E-LHU: the long-term signature work (server/elhu/ltv) starts. */
  ltv?: { kick(): void };
}

/** A file that becomes part of the record when (and only when) the command is accepted. */
export interface Attachment {
  id: string;
  kind: 'payment_proof' | 'report_unsigned' | 'report_signed';
  mime: string;
  data: Buffer;
  sha256: string;
  refId: string | null;
  /** report_signed: the report's documentHash the signed file was verified against. */
  documentHash?: string | null;
}
