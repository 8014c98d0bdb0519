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
import { SendBackButton } from '../parts/SendBackButton';
import { ActionError } from '../results/ActionError';
import { ShortcutHint } from '../results/ShortcutHint';
import { useSampleAction } from '../results/useSampleAction';
import type { SamplePanelProps } from '../sample/panel-props';

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
        <SendBackButton icon={IconArrowBackUp} onClick={() => setAsking(true)} disabled={p.disabled || busy}>
          {t('return')}
        </SendBackButton>
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

/**
 * The bar for one of the MT's two checks (SOP step 13 the assignment, step 16 the results): the
 * stage names both the engine's calls (`assignment.validate`, `results.return`) and the words.
 */
export function MtStageDecision({
  stage,
  order,
  sample,
}: { stage: 'assignment' | 'results' } & Pick<SamplePanelProps, 'order' | 'sample'>) {
  const { t } = useTranslation('mt');
  const validate = useSampleAction(`${stage}.validate`);
  const ret = useSampleAction(`${stage}.return`);
  const sampleLabel = sample.number ?? sample.sampleTypeName;
  const ref = { orderId: order.id, sampleId: sample.id };
  return (
    <MtDecisionBar
      onValidate={() => validate.fire(ref, t(`${stage}.validated`, { sample: sampleLabel }))}
      validating={validate.pending}
      validateError={validate.error}
      onReturn={(reason) => ret.run({ ...ref, reason }, t(`${stage}.returned`, { sample: sampleLabel }))}
      returning={ret.pending}
      returnTitle={t(`${stage}.returnTitle`, { sample: sampleLabel })}
      returnConsequence={t(`${stage}.returnConsequence`)}
      returnConfirm={t(`${stage}.returnConfirm`)}
    />
  );
}
