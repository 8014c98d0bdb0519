/**
 * The desktop's settings behind one small interface: the Electron shell keeps them with
 * electron-store (main/shell), the loopback web host and tests use the two stores here. Kept
 * small on purpose: a second implementation lives elsewhere and must not have to follow changes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SettingsSchema, type Settings } from '../../../shared/bridge/models';

export type { Settings };

export interface SettingsStore {
  get(): Settings;
  /** Shallow merge of `patch` over the current settings; answers the settings as stored. */
  update(patch: Partial<Settings>): Settings;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  serverUrl: null,
  language: 'id',
  lastUser: null,
  window: null,
  worklistFilters: {},
}) as Settings;

function merged(current: Settings, patch: Partial<Settings>): Settings {
  // Parse the result, not the patch: a patch that would leave the settings invalid is refused whole.
  return SettingsSchema.parse({ ...current, ...patch });
}

export class MemorySettingsStore implements SettingsStore {
  private value: Settings;
  constructor(initial: Partial<Settings> = {}) {
    this.value = merged(structuredClone(DEFAULT_SETTINGS), initial);
  }
  get(): Settings {
    return structuredClone(this.value);
  }
  update(patch: Partial<Settings>): Settings {
    this.value = merged(this.value, patch);
    return this.get();
  }
}

/**
 * Settings in one JSON file. Written to a temporary file and renamed over the old one, so a crash
 * mid-write leaves the old settings rather than half a file. A file that is not valid JSON or not
 * valid settings is moved aside (kept for whoever wants to look) and the defaults are used.
 */
export class JsonFileSettingsStore implements SettingsStore {
  private value: Settings;
  /** Where a damaged settings file was moved at load, if it was. */
  readonly movedAside: string | null = null;

  constructor(
    private readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (!existsSync(path)) {
      this.value = structuredClone(DEFAULT_SETTINGS);
      return;
    }
    try {
      this.value = SettingsSchema.parse({
        ...DEFAULT_SETTINGS,
        ...(JSON.parse(readFileSync(path, 'utf8')) as object),
      });
    } catch {
      const aside = `${path}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(path, aside);
      this.movedAside = aside;
      this.value = structuredClone(DEFAULT_SETTINGS);
    }
  }

  get(): Settings {
    return structuredClone(this.value);
  }

  update(patch: Partial<Settings>): Settings {
    const next = merged(this.value, patch);
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
    this.value = next;
    return this.get();
  }
}
