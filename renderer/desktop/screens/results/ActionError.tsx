/** The engine's refusal of an action, shown next to the action's buttons until the next try. */
import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

export function ActionError({ message, onClose }: { message: string | null; onClose?: () => void }) {
  if (!message) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      role="alert"
      p="xs"
      withCloseButton={!!onClose}
      onClose={onClose}
      closeButtonLabel="×"
    >
      {message}
    </Alert>
  );
}
