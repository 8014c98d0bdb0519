import type { FormEvent } from 'react';

/**
 * A form's submit handler that sends on Enter or the submit button: the browser's own submit (a page
 * load) is stopped and the send runs on its own; the send shows its errors itself.
 */
export const submitWith =
  (send: () => Promise<unknown>) =>
  (e: FormEvent): void => {
    e.preventDefault();
    void send();
  };
