/**
 * The SettingsStore over a key-value backend (electron-store in the app, a Map in tests): the
 * whole settings object under one key, checked with the shared schema on the way in and out.
 */
import { SettingsSchema, type Settings } from '../../shared/bridge';
import { DEFAULT_SETTINGS, type SettingsStore } from '../services/settings/settings';

export interface KeyValueBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const SETTINGS_KEY = 'settings';

export class KeyValueSettingsStore implements SettingsStore {
  private value: Settings;
  /** Set when what was stored did not pass the schema and the defaults were used instead. */
  readonly recovered: boolean = false;

  constructor(private readonly backend: KeyValueBackend) {
    const stored = backend.get(SETTINGS_KEY);
    const parsed = SettingsSchema.safeParse({
      ...DEFAULT_SETTINGS,
      ...(typeof stored === 'object' && stored !== null ? stored : {}),
    });
    if (parsed.success) {
      this.value = parsed.data;
    } else {
      // A hand-edited or older file: start from the defaults rather than refuse to open the app.
      this.value = structuredClone(DEFAULT_SETTINGS);
      this.recovered = true;
    }
  }

  get(): Settings {
    return structuredClone(this.value);
  }

  update(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.value, ...patch });
    this.backend.set(SETTINGS_KEY, next);
    this.value = next;
    return this.get();
  }
}
