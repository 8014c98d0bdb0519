/** The worklist page cursor: opaque to the UI, which passes `next` back as `after`. */

export interface Cursor {
  rank: number;
  overdue: number;
  sortAt: string;
  id: string;
  now: string;
  /** The first page's counts: later pages carry them instead of counting the whole copy again. */
  total: number;
  action: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.overdue, c.sortAt, c.id, c.now, c.total, c.action])).toString(
    'base64url',
  );
}

/** A cursor from `worklistPage`; anything else is the caller's mistake, said plainly. */
export function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 7 &&
      typeof v[0] === 'number' &&
      typeof v[1] === 'number' &&
      typeof v[2] === 'string' &&
      typeof v[3] === 'string' &&
      typeof v[4] === 'string' &&
      Number.isInteger(v[5]) &&
      Number.isInteger(v[6])
    ) {
      return {
        rank: v[0],
        overdue: v[1],
        sortAt: v[2],
        id: v[3],
        now: v[4],
        total: v[5] as number,
        action: v[6] as number,
      };
    }
  } catch {
    // fall through
  }
  throw new CursorError();
}

export class CursorError extends Error {
  constructor() {
    super('Kursor halaman tidak dikenal; muat ulang daftar. / Unknown page cursor; reload the list.');
    this.name = 'CursorError';
  }
}
