import type { Customer, Order } from '../../shared/domain/entities';
import type { Message } from '../../shared/domain/rejections';
import type { ElhuUnit } from '../../shared/elhu/types';

/**
 * The E-LHU hooks of the command path: rendering the unsigned report at step 18 and verifying the
 * signed one at step 19. The server calls these two functions only: ./elhu.ts implements them with
 * shared/elhu (renderer) and server/elhu (PAdES verification); ./placeholder.ts is a stand-in for
 * tests that do not exercise signatures.
 */
export interface RenderRequest {
  order: Order;
  sampleId: string;
  reportId: string;
  issuedOn: string;
  customer: Customer;
  unit: ElhuUnit;
  lab: { id: string; name: string; address: string };
  /** certificateIssuer: of the certificate registered for the Kepala Balai (named in the signed report's footer). */
  kepalaBalai: { id: string; name: string; nip: string; certificateIssuer?: string | null };
  /** The public verification page of this report (QR code). */
  verificationUrl: string;
  /** The number of the report this one replaces (amendment), when any. */
  replacedReportNumber: string | null;
}

export interface VerifyRequest {
  /** The signed PDF as uploaded. */
  pdf: Uint8Array;
  /** The unsigned E-LHU that was queued for signature (its SHA-256 is the report's documentHash). */
  documentPdf: Uint8Array | null;
  documentHash: string | null;
  /** The signing certificate registered for the Kepala Balai (PEM or SHA-256 fingerprint), when Admin Satker registered one. */
  certificatePem: string | null;
  /** The Kepala Balai the report was sent to: name and NIP must be those in the signature block. */
  signer: { name: string; nip: string | null };
  reportNumber: string;
}

export type VerifyResult = { ok: true; signedHash: string } | { ok: false; message: Message };

/** Thrown by `render` when the data cannot make a report: becomes a 422 with this message. */
export class RenderRefused extends Error {
  constructor(readonly msg: Message) {
    super(`${msg.id} / ${msg.en}`);
  }
}

export interface ReportServices {
  render(req: RenderRequest): Promise<Uint8Array>;
  verifySigned(req: VerifyRequest): Promise<VerifyResult>;
}
