/** Mantine's description and error colours are too faint at 12 px (WCAG AA): darker ones. */
export const READABLE_FIELD = {
  description: { color: 'var(--mantine-color-gray-7)' },
  error: { color: 'var(--mantine-color-red-9)' },
  input: { color: 'var(--mantine-color-text)' },
} as const;
