/**
 * One rejected change: what was refused, why (the server's message), for a conflict who changed it
 * first and whether redo can help, and the two ways out, *Ulangi* and *Abaikan*. Used by the red
 * banner under the top bar, the sync panel and the sample screen.
 */
import { useState, type ReactNode } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueuedCommandView } from '../../../shared/bridge';
import { useBridgeMutation } from '../../bridge/hooks';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/message';
import { rejectionText } from './change-text';

export interface RejectedChangeProps {
  change: QueuedCommandView;
  /** Later changes held back behind this one. */
  blockedCount?: number;
  /** White buttons on the red banner. */
  onRed?: boolean;
  extra?: ReactNode;
}

export function RejectedChange({ change, blockedCount = 0, onRed = false, extra }: RejectedChangeProps) {
  const { t, i18n } = useTranslation('frame');
  const redo = useBridgeMutation('changes.redo');
  const dismiss = useBridgeMutation('changes.dismiss');
  const [failure, setFailure] = useState<string | null>(null);
  const r = rejectionText(change, i18n.language);

  const act = async (which: 'redo' | 'dismiss') => {
    setFailure(null);
    try {
      if (which === 'redo') await redo.mutateAsync({ commandId: change.id });
      else await dismiss.mutateAsync({ commandId: change.id });
      notifications.show({
        color: 'teal',
        message: t(which === 'redo' ? 'rejected.redone' : 'rejected.dismissed'),
      });
    } catch (e) {
      setFailure(errorText(e, i18n.language));
    }
  };

  // The role's label may carry its own abbreviation ("Manajer Teknis (MT)"): set apart by a comma, not parentheses.
  const who = r.conflict
    ? [r.conflict.who ?? t('rejected.someone'), r.conflict.role].filter(Boolean).join(', ')
    : '';
  const when = r.conflict?.at ? `, ${formatDateTime(r.conflict.at, i18n.language)}` : '';

  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {r.what}
      </Text>
      {r.reason && <Text size="sm">{t('rejected.why', { reason: r.reason })}</Text>}
      {r.conflict && <Text size="sm">{t('rejected.conflict', { who, when, what: r.conflict.now })}</Text>}
      {r.redoPossible !== null && (
        <Text size="xs" fw={500}>
          {r.redoPossible ? t('rejected.redoHelps') : t('rejected.redoNoHelp')}
        </Text>
      )}
      {blockedCount > 0 && <Text size="xs">{t('rejected.laterBlocked', { count: blockedCount })}</Text>}
      <Group gap="xs" mt={4}>
        {r.redoPossible !== false && (
          <Button
            size="compact-sm"
            variant={onRed ? 'white' : 'filled'}
            color="red"
            leftSection={<IconRefresh size={14} />}
            loading={redo.isPending}
            disabled={dismiss.isPending}
            onClick={() => void act('redo')}
          >
            {t('rejected.redo')}
          </Button>
        )}
        <Button
          size="compact-sm"
          variant={onRed ? 'outline' : 'default'}
          color={onRed ? 'white' : undefined}
          leftSection={r.redoPossible === false ? <IconTrash size={14} /> : <IconArrowBackUp size={14} />}
          loading={dismiss.isPending}
          disabled={redo.isPending}
          onClick={() => void act('dismiss')}
          styles={onRed ? { root: { color: 'white', borderColor: 'rgba(255,255,255,0.7)' } } : undefined}
        >
          {t('rejected.dismiss')}
        </Button>
        {extra}
      </Group>
      {failure && (
        <Text size="sm" role="alert" fw={500}>
          {failure}
        </Text>
      )}
    </Stack>
  );
}
