/**
 * The MT's two answers under a read-only table: *Validasi* (Ctrl+Enter) or *Kembalikan* with a
 * reason the Penyelia sees. The engine's refusal of Validasi stays next to the buttons; a refusal
 * of Kembalikan stays in the reason dialog with the typed reason kept.
 */
import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowBackUp, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { ActionError } from '../results/ActionError';
import { ShortcutHint } from '../results/ShortcutHint';

export interface MtDecisionBarProps {
  onValidate: () => void;
  validating: boolean;
  validateError: string | null;
  onReturn: (reason: string) => Promise<unknown>;
  returning: boolean;
  returnTitle: string;
  returnConsequence: string;
  returnConfirm: string;
  disabled?: boolean;
}

export function MtDecisionBar(p: MtDecisionBarProps) {
  const { t } = useTranslation('mt');
  const [asking, setAsking] = useState(false);
  const busy = p.validating || p.returning;
  useHotkeys(asking || p.disabled ? [] : [['mod+Enter', () => !busy && p.onValidate()]], []);
  return (
    <Stack gap="xs">
      <ActionError message={p.validateError} />
      <Group gap="sm">
        <Button
          onClick={p.onValidate}
          leftSection={<IconChecks size={16} />}
          loading={p.validating}
          disabled={p.disabled || (busy && !p.validating)}
        >
          {t('validate')}
          <ShortcutHint keys="Ctrl+Enter" />
        </Button>
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={16} color="var(--mantine-color-orange-8)" />}
          onClick={() => setAsking(true)}
          disabled={p.disabled || busy}
        >
          {t('return')}
        </Button>
      </Group>
      <ReasonDialog
        opened={asking}
        title={p.returnTitle}
        consequence={p.returnConsequence}
        confirmLabel={p.returnConfirm}
        danger={false}
        onConfirm={p.onReturn}
        onClose={() => setAsking(false)}
      />
    </Stack>
  );
}
