/**
 * The client of the unit's time-stamping authority (SIPPT_TSA_URL): an RFC 3161 request over HTTP
 * (application/timestamp-query), the reply checked before its token is used (granted, the imprint
 * and the nonce are ours, the token verifies).
 */
import { randomBytes, type X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { MessageImprint, PKIStatus, TimeStampReq, TimeStampResp } from '@peculiar/asn1-tsp';
import { TSTInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { SignedData } from '@peculiar/asn1-cms';
import { OIDS, ab, bytesEqual, der, octets, parse, u8 } from './asn1';
import { TimestampUnavailable, checkTimestampToken, type TimestampSource } from './timestamp-token';

export function timestampRequest(digest: Uint8Array, nonce: Uint8Array, certReq = true): Uint8Array {
  return der(
    new TimeStampReq({
      version: 1,
      messageImprint: new MessageImprint({
        hashAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256 }),
        hashedMessage: octets(digest),
      }),
      nonce: ab(nonce),
      certReq,
    }),
  );
}

/** The token of a TimeStampResp answering our request; throws TimestampUnavailable with the reason otherwise. */
export function tokenFromResponse(
  response: Uint8Array,
  digest: Uint8Array,
  nonce: Uint8Array,
  knownCertificates: readonly X509Certificate[] = [],
): Uint8Array {
  let resp: TimeStampResp;
  try {
    resp = parse(response, TimeStampResp);
  } catch {
    throw new TimestampUnavailable('the TSA answered something that is not a TimeStampResp');
  }
  if (resp.status.status !== PKIStatus.granted && resp.status.status !== PKIStatus.grantedWithMods) {
    throw new TimestampUnavailable(
      `the TSA refused: status ${resp.status.status}${resp.status.statusString ? ` (${[...resp.status.statusString].join('; ')})` : ''}`,
    );
  }
  if (!resp.timeStampToken) throw new TimestampUnavailable('the TSA granted but sent no token');
  const token = der(resp.timeStampToken);
  const check = checkTimestampToken(token, digest, knownCertificates);
  if (!check.ok) throw new TimestampUnavailable(`the TSA token does not verify: ${check.reason.en}`);
  const sd = AsnConvert.parse(resp.timeStampToken.content, SignedData);
  const tst = parse(u8(sd.encapContentInfo.eContent!.single!.buffer), TSTInfo);
  if (!tst.nonce || !bytesEqual(stripZeros(u8(tst.nonce)), stripZeros(nonce)))
    throw new TimestampUnavailable('the TSA answered another request (nonce)');
  return token;
}

const stripZeros = (b: Uint8Array): Uint8Array => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
};

/** The unit's TSA over HTTP. Network failures, timeouts and refusals are TimestampUnavailable. */
export class HttpTsa implements TimestampSource {
  /** The TSA's certificates as seen in its tokens: they check the tokens asked for without certificates. */
  private tsaCertificates: readonly X509Certificate[] = [];

  certificates(): X509Certificate[] {
    return [...this.tsaCertificates];
  }

  constructor(
    readonly url: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async timestamp(digest: Uint8Array, opts: { withCertificates?: boolean } = {}): Promise<Uint8Array> {
    const certReq = opts.withCertificates ?? true;
    const nonce = randomBytes(8);
    nonce[0]! &= 0x7f;
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body: Buffer.from(timestampRequest(digest, nonce, certReq)),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new TimestampUnavailable(
        `the TSA at ${this.url} cannot be reached: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (!res.ok) throw new TimestampUnavailable(`the TSA at ${this.url} answered HTTP ${res.status}`);
    const token = tokenFromResponse(
      new Uint8Array(await res.arrayBuffer()),
      digest,
      nonce,
      this.tsaCertificates,
    );
    if (certReq) {
      const check = checkTimestampToken(token, digest);
      if (check.ok) this.tsaCertificates = check.info.certificates;
    }
    return token;
  }
}
