/**
 * Keys of a table whose rows are focused one at a time (roving focus): arrows and Home/End move,
 * Space selects the focused row for a batch action (UI.md, "Worklists": Space selects, arrows move).
 */
export type RowKeyAction = { type: 'move'; to: number } | { type: 'toggle' } | null;

export function rowKeyAction(key: string, index: number, count: number): RowKeyAction {
  if (count <= 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', to: clamp(index + 1) };
    case 'ArrowUp':
      return { type: 'move', to: clamp(index - 1) };
    case 'Home':
      return { type: 'move', to: 0 };
    case 'End':
      return { type: 'move', to: count - 1 };
    case 'PageDown':
      return { type: 'move', to: clamp(index + 10) };
    case 'PageUp':
      return { type: 'move', to: clamp(index - 10) };
    case ' ':
    case 'Spacebar':
      return { type: 'toggle' };
    default:
      return null;
  }
}
