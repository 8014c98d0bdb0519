import type { QueuedCommandView, SessionInfoView } from '../../../../shared/bridge';
import type { Order, Sample } from '../../../../shared/domain/entities';

/** What every role's panel on the sample screen receives. */
export interface SamplePanelProps {
  order: Order;
  sample: Sample;
  session: SessionInfoView;
  /** This user's unconfirmed, blocked or rejected changes on the order. */
  changes: QueuedCommandView[];
}
