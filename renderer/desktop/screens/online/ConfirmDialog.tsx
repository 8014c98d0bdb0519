/** A confirmation for what cannot be undone (UI.md, "Visual language"): it names the consequence; Esc cancels. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

export function ConfirmDialog({
  opened,
  title,
  consequence,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  consequence: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': cancelLabel }}
    >
      <Stack gap="md">
        <Text size="sm">{consequence}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button onClick={onConfirm} loading={busy} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
