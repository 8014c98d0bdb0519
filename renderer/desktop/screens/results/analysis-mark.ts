/**
 * The mark of a stored result (✓ memenuhi / ✗ tidak memenuhi / ! dekat batas / — tanpa syarat) for
 * the results tables: the shared markOf, the same function the analyst's grid marks with as the
 * value is typed, so the Penyelia and MT see the mark the analyst saw. No result yet: no mark.
 */
import type { Analysis } from '../../../../shared/domain/entities';
import { markOf } from '../../../../shared/domain/result-text';
import type { MarkKind } from '../../../components/ResultMark';

export function analysisMark(
  a: Pick<Analysis, 'result' | 'requirement' | 'detectionLimit'>,
): MarkKind | null {
  if (!a.result) return null;
  return markOf(a, a.result.value);
}
