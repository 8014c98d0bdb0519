/**
 * When a worklist row may skip redrawing (React.memo's comparison), as a pure function so it is
 * tested in Node. A row redraws only for its own data (the same object until its page is fetched
 * again), its place, its active or selected state, the clock's minute or the column set; a scroll
 * frame then draws only the rows that came into view, and ArrowDown redraws two rows.
 */
export interface RowMemoProps {
  /** The row's data as the page answered it. */
  data: unknown;
  index: number;
  /** Offset in px within the list. */
  start: number;
  active: boolean;
  selected: boolean;
  now: Date;
  /** The column definitions (one object per screen, language and role). */
  columns: unknown;
  /** The CSS grid template shared with the header. */
  template: string;
}

export function sameRow(a: RowMemoProps, b: RowMemoProps): boolean {
  return (
    a.data === b.data &&
    a.index === b.index &&
    a.start === b.start &&
    a.active === b.active &&
    a.selected === b.selected &&
    a.now === b.now &&
    a.columns === b.columns &&
    a.template === b.template
  );
}
