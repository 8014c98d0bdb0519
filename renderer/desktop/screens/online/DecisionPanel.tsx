/**
 * A front-office decision on the open row: the "yes" of the step (Ctrl+Enter) and its "no" that
 * asks for a reason (ReasonDialog keeps the reason when the send fails). Used by the steps where
 * the whole panel is one decision: the Ketua Tim's tariff (step 6), the Bendahara's proof (step 10).
 */
import { useState, type ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { ActionFrame } from '../parts/ActionPanel';

export interface Approve {
  label: string;
  busy: boolean;
  error: string | null;
  offline: boolean;
  /** Sends the decision; true when it was taken (the panel then closes). */
  send: () => Promise<boolean>;
}

export interface Decline {
  label: string;
  icon: ReactNode;
  /** A refusal (red) rather than a return for correction (neutral). */
  refusal?: boolean;
  dialogTitle: string;
  consequence: string;
  /** Throws to keep the dialog open with its message (useOnlineAction's runOrThrow). */
  send: (reason: string) => Promise<unknown>;
}

export function DecisionPanel({
  title,
  onDone,
  approve,
  decline,
  children,
}: {
  title: string;
  onDone: () => void;
  approve: Approve;
  decline: Decline;
  children: ReactNode;
}) {
  const [declining, setDeclining] = useState(false);
  const submit = async () => {
    if (await approve.send()) onDone();
  };
  return (
    <ActionFrame
      title={title}
      onDone={onDone}
      action={approve}
      submit={submit}
      actions={
        <Group gap="xs">
          <Button leftSection={<IconCheck size={16} />} loading={approve.busy} onClick={() => void submit()}>
            {approve.label} (Ctrl+Enter)
          </Button>
          <Button
            color={decline.refusal ? 'red' : undefined}
            variant={decline.refusal ? 'light' : 'default'}
            leftSection={decline.icon}
            onClick={() => setDeclining(true)}
          >
            {decline.label}
          </Button>
        </Group>
      }
    >
      {children}
      <ReasonDialog
        danger={false}
        opened={declining}
        title={decline.dialogTitle}
        consequence={decline.consequence}
        confirmLabel={decline.label}
        onClose={() => setDeclining(false)}
        onConfirm={async (reason) => {
          await decline.send(reason);
          setDeclining(false);
          onDone();
        }}
      />
    </ActionFrame>
  );
}
