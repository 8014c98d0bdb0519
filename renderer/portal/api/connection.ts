/**
 * Whether the server answered the last request: the banner "server tidak dapat dihubungi" reads it.
 * Any answer (even a refusal) means reachable; only a network failure means unreachable.
 */
import { useSyncExternalStore } from 'react';

let reachable = true;
const listeners = new Set<() => void>();

function set(v: boolean): void {
  if (v === reachable) return;
  reachable = v;
  for (const fn of listeners) fn();
}

export const markReachable = (): void => set(true);
export const markUnreachable = (): void => set(false);

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useReachable(): boolean {
  return useSyncExternalStore(subscribe, () => reachable);
}
