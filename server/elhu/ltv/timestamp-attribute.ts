/**
 * PAdES B-T: the RFC 3161 timestamp over the signature value, added to the signer's unsigned
 * attributes as signature-time-stamp-token (id-aa-signatureTimeStampToken) inside the existing
 * /Contents. The signed byte ranges do not change: only the padding of /Contents is used. The CMS
 * is re-encoded by @peculiar/asn1-cms, and only after checking that it re-encodes byte for byte
 * (so the signed attributes and certificates stay exactly as the signer made them).
 */
import { Attribute, ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { OIDS, ab, bytesEqual, der, parse, sha256, u8 } from './asn1';
import { SignatureLayoutError, signatureSlots, withContents } from './pdf-signatures';
import { tokenGenTime, type TimestampSource } from './timestamp-token';

export interface ParsedSignerCms {
  contentInfo: ContentInfo;
  signedData: SignedData;
  /** The signature value the timestamp covers. */
  signatureValue: Uint8Array;
  /** The signature-time-stamp-token, when present. */
  timestampToken: Uint8Array | null;
}

export function parseSignerCms(cms: Uint8Array): ParsedSignerCms {
  const contentInfo = parse(cms, ContentInfo);
  if (contentInfo.contentType !== OIDS.signedData)
    throw new SignatureLayoutError('the signature is not a CMS SignedData');
  const signedData = AsnConvert.parse(contentInfo.content, SignedData);
  if (signedData.signerInfos.length !== 1)
    throw new SignatureLayoutError('the CMS must hold exactly one signer');
  const si = signedData.signerInfos[0]!;
  const tsAttr = si.unsignedAttrs?.find((a) => a.attrType === OIDS.signatureTimeStampToken);
  return {
    contentInfo,
    signedData,
    signatureValue: u8(si.signature.buffer),
    timestampToken: tsAttr?.attrValues[0] ? u8(tsAttr.attrValues[0]) : null,
  };
}

export interface AddedTimestamp {
  pdf: Uint8Array;
  token: Uint8Array;
  genTime: Date;
}

/**
 * Adds the signature timestamp to the first (the Kepala Balai's) signature. The token is asked for
 * with the TSA's certificates; when that does not fit the placeholder, once more without them (they
 * go into the DSS at B-LT). Throws TimestampUnavailable when the TSA cannot give one.
 */
export async function addSignatureTimestamp(pdf: Uint8Array, tsa: TimestampSource): Promise<AddedTimestamp> {
  const slots = signatureSlots(pdf);
  const slot = slots[0];
  if (!slot) throw new SignatureLayoutError('the PDF carries no signature');
  if (slots.length > 1 || slot.byteRange[2] + slot.byteRange[3] !== pdf.length) {
    throw new SignatureLayoutError('the signature timestamp goes in before any later update of the file');
  }
  const parsed = parseSignerCms(slot.der);
  if (parsed.timestampToken) throw new SignatureLayoutError('the signature already carries a timestamp');
  // Re-encoding must give the same bytes, or the re-encoded CMS would no longer be what was signed.
  if (
    !bytesEqual(der(parsed.contentInfo), slot.der) ||
    !bytesEqual(new Uint8Array(AsnConvert.serialize(parsed.signedData)), u8(parsed.contentInfo.content))
  ) {
    throw new SignatureLayoutError('the CMS does not re-encode to the same bytes; it is left as signed');
  }
  const digest = sha256(parsed.signatureValue);
  const withToken = (token: Uint8Array): Uint8Array => {
    const sd = AsnConvert.parse(ab(u8(parsed.contentInfo.content)), SignedData);
    const si = sd.signerInfos[0]!;
    si.unsignedAttrs = [
      ...(si.unsignedAttrs ?? []),
      new Attribute({ attrType: OIDS.signatureTimeStampToken, attrValues: [ab(token)] }),
    ];
    return der(new ContentInfo({ contentType: OIDS.signedData, content: AsnConvert.serialize(sd) }));
  };
  let token = await tsa.timestamp(digest, { withCertificates: true });
  let cms = withToken(token);
  if (cms.length > slot.capacity) {
    token = await tsa.timestamp(digest, { withCertificates: false });
    cms = withToken(token);
  }
  return { pdf: withContents(pdf, slot, cms), token, genTime: tokenGenTime(token) };
}
