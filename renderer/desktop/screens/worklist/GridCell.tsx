import type { ReactNode } from 'react';

/**
 * A header or cell of the worklist-style grids (the worklist, the online work tables): one line,
 * numbers pushed to the right edge.
 */
export function GridCell({
  role,
  align,
  children,
}: {
  role: 'columnheader' | 'gridcell';
  align?: string;
  children: ReactNode;
}) {
  return (
    <div
      role={role}
      className="worklist-cell"
      style={{ justifyContent: align === 'right' ? 'flex-end' : 'flex-start' }}
    >
      {children}
    </div>
  );
}
