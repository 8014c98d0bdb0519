/**
 * The worklist's keyboard model (UI.md: Enter opens, Space selects, arrow keys move), as a pure
 * function of the key and the current row, so it is tested without a browser.
 */
export type ListKeyAction =
  | { kind: 'move'; index: number }
  | { kind: 'open'; index: number }
  | { kind: 'toggle'; index: number }
  | { kind: 'none' };

export function listKey(key: string, active: number, count: number, pageRows: number): ListKeyAction {
  if (count <= 0) return { kind: 'none' };
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  const at = active < 0 ? -1 : clamp(active);
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', index: clamp(at + 1) };
    case 'ArrowUp':
      return { kind: 'move', index: clamp(at < 0 ? 0 : at - 1) };
    case 'PageDown':
      return { kind: 'move', index: clamp(Math.max(at, 0) + pageRows) };
    case 'PageUp':
      return { kind: 'move', index: clamp(Math.max(at, 0) - pageRows) };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: count - 1 };
    case 'Enter':
      return at < 0 ? { kind: 'none' } : { kind: 'open', index: at };
    case ' ':
    case 'Spacebar':
      return at < 0 ? { kind: 'none' } : { kind: 'toggle', index: at };
    default:
      return { kind: 'none' };
  }
}

/** Whether to fetch the next page: the window reaches within `margin` rows of what is loaded. */
export function needsMore(
  lastVisible: number,
  loaded: number,
  hasMore: boolean,
  fetching: boolean,
  margin = 60,
): boolean {
  return hasMore && !fetching && lastVisible >= loaded - margin;
}
