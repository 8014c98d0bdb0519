import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';

interface SendBackButtonProps {
  icon: TablerIcon;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}

/**
 * The answer that sends work back a step (Kembalikan, Uji ulang): a neutral button beside the
 * step's own decision, its orange icon marking the way back rather than a refusal (no red).
 */
export function SendBackButton({ icon: Icon, ...button }: SendBackButtonProps) {
  return (
    <Button
      variant="default"
      leftSection={<Icon size={16} color="var(--mantine-color-orange-8)" />}
      {...button}
    />
  );
}
