/**
 * The "no" that put a sample where it is now, from the order's return notes: the MT's reason when
 * an assignment or results came back to the Penyelia. Shown above the panel so the Penyelia fixes
 * what was asked, not what they guess.
 */
import type { Order, ReturnNote, Sample } from '../../../../shared/domain/entities';

/**
 * The latest return note on this sample, when it is the one that brought the sample to its current
 * status by one of `commands` (e.g. 'assignment.return'). A note from an earlier round that the
 * sample has since moved past is not returned.
 */
export function currentReturn(
  order: Pick<Order, 'returns'>,
  sample: Pick<Sample, 'id' | 'statusSince'>,
  commands: readonly string[],
): ReturnNote | null {
  const mine = order.returns.filter((r) => r.entity === 'sample' && r.entityId === sample.id);
  const last = mine.at(-1);
  if (!last || !commands.includes(last.command)) return null;
  // The sample moved after this note (a later step), so the note no longer explains its status.
  if (sample.statusSince && Date.parse(sample.statusSince) > Date.parse(last.at)) return null;
  return last;
}
