import { describe, expect, it } from 'vitest';
import {
  clampPos,
  gridKey,
  isTypingKey,
  moveFrom,
  parsePaste,
  pasteWrites,
  type GridState,
} from '../../../../renderer/desktop/screens/analis/grid-keys';

const size = { rows: 3, cols: 2 };
const at = (row: number, col: number, mode: GridState['mode'] = 'nav'): GridState => ({ row, col, mode });

describe('result grid keys', () => {
  it('Enter moves down the column and commits, Shift+Enter up', () => {
    const down = gridKey(at(0, 0, 'edit'), { key: 'Enter' }, size);
    expect(down.state).toEqual(at(1, 0));
    expect(down).toMatchObject({ commit: true, preventDefault: true, submit: false });
    expect(gridKey(at(2, 1), { key: 'Enter', shiftKey: true }, size).state).toEqual(at(1, 1));
  });

  it('Enter on the last row commits and stays (a scanner never jumps out of the grid)', () => {
    const o = gridKey(at(2, 0, 'edit'), { key: 'Enter' }, size);
    expect(o.state).toEqual(at(2, 0));
    expect(o.commit).toBe(true);
  });

  it('Tab moves right and wraps to the next row; Shift+Tab left and back', () => {
    expect(gridKey(at(0, 0), { key: 'Tab' }, size).state).toEqual(at(0, 1));
    expect(gridKey(at(0, 1), { key: 'Tab' }, size).state).toEqual(at(1, 0));
    expect(gridKey(at(1, 0), { key: 'Tab', shiftKey: true }, size).state).toEqual(at(0, 1));
  });

  it('Tab past the last cell lets the browser take focus out (never traps the cursor)', () => {
    const o = gridKey(at(2, 1, 'edit'), { key: 'Tab' }, size);
    expect(o.preventDefault).toBe(false);
    expect(o.commit).toBe(true);
    expect(gridKey(at(0, 0), { key: 'Tab', shiftKey: true }, size).preventDefault).toBe(false);
  });

  it('arrow keys move between cells and never change a value', () => {
    expect(gridKey(at(0, 0, 'edit'), { key: 'ArrowDown' }, size)).toMatchObject({
      state: at(1, 0),
      preventDefault: true,
    });
    expect(gridKey(at(1, 0), { key: 'ArrowUp' }, size).state).toEqual(at(0, 0));
    expect(gridKey(at(0, 0), { key: 'ArrowRight' }, size).state).toEqual(at(0, 1));
    // Editing: Left/Right move the caret inside the text.
    const caret = gridKey(at(0, 0, 'edit'), { key: 'ArrowRight' }, size);
    expect(caret).toMatchObject({ state: at(0, 0, 'edit'), preventDefault: false, commit: false });
    // Modified up/down (which some browsers map to value steps) do nothing.
    expect(gridKey(at(0, 0), { key: 'ArrowUp', ctrlKey: true }, size)).toMatchObject({
      state: at(0, 0),
      preventDefault: true,
      commit: false,
    });
  });

  it('F2 and typing start editing; Esc reverts the cell', () => {
    expect(gridKey(at(0, 0), { key: 'F2' }, size).state.mode).toBe('edit');
    const typed = gridKey(at(0, 0), { key: '5' }, size);
    expect(typed).toMatchObject({ state: at(0, 0, 'edit'), preventDefault: false });
    expect(gridKey(at(0, 0), { key: 'Backspace' }, size).state.mode).toBe('edit');
    const esc = gridKey(at(0, 0, 'edit'), { key: 'Escape' }, size);
    expect(esc).toMatchObject({ state: at(0, 0), revert: true, preventDefault: true });
    // Esc while only selected leaves the cell alone (a dialog above may want it).
    expect(gridKey(at(0, 0), { key: 'Escape' }, size)).toMatchObject({
      revert: false,
      preventDefault: false,
    });
  });

  it('Ctrl+Enter commits and sends', () => {
    expect(gridKey(at(1, 0, 'edit'), { key: 'Enter', ctrlKey: true }, size)).toMatchObject({
      submit: true,
      commit: true,
      state: at(1, 0),
    });
    expect(gridKey(at(1, 0), { key: 'Enter', metaKey: true }, size).submit).toBe(true);
  });

  it('only printable keys without Ctrl are typing', () => {
    expect(isTypingKey({ key: ',' })).toBe(true);
    expect(isTypingKey({ key: 'c', ctrlKey: true })).toBe(false);
    expect(isTypingKey({ key: 'Shift' })).toBe(false);
  });

  it('moves stay inside the grid', () => {
    expect(moveFrom(at(0, 0), 'up', size)).toBeNull();
    expect(moveFrom(at(0, 0), 'left', size)).toBeNull();
    expect(moveFrom(at(0, 0), 'down', { rows: 0, cols: 2 })).toBeNull();
    expect(clampPos({ row: 9, col: 9 }, size)).toEqual({ row: 2, col: 1 });
  });
});

describe('paste from a spreadsheet', () => {
  it('a single value is an ordinary paste', () => {
    expect(parsePaste('12,5')).toBeNull();
  });

  it('a column fills down from the current cell, ignoring the final newline and CRs', () => {
    const block = parsePaste('12,5\r\n0,03\r\n< LoQ\r\n');
    expect(block).toEqual([['12,5'], ['0,03'], ['< LoQ']]);
    const { writes, dropped } = pasteWrites({ row: 1, col: 0 }, block!, size);
    expect(writes).toEqual([
      { row: 1, col: 0, text: '12,5' },
      { row: 2, col: 0, text: '0,03' },
    ]);
    expect(dropped).toBe(1);
  });

  it('two columns fill Hasil and Catatan', () => {
    const { writes } = pasteWrites({ row: 0, col: 0 }, parsePaste('1,2\tduplo\n3,4\t')!, size);
    expect(writes).toEqual([
      { row: 0, col: 0, text: '1,2' },
      { row: 0, col: 1, text: 'duplo' },
      { row: 1, col: 0, text: '3,4' },
      { row: 1, col: 1, text: '' },
    ]);
  });
});
