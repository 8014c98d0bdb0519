/** The shortcut shown on a button ("Terima  Ctrl+Enter"), also in its accessible name. */
import { Text } from '@mantine/core';

export function ShortcutHint({ keys }: { keys: string }) {
  return (
    <Text span size="xs" ml={6} fw={400}>
      ({keys})
    </Text>
  );
}
