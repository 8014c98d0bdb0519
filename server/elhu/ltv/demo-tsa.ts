/**
 * The demo time-stamping authority: answers RFC 3161 requests (application/timestamp-query →
 * application/timestamp-reply) with tokens signed by the demo TSA certificate under the demo CA
 * (resources/demo-keystore, made by scripts/make-demo-keystore.sh). DEMO ONLY: its key is public.
 * Used in process by the demo server and served at POST /tsa so other tools can ask it too.
 */
import type { X509Certificate } from 'node:crypto';
import { type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  PKIFreeText,
  PKIStatus,
  PKIStatusInfo,
  TimeStampReq,
  TimeStampResp,
  TimeStampToken,
} from '@peculiar/asn1-tsp';
import { ContentInfo } from '@peculiar/asn1-cms';
import { OIDS, der, parse, u8 } from './asn1';
import { makeTimestampToken, type TimestampSource } from './timestamp-token';

/** The demo TSA's policy: an OID under 2.25 (a UUID arc), for a policy that promises nothing. */
export const DEMO_TSA_POLICY = '2.25.171713094409215446226925513946137306286';

export interface LocalTsaOptions {
  certificate: X509Certificate;
  key: KeyObject;
  /** Certificates embedded in each token after the TSA's own (the CA). */
  chain: X509Certificate[];
  now: () => Date;
  policy?: string;
}

export class LocalTsa implements TimestampSource {
  constructor(private readonly opts: LocalTsaOptions) {}

  certificates(): X509Certificate[] {
    return [this.opts.certificate, ...this.opts.chain];
  }

  async timestamp(digest: Uint8Array, opts: { withCertificates?: boolean } = {}): Promise<Uint8Array> {
    return this.token(digest, undefined, opts.withCertificates ?? true);
  }

  private token(digest: Uint8Array, nonce?: ArrayBuffer, certReq = true): Uint8Array {
    return makeTimestampToken({
      digest,
      ...(nonce ? { nonce } : {}),
      policy: this.opts.policy ?? DEMO_TSA_POLICY,
      genTime: this.opts.now(),
      tsaCertificate: this.opts.certificate,
      tsaKey: this.opts.key,
      chain: certReq ? [this.opts.certificate, ...this.opts.chain] : [],
    });
  }

  /** A TimeStampResp (DER) for a TimeStampReq (DER): granted, or rejection with the reason. */
  respond(request: Uint8Array): Uint8Array {
    let req: TimeStampReq;
    try {
      req = parse(request, TimeStampReq);
    } catch {
      return rejection('badDataFormat: the request is not a TimeStampReq');
    }
    if (
      req.messageImprint.hashAlgorithm.algorithm !== OIDS.sha256 ||
      req.messageImprint.hashedMessage.byteLength !== 32
    ) {
      return rejection('badAlg: only SHA-256 imprints are accepted');
    }
    const token = this.token(u8(req.messageImprint.hashedMessage.buffer), req.nonce, req.certReq);
    const ci = parse(token, ContentInfo);
    return der(
      new TimeStampResp({
        status: new PKIStatusInfo({ status: PKIStatus.granted }),
        timeStampToken: new TimeStampToken({ contentType: ci.contentType, content: ci.content }),
      }),
    );
  }
}

function rejection(text: string): Uint8Array {
  return new Uint8Array(
    AsnConvert.serialize(
      new TimeStampResp({
        status: new PKIStatusInfo({ status: PKIStatus.rejection, statusString: new PKIFreeText([text]) }),
      }),
    ),
  );
}
