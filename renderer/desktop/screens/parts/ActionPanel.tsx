/**
 * Detail panels that send one online action (useOnlineAction): the front-office steps, the
 * catalog's parameter edit and "new …" forms, a customer account. The action's refusal or "perlu
 * koneksi" stands right above the panel's buttons, and Ctrl+Enter sends it (PanelFrame).
 */
import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { PanelFrame } from '../online/PanelFrame';

/** What the panel shows of its online action. */
export interface PanelAction {
  busy: boolean;
  error: string | null;
  offline: boolean;
}

/** The frame of a panel that sends `action`, with whatever buttons it draws. */
export function ActionFrame({
  title,
  onDone,
  action,
  submit,
  actions,
  children,
}: {
  title: string;
  onDone: () => void;
  action: PanelAction;
  /** What Ctrl+Enter does. */
  submit: () => unknown;
  /** The buttons and their inputs, pinned at the bottom. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <PanelFrame
      title={title}
      onClose={onDone}
      error={action.error}
      offline={action.offline}
      onSubmitKey={() => void submit()}
      actions={actions}
    >
      {children}
    </PanelFrame>
  );
}

/** A panel whose action is one button: the facts, then any inputs it takes, then the button. */
export function ActionPanel({
  submitLabel,
  icon,
  disabled,
  form,
  controls,
  ...frame
}: {
  title: string;
  onDone: () => void;
  action: PanelAction;
  /** What the button and Ctrl+Enter do. */
  submit: () => unknown;
  submitLabel: string;
  icon?: ReactNode;
  disabled?: boolean;
  /** The id of a `<form>` in `controls`: the button is that form's submit button (Enter in it sends too). */
  form?: string;
  /** The action's inputs, above the button. */
  controls?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ActionFrame
      {...frame}
      actions={
        <>
          {controls}
          <Button
            {...(form ? { type: 'submit', form } : { onClick: () => void frame.submit() })}
            leftSection={icon}
            loading={frame.action.busy}
            disabled={disabled}
          >
            {submitLabel} (Ctrl+Enter)
          </Button>
        </>
      }
    />
  );
}
