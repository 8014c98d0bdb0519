/**
 * Mantine's PasswordInput that tells assistive technology when it is wrong. TextInput marks its
 * input aria-invalid when it shows an error; PasswordInput (Mantine 8.3) does not, so a screen
 * reader read the message but not that the password field itself was refused.
 */
import { PasswordInput } from '@mantine/core';
import type { ComponentProps } from 'react';

export function PasswordField(props: ComponentProps<typeof PasswordInput>) {
  return <PasswordInput aria-invalid={!!props.error} {...props} />;
}
