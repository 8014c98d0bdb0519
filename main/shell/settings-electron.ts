/**
 * Settings in electron-store (a JSON file in the app's userData folder, written atomically),
 * behind the SettingsStore interface. Only the main process opens it; the engine gets a copy.
 */
import Store from 'electron-store';
import { KeyValueSettingsStore } from './settings-kv';

export function openElectronSettings(): KeyValueSettingsStore {
  // No electron-store schema/migrations: the shared zod schema is the one check (settings-kv.ts).
  const store = new Store<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: true });
  return new KeyValueSettingsStore({ get: (k) => store.get(k), set: (k, v) => store.set(k, v) });
}
