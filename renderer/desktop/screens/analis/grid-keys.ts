/**
 * The key model of the Analis result grid (UI.md, "Analis: result entry"), as a pure reducer so it
 * can be tested without a DOM. Only editable cells (Hasil, Catatan) take part; read-only columns are
 * never visited.
 *
 * A cell is either *selected* ('nav': its text is selected, so typing replaces it, as in a
 * spreadsheet) or *edited* ('edit': after F2 or the first keystroke; Left/Right move the caret).
 * Enter always moves down the column, because balances and barcode scanners type a value and then
 * Enter, and analysts weigh a column of cups in a row. Arrow keys and the wheel never change a value.
 */

export interface GridPos {
  row: number;
  col: number;
}

export type GridMode = 'nav' | 'edit';

export interface GridState extends GridPos {
  mode: GridMode;
}

export interface GridSize {
  rows: number;
  cols: number;
}

/** The parts of a KeyboardEvent the model looks at. */
export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface KeyOutcome {
  state: GridState;
  /** The browser must not act on the key (we moved, or the key would change nothing useful). */
  preventDefault: boolean;
  /** The cell being left (or confirmed) should be saved now. */
  commit: boolean;
  /** Put back the text the cell had when editing began (Esc). */
  revert: boolean;
  /** Send the sample's results (Ctrl+Enter). */
  submit: boolean;
}

const outcome = (state: GridState, o: Partial<Omit<KeyOutcome, 'state'>> = {}): KeyOutcome => ({
  state,
  preventDefault: false,
  commit: false,
  revert: false,
  submit: false,
  ...o,
});

const clamp = (n: number, lo: number, hi: number): number => Math.min(Math.max(n, lo), hi);

/** Where a move lands: down/up stay in the column; right/left wrap to the next/previous row. */
export function moveFrom(
  pos: GridPos,
  dir: 'down' | 'up' | 'right' | 'left',
  size: GridSize,
): GridPos | null {
  const { rows, cols } = size;
  if (rows <= 0 || cols <= 0) return null;
  switch (dir) {
    case 'down':
      return pos.row + 1 < rows ? { row: pos.row + 1, col: pos.col } : null;
    case 'up':
      return pos.row > 0 ? { row: pos.row - 1, col: pos.col } : null;
    case 'right':
      if (pos.col + 1 < cols) return { row: pos.row, col: pos.col + 1 };
      return pos.row + 1 < rows ? { row: pos.row + 1, col: 0 } : null;
    case 'left':
      if (pos.col > 0) return { row: pos.row, col: pos.col - 1 };
      return pos.row > 0 ? { row: pos.row - 1, col: cols - 1 } : null;
  }
}

/** The first cell, or the same position kept inside a grid that changed size. */
export function clampPos(pos: GridPos, size: GridSize): GridPos {
  return {
    row: clamp(pos.row, 0, Math.max(0, size.rows - 1)),
    col: clamp(pos.col, 0, Math.max(0, size.cols - 1)),
  };
}

/** Keys that type into a cell: one printable character without Ctrl/Meta (Alt Gr still types). */
export function isTypingKey(k: KeyInput): boolean {
  return k.key.length === 1 && !k.ctrlKey && !k.metaKey;
}

/**
 * One key in the grid. A move commits the cell being left; a move past the grid's edge keeps the
 * position (Enter on the last row still commits); Tab past the last cell lets the browser move
 * focus on, so the grid never traps the cursor.
 */
export function gridKey(state: GridState, k: KeyInput, size: GridSize): KeyOutcome {
  const ctrl = Boolean(k.ctrlKey || k.metaKey);
  const go = (dir: 'down' | 'up' | 'right' | 'left'): KeyOutcome => {
    const to = moveFrom(state, dir, size);
    return outcome(to ? { ...to, mode: 'nav' } : { ...state, mode: 'nav' }, {
      preventDefault: true,
      commit: true,
    });
  };

  if (k.key === 'Enter') {
    if (ctrl) return outcome({ ...state, mode: 'nav' }, { preventDefault: true, commit: true, submit: true });
    return go(k.shiftKey ? 'up' : 'down');
  }
  if (k.key === 'Tab') {
    if (ctrl || k.altKey) return outcome(state);
    const to = moveFrom(state, k.shiftKey ? 'left' : 'right', size);
    // Past the first/last cell: commit and let the browser take focus out of the grid.
    if (!to) return outcome({ ...state, mode: 'nav' }, { commit: true });
    return outcome({ ...to, mode: 'nav' }, { preventDefault: true, commit: true });
  }
  if (k.key === 'ArrowDown' || k.key === 'ArrowUp') {
    if (ctrl || k.altKey || k.shiftKey) return outcome(state, { preventDefault: true });
    return go(k.key === 'ArrowDown' ? 'down' : 'up');
  }
  if (k.key === 'ArrowLeft' || k.key === 'ArrowRight') {
    // Editing: the caret moves inside the text. Selected: the selection moves to the next cell.
    if (state.mode === 'edit') return outcome(state);
    return go(k.key === 'ArrowRight' ? 'right' : 'left');
  }
  if (k.key === 'F2') return outcome({ ...state, mode: 'edit' }, { preventDefault: true });
  if (k.key === 'Escape') {
    if (state.mode === 'edit')
      return outcome({ ...state, mode: 'nav' }, { preventDefault: true, revert: true });
    return outcome(state);
  }
  if (k.key === 'PageDown' || k.key === 'PageUp') return outcome(state, { preventDefault: true });
  if (state.mode === 'nav' && (k.key === 'Backspace' || k.key === 'Delete' || isTypingKey(k))) {
    // The text is selected: the key replaces or clears it, and editing begins.
    return outcome({ ...state, mode: 'edit' });
  }
  return outcome(state);
}

/**
 * A paste from a spreadsheet: rows separated by newlines, cells by tabs. A single value with no
 * newline or tab is an ordinary paste into the cell (null).
 */
export function parsePaste(text: string): string[][] | null {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (!normalized.includes('\n') && !normalized.includes('\t')) return null;
  const lines = normalized.split('\n');
  // Spreadsheets end a copied column with a newline: drop that one empty last line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t').map((c) => c.trim()));
}

export interface PasteWrite {
  row: number;
  col: number;
  text: string;
}

/**
 * Where a pasted block goes: down from the current cell, and across into the next editable
 * columns; what falls outside the grid is dropped (and counted, so the screen can say so).
 */
export function pasteWrites(
  at: GridPos,
  block: string[][],
  size: GridSize,
): { writes: PasteWrite[]; dropped: number } {
  const writes: PasteWrite[] = [];
  let dropped = 0;
  block.forEach((cells, i) => {
    cells.forEach((text, j) => {
      const row = at.row + i;
      const col = at.col + j;
      if (row < size.rows && col < size.cols) writes.push({ row, col, text });
      else dropped += 1;
    });
  });
  return { writes, dropped };
}
