/**
 * The records calls (shared/bridge/records-calls.ts) mapped to the server: a record read as JSON,
 * or fetched as XLSX/PDF and saved by this host into the export folder. The window never names a
 * path: the file goes to the folder the host chose (SIPPT_EXPORT_DIR, else the user's Downloads),
 * under the server's file name, with " (2)", " (3)"... rather than over an earlier file.
 */
import { mkdir, open } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { CallArgs, CallOutput } from '../../../shared/bridge/calls';
import type { DesktopServices } from '../desktop';
import { request } from '../online/requests';

type RecordCallName = 'online.records.get' | 'online.records.export';
type RecordHandler<N extends RecordCallName> = (
  args: CallArgs<N>,
  ctx: { core: DesktopServices },
) => Promise<CallOutput<N>>;

/** The folder exports go to on this computer. */
export function exportDir(): string {
  return process.env.SIPPT_EXPORT_DIR || join(homedir(), 'Downloads');
}

/** A file name the server gave, made safe for any file system (no folders, no reserved characters). */
export function safeFileName(name: string): string {
  const clean = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .trim();
  return clean.replace(/^\.+/, '') || 'rekaman';
}

/** Write `bytes` into `dir` under `name`, never over an existing file. Returns the path written. */
export async function saveNew(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 1000; n++) {
    const path = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      const handle = await open(path, 'wx'); // fails if it exists: an earlier export stays as it was
      try {
        await handle.writeFile(bytes);
      } finally {
        await handle.close();
      }
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`no free file name for ${name} in ${dir}`);
}

export const RECORD_HANDLERS: { [N in RecordCallName]: RecordHandler<N> } = {
  'online.records.get': (a, { core }) => request(core, (api, t) => api.record(t, a)),
  'online.records.export': async (a, { core }) => {
    const file = await request(core, (api, t) => api.recordFile(t, a));
    const fileName = safeFileName(file.fileName);
    const path = await saveNew(exportDir(), fileName, file.bytes);
    return { fileName: basename(path), path, size: file.bytes.byteLength, mime: file.mime };
  },
};
