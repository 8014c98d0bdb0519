/**
 * A certificate's identity as DER: the subject and issuer Names and the serialNumber INTEGER, the
 * values PKCS#11 keeps in CKA_SUBJECT, CKA_ISSUER and CKA_SERIAL_NUMBER. Read and encoded by the
 * library; the Names are the certificate's own bytes.
 */
import {
  AsnConvert,
  AsnIntegerArrayBufferConverter,
  AsnProp,
  AsnPropTypes,
  AsnType,
  AsnTypeTypes,
} from '@peculiar/asn1-schema';
import { prepareCertificate } from './build';

/** An INTEGER standing alone, its content octets as found. */
class IntegerValue {
  value = new ArrayBuffer(0);
  constructor(value?: ArrayBuffer) {
    if (value) this.value = value;
  }
}
AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })(
  IntegerValue.prototype,
  'value',
);
AsnType({ type: AsnTypeTypes.Choice })(IntegerValue);

export interface CertificateIdentity {
  subject: Uint8Array;
  issuer: Uint8Array;
  /** The whole INTEGER (tag, length, value). */
  serialNumber: Uint8Array;
}

export function certificateIdentity(certificateDer: Uint8Array): CertificateIdentity {
  const c = prepareCertificate(certificateDer, 'certificate');
  return {
    subject: new Uint8Array(c.subject),
    issuer: new Uint8Array(c.issuerDer),
    serialNumber: new Uint8Array(AsnConvert.serialize(new IntegerValue(c.serialNumber))),
  };
}
