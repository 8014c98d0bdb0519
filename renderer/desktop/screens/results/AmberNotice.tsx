import type { ReactNode } from 'react';
import { Alert, Text } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';

/**
 * An amber note above a panel (the sample came back, the receipt has concerns): the title in dark
 * text, since orange words on the light orange tint fall below the contrast the screens keep.
 */
export function AmberNotice({
  icon: Icon,
  title,
  children,
}: {
  icon: TablerIcon;
  title: string;
  children: ReactNode;
}) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<Icon size={18} />}
      title={
        <Text span fw={600} size="sm" c="dark.8">
          {title}
        </Text>
      }
      p="sm"
    >
      {children}
    </Alert>
  );
}
