/**
 * HTTP Range (RFC 9110 §14) for the release feed: electron-updater's differential download asks
 * for the changed blocks of the new installer, several ranges per request (multipart/byteranges).
 */
export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export type RangeRequest =
  { kind: 'full' } | { kind: 'ranges'; ranges: ByteRange[] } | { kind: 'unsatisfiable' };

/** At most this many ranges per request (a few hundred changed blocks is normal; thousands is abuse). */
export const MAX_RANGES = 2000;

export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  // An unknown unit or syntax: the Range header is ignored (RFC 9110 §14.2).
  if (!m) return { kind: 'full' };
  const parts = m[1]!.split(',');
  if (parts.length > MAX_RANGES) return { kind: 'full' };
  const ranges: ByteRange[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    let r: RegExpExecArray | null;
    if ((r = /^(\d+)-(\d*)$/.exec(p))) {
      const start = Number(r[1]);
      const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
      if (r[2] !== '' && Number(r[2]) < start) return { kind: 'full' };
      if (start >= size) continue;
      ranges.push({ start, end });
    } else if ((r = /^-(\d+)$/.exec(p))) {
      const n = Number(r[1]);
      if (n === 0) continue;
      ranges.push({ start: Math.max(0, size - n), end: size - 1 });
    } else {
      return { kind: 'full' };
    }
  }
  if (ranges.length === 0) return { kind: 'unsatisfiable' };
  return { kind: 'ranges', ranges };
}

/** A strong ETag of stored content (its SHA-512). */
export function etagOf(sha512Base64: string): string {
  return `"${Buffer.from(sha512Base64, 'base64').toString('hex').slice(0, 40)}"`;
}

/** If-None-Match names this ETag (or `*`): answer 304. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** If-Range: honour the Range only when it names the current ETag (a date is not trusted: answer it whole). */
export function rangeStillValid(ifRange: string | undefined, etag: string): boolean {
  if (!ifRange) return true;
  return ifRange.trim() === etag;
}
