/**
 * Which role's panel the sample screen shows for the sample's state (issue 8, "Screens"). A role
 * with nothing to do at this state gets none: the screen then says who the sample waits for.
 */
import type { Sample } from '../../../../shared/domain/entities';
import type { Role } from '../../../../shared/sop/roles';

export type PanelKey =
  'receiptCheck' | 'assignment' | 'verification' | 'mtAssignment' | 'mtResults' | 'resultGrid';

const hasResults = (s: Pick<Sample, 'analyses'>) =>
  s.analyses.some((a) => a.status === 'submitted' || a.status === 'verified');

export function panelFor(
  role: Role,
  sample: Pick<Sample, 'status' | 'analyses'>,
  returned = false,
): PanelKey | null {
  switch (role) {
    case 'penyelia':
      if (sample.status === 'registered') return 'receiptCheck';
      if (sample.status === 'received' || (sample.status === 'assigned' && returned)) return 'assignment';
      if (sample.status === 'in_testing' && hasResults(sample)) return 'verification';
      return null;
    case 'mt':
      if (sample.status === 'assigned') return 'mtAssignment';
      if (sample.status === 'results_verified') return 'mtResults';
      return null;
    case 'analis':
      return sample.status === 'in_testing' ? 'resultGrid' : null;
    default:
      return null;
  }
}
