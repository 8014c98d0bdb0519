import { cleanText } from './pdf-tools';
import { DEFAULT_CERTIFICATE_ISSUER, DEFAULT_SIGNATURE_STATEMENT } from './types';

/** The footer statement with the issuer filled in (`{penerbit}`); the unit's template or the default. */
export function signatureStatement(template: string | undefined, issuer: string | undefined): string {
  const t = template && template.trim() !== '' ? template : DEFAULT_SIGNATURE_STATEMENT;
  const name = issuer && issuer.trim() !== '' ? issuer.trim() : DEFAULT_CERTIFICATE_ISSUER;
  return cleanText(t.replace(/\{penerbit\}/g, name));
}
