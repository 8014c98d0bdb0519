import type { Customer, Order } from '../../shared/domain/entities';
import type { Message } from '../../shared/domain/rejections';

/**
 * The E-LHU hooks of the command path: rendering the unsigned report at step 18 and verifying the
 * signed one at step 19. The server calls these functions only; the E-LHU module supplies them
 * (see ./placeholder.ts for the stand-in used until it is plugged in).
 */
export interface RenderRequest {
  order: Order;
  sampleId: string;
  reportId: string;
  issuedOn: string;
  customer: Customer;
  unit: { code: string; name: string; address: string; accreditation: string | null };
  lab: { id: string; name: string };
  kepalaBalai: { id: string; name: string; nip: string };
  verificationUrl: string;
}

export interface VerifyRequest {
  /** The signed PDF as uploaded. */
  pdf: Uint8Array;
  /** The unsigned E-LHU that was queued for signature (its SHA-256 is the report's documentHash). */
  documentPdf: Uint8Array | null;
  documentHash: string | null;
  /** The signing certificate registered for the Kepala Balai (PEM), when Admin Satker registered one. */
  certificatePem: string | null;
  reportNumber: string;
}

export type VerifyResult = { ok: true } | { ok: false; message: Message };

export interface ReportServices {
  render(req: RenderRequest): Promise<Uint8Array>;
  verifySigned(req: VerifyRequest): Promise<VerifyResult>;
}
