import { X509Certificate } from 'node:crypto';
import { certificateIssuerName } from '../../shared/elhu/issuer';

/**
 * The issuer named in the signed E-LHU's footer, from the certificate Admin Satker registered for
 * the Kepala Balai (users.certificate_pem): recorded in the issued E-LHU at step 18, so that the
 * desktop, another signing tool and the server's re-check of an upload all print the same name.
 * Null when no certificate is registered (or it cannot be read): the default issuer is printed.
 */
export function registeredCertificateIssuer(pem: string | null | undefined): string | null {
  if (!pem) return null;
  try {
    return certificateIssuerName(new X509Certificate(pem).issuer);
  } catch {
    return null;
  }
}
