/**
 * A modal that asks a reason before something that cannot be undone (reject, return, retest,
 * refuse): at least 5 characters, the error under the field, a confirm button that names the
 * consequence, Esc cancels. `onConfirm` may fail: its error stays in the dialog with the typed
 * reason kept (UI.md: typing is never lost, an error that needs action stays on the screen).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IconNote } from './IconNote';
import { reasonProblem } from './reason-rules';
import { useSend } from './use-send';

export interface ReasonDialogProps {
  opened: boolean;
  title: string;
  /** What happens when confirmed, in words ("Sampel ditolak; pelanggan melihat alasannya."). */
  consequence: string;
  /** Names the consequence: "Tolak sampel", "Kembalikan ke Penyelia". */
  confirmLabel: string;
  onConfirm: (reason: string) => Promise<unknown> | void;
  onClose: () => void;
  /** Red confirm for a refusal (default), blue for a neutral return. */
  danger?: boolean;
  initialReason?: string;
}

export { reasonProblem, REASON_MIN, REASON_MAX } from './reason-rules';

export function ReasonDialog({
  opened,
  title,
  consequence,
  confirmLabel,
  onConfirm,
  onClose,
  danger = true,
  initialReason = '',
}: ReasonDialogProps) {
  const { t } = useTranslation('components');
  const [reason, setReason] = useState(initialReason);
  const [touched, setTouched] = useState(false);
  const { busy, failure, setFailure, send } = useSend();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (opened) {
      setReason(initialReason);
      setTouched(false);
      setFailure(null);
    }
  }, [opened, initialReason]);

  const problem = reasonProblem(reason);
  const showProblem = touched && problem !== null;

  const submit = async () => {
    setTouched(true);
    if (problem || busy) {
      field.current?.focus();
      return;
    }
    await send(async () => {
      await onConfirm(reason.trim());
      onClose();
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={() => !busy && onClose()}
      title={<Text fw={600}>{title}</Text>}
      closeOnEscape={!busy}
      trapFocus
      centered
      size="md"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <IconNote icon={IconAlertTriangle} color="var(--mantine-color-orange-7)">
            <Text size="sm">{consequence}</Text>
          </IconNote>
          <Textarea
            ref={field}
            data-autofocus
            // A prefilled reason is completed, not replaced: the caret goes after it, not before.
            onFocus={(e) => {
              const el = e.currentTarget;
              if (initialReason && el.value === initialReason)
                el.setSelectionRange(el.value.length, el.value.length);
            }}
            label={t('reason.label')}
            placeholder={t('reason.placeholder')}
            description={t('common:reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onBlur={() => reason.length > 0 && setTouched(true)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
            error={showProblem ? t(`reason.${problem}`) : undefined}
            autosize
            minRows={3}
            maxRows={8}
            required
            disabled={busy}
          />
          {failure && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert" p="xs">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common:cancel')}{' '}
              <Text span c="dimmed" size="xs" ml={6}>
                Esc
              </Text>
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={busy}>
              {confirmLabel}{' '}
              <Text span size="xs" ml={6} fw={400} c="white">
                Ctrl+Enter
              </Text>
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
