// PLACEHOLDER while the screen is being built (issue 8); replaced by its real implementation.
import type { ReactNode } from 'react';
export function SigningScreen(props: { children?: ReactNode; mode?: 'work' | 'all'; orderId?: string; sampleId?: string }) {
  return <div>{props.children ?? 'SigningScreen'}</div>;
}
