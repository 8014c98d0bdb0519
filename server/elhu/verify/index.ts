/**
 * The cryptographic check of a signed E-LHU (SOP step 19 upload, and the public verification
 * page), as one pipeline of small steps, each in its own module:
 *
 *   1. locate     (./locate.ts)     the /ByteRange and /Contents in the raw file
 *   2. structure  (./structure.ts)  one signature, covering the whole signed revision; what follows it
 *   3. cms        (./cms.ts)        ContentInfo -> SignedData -> SignerInfo, certificates as found
 *   4. cades      (./cades.ts)      PAdES B-B attributes, message digest, signer, RSA signature
 *   5. structure  (./structure.ts)  the signature dictionary through the document structure; /M;
 *                                   certificate valid at /M; chain to the trust anchors
 *   6. ltv        (VerifyOptions.ltv, server/elhu/ltv/*)  the long-term level: signature
 *                                   timestamp (B-T), DSS (B-LT), document timestamp (B-LTA)
 *
 * Extension point for the long-term levels: pass an `LtvCheck`. Its `updatesAfterSignature`
 * decides, in step 2, whether incremental updates after the signature (DSS, document timestamp)
 * are allowed (without it, nothing may follow the signature: byte_range_incomplete, and a second
 * /ByteRange is multiple_signatures); its `assess` runs last, once every B-B check has passed, and
 * returns the typed LtvReport (level, timestamp time) that lands in VerifiedSignature.ltv, or a
 * SignatureFailure. Without an LtvCheck the result is B-B (BASELINE_B).
 */
export * from './types';
export { verifySignedPdf, type LtvCheck, type LtvContext, type VerifyOptions } from './pipeline';
export type { AppendedUpdatesPolicy, UpdatesAfterSignature } from './structure';
export type { ByteRange } from './locate';
export { verifyUploadedElhu, SignatureCheckFault, type UploadCheck, type AcceptedUpload } from './issued';
