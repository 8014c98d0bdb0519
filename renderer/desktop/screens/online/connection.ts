/**
 * Whether the server can be reached, as the sync engine last found it (the same source as the
 * connection pill), and whether an error is the bridge's `offline`: an online screen then says
 * "perlu koneksi" and keeps what was typed.
 */
import { BridgeCallError } from '../../../../shared/bridge';

export function isOffline(e: unknown): boolean {
  return e instanceof BridgeCallError && e.error.code === 'offline';
}

/** Offline only when the engine knows so (null: not tried yet, treated as reachable). */
export function serverReachable(online: boolean | null | undefined): boolean {
  return online !== false;
}
