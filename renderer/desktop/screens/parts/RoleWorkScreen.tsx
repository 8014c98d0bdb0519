/**
 * A role's "Pekerjaan saya" (CS, Ketua Tim PJI, Bendahara) drawn from that role's table: which
 * orders it reads, where its title and empty hint are translated, and the panel of each step it
 * does. The worklist itself is the front office's one WorkScreen.
 */
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/sop/roles';
import { WORK_STATUSES, type WorkAction, type WorkItem } from '../online/work-items';
import { WorkScreen } from '../online/WorkScreen';

/** The props of one step's panel: the open row, and `onDone` that closes it after the action. */
export interface StepPanelProps {
  item: WorkItem;
  onDone: () => void;
}

export interface RoleWork {
  role: Role;
  /** The translation namespace holding this role's `work.title` and `work.empty`. */
  namespace: string;
  /** The panel of each step the role does; a row of another step opens nothing. */
  panels: Partial<Record<WorkAction, ComponentType<StepPanelProps>>>;
}

export function RoleWorkScreen({ work }: { work: RoleWork }) {
  const { t } = useTranslation(work.namespace);
  return (
    <WorkScreen
      role={work.role}
      title={t('work.title')}
      statuses={WORK_STATUSES[work.role] ?? []}
      emptyHint={t('work.empty')}
      panel={(item, done) => {
        const Panel = work.panels[item.action];
        return Panel ? <Panel item={item} onDone={done} /> : null;
      }}
    />
  );
}
