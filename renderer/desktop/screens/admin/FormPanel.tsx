/**
 * A "new …" form in the side panel (a lab, a sample type, a parameter, a staff account): its
 * fields, then the button that sends it, also sent by Ctrl+Enter; the refusal or "perlu koneksi"
 * stays in the panel's frame.
 */
import type { FormEvent, ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { PanelFrame } from '../online/PanelFrame';

/** The Indonesian half of a server message "… / …" (the field's error under it). */
export const firstPart = (m: string | undefined) => (m ? m.split(' / ')[0] : undefined);

export function FormPanel({
  title,
  action,
  submit,
  submitLabel,
  onDone,
  fitButton = false,
  children,
}: {
  title: string;
  /** The online action that sends it (useOnlineAction). */
  action: { busy: boolean; error: string | null; offline: boolean };
  /** The form's submit handler (react-hook-form's handleSubmit). */
  submit: (e?: FormEvent) => Promise<void>;
  submitLabel: string;
  onDone: () => void;
  /** The button as wide as its text rather than the panel. */
  fitButton?: boolean;
  children: ReactNode;
}) {
  const button = (
    <Button type="submit" loading={action.busy}>
      {submitLabel} (Ctrl+Enter)
    </Button>
  );
  return (
    <PanelFrame
      title={title}
      onClose={onDone}
      error={action.error}
      offline={action.offline}
      onSubmitKey={() => void submit()}
    >
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <Stack gap="xs">
          {children}
          {fitButton ? <Group>{button}</Group> : button}
        </Stack>
      </form>
    </PanelFrame>
  );
}
