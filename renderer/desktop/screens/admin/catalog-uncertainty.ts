/**
 * The default expanded uncertainty of a catalog parameter as typed in two fields (U and k): both
 * empty means none; otherwise both are needed and checked with the server's own schema, so the
 * field says what to fix before anything is sent.
 */
import { CatalogUncertaintySchema } from '../../../../shared/api/http';
import type { ExpandedUncertaintyValue } from '../../../../shared/domain/entities';

export type UncertaintyRead =
  | { ok: true; value: ExpandedUncertaintyValue | null }
  | { ok: false; field: 'expanded' | 'coverageFactor'; message: string };

const empty = (v: number | string): boolean => v === '' || (typeof v === 'string' && v.trim() === '');

/** Messages are "Indonesian / English", like the server's. */
export function readUncertainty(expanded: number | string, coverageFactor: number | string): UncertaintyRead {
  if (empty(expanded) && empty(coverageFactor)) return { ok: true, value: null };
  if (empty(expanded))
    return { ok: false, field: 'expanded', message: 'isi U, atau kosongkan k / fill in U, or clear k' };
  if (empty(coverageFactor))
    return {
      ok: false,
      field: 'coverageFactor',
      message: 'k wajib diisi bila U diisi (biasanya 2) / k is needed with U (usually 2)',
    };
  const r = CatalogUncertaintySchema.safeParse({
    expanded: Number(expanded),
    coverageFactor: Number(coverageFactor),
  });
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  return {
    ok: false,
    field: issue.path[0] === 'coverageFactor' ? 'coverageFactor' : 'expanded',
    message: issue.message,
  };
}

/** The part of an "Indonesian / English" message for the UI language. */
export function messageIn(message: string | undefined, lang: string): string | undefined {
  if (!message) return undefined;
  const [id, en] = message.split(' / ');
  return lang.startsWith('en') && en ? en : id;
}
