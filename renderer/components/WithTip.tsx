/**
 * A chip's or a bar's explanation on hover, in a Mantine Tooltip; or none here when the child
 * carries it as the browser's own title (`native`): for rows drawn by the dozen while scrolling,
 * where a Tooltip instance per row is most of the row's cost.
 */
import type { ReactElement } from 'react';
import { Tooltip } from '@mantine/core';

export function WithTip({ tip, native, children }: { tip: string; native: boolean; children: ReactElement }) {
  if (native) return children;
  return (
    <Tooltip label={tip} openDelay={400} multiline maw={320}>
      {children}
    </Tooltip>
  );
}
