/**
 * A panel's "no" that asks for a reason first (ReasonDialog, neutral: a return for correction, a
 * deactivation, an amendment): once sent, the dialog closes and so does the panel; a failed send
 * keeps the dialog open with the reason typed and the message.
 */
import { useState, type ReactNode } from 'react';
import { Button } from '@mantine/core';
import { ReasonDialog } from '../../../components/ReasonDialog';

export interface ReasonSend {
  /** What happens when confirmed, in words. */
  consequence: string;
  /** Throws to keep the dialog open with its message (useOnlineAction's runOrThrow). */
  send: (reason: string) => Promise<unknown>;
  /** Closes the panel after the send. */
  onDone: () => void;
}

/** The dialog, opened by the panel (a button, Ctrl+Enter). */
export function PanelReasonDialog({
  send,
  onDone,
  ...dialog
}: ReasonSend & {
  opened: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  initialReason?: string;
}) {
  return (
    <ReasonDialog
      danger={false}
      {...dialog}
      onConfirm={async (reason) => {
        await send(reason);
        dialog.onClose();
        onDone();
      }}
    />
  );
}

/** A panel's one button that opens the dialog; the button, the dialog's title and its confirm say `label`. */
export function ReasonButton({ label, icon, ...reason }: ReasonSend & { label: string; icon: ReactNode }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button color="red" variant="light" leftSection={icon} onClick={() => setAsking(true)}>
        {label}
      </Button>
      <PanelReasonDialog
        opened={asking}
        onClose={() => setAsking(false)}
        title={label}
        confirmLabel={label}
        {...reason}
      />
    </>
  );
}
