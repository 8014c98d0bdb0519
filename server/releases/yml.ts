/**
 * electron-builder's update info files (`latest.yml`, `latest-linux.yml`, `beta-mac.yml`, ...):
 * read what Admin Satker uploads, and write what the feed serves.
 */
import yaml from 'js-yaml';
import { ChannelSchema, type Channel } from '../../shared/api/releases';
import { parseSemver } from './semver';

/** `<channel>[-linux[-arm64]|-mac].yml` → channel and platform (no suffix: Windows, as electron-updater names it). */
const YML_NAME = /^([a-z]+)(-linux(?:-arm64)?|-mac)?\.yml$/;

export function channelFile(name: string): { channel: Channel; platform: string } | null {
  const m = YML_NAME.exec(name);
  if (!m) return null;
  const channel = ChannelSchema.safeParse(m[1]);
  if (!channel.success) return null;
  return { channel: channel.data, platform: m[2] ? m[2].slice(1) : 'windows' };
}

export function channelFileName(channel: Channel, platform: string): string {
  return platform === 'windows' ? `${channel}.yml` : `${channel}-${platform}.yml`;
}

export interface YmlFile {
  url: string;
  sha512: string;
  size: number;
  /** Any other key electron-builder wrote (blockMapSize, isAdminRightsRequired): served back as is. */
  extra: Record<string, unknown>;
}

export interface UpdateInfo {
  version: string;
  files: YmlFile[];
  releaseDate: string | null;
  releaseNotes: string | null;
  stagingPercentage: number | null;
}

export class YmlError extends Error {}

const SHA512_B64 = /^[A-Za-z0-9+/]{86}==$/;
/** A file name the feed can serve at `<feed>/<name>`: no folders, no URLs. */
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,199}$/;

export function parseUpdateInfo(text: string): UpdateInfo {
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (e) {
    throw new YmlError(`not YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new YmlError('not a mapping');
  const d = doc as Record<string, unknown>;
  const version =
    typeof d.version === 'string' ? d.version : typeof d.version === 'number' ? String(d.version) : null;
  if (!version || !parseSemver(version))
    throw new YmlError(`version "${String(d.version)}" is not a semantic version`);
  if (!Array.isArray(d.files) || d.files.length === 0) throw new YmlError('files: none listed');
  const files: YmlFile[] = d.files.map((f: unknown, i) => {
    if (typeof f !== 'object' || f === null) throw new YmlError(`files[${i}]: not a mapping`);
    const { url, sha512, size, ...extra } = f as Record<string, unknown>;
    if (typeof url !== 'string' || !FILE_NAME.test(url) || url.endsWith('.yml'))
      throw new YmlError(`files[${i}].url "${String(url)}": must be a plain file name`);
    if (typeof sha512 !== 'string' || !SHA512_B64.test(sha512))
      throw new YmlError(`files[${i}].sha512: not a base64 SHA-512`);
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      throw new YmlError(`files[${i}].size: not a size in bytes`);
    return { url, sha512, size, extra };
  });
  if (new Set(files.map((f) => f.url)).size !== files.length)
    throw new YmlError('files: a name is listed twice');
  // The legacy top-level path/sha512 (older electron-updater) must be one of the files.
  if (d.path !== undefined) {
    const main = files.find((f) => f.url === d.path);
    if (!main) throw new YmlError(`path "${String(d.path)}" is not one of files`);
    if (d.sha512 !== undefined && d.sha512 !== main.sha512)
      throw new YmlError('sha512 differs from the one of files for path');
  }
  let stagingPercentage: number | null = null;
  if (d.stagingPercentage !== undefined && d.stagingPercentage !== null) {
    const n = Number(d.stagingPercentage);
    if (!Number.isInteger(n) || n < 1 || n > 100)
      throw new YmlError('stagingPercentage: a whole number from 1 to 100');
    stagingPercentage = n;
  }
  const notes = d.releaseNotes;
  const releaseNotes =
    typeof notes === 'string'
      ? notes
      : Array.isArray(notes)
        ? notes
            .map((n) =>
              typeof n === 'object' && n ? String((n as { note?: unknown }).note ?? '') : String(n),
            )
            .join('\n\n')
        : null;
  const releaseDate = typeof d.releaseDate === 'string' ? d.releaseDate : null;
  return {
    version,
    files,
    releaseDate,
    releaseNotes: releaseNotes?.slice(0, 20_000) ?? null,
    stagingPercentage,
  };
}

/** The yml the feed serves: electron-builder's shape (the first file is `path`). */
export function renderUpdateInfo(info: UpdateInfo): string {
  const doc: Record<string, unknown> = {
    version: info.version,
    files: info.files.map((f) => ({ url: f.url, sha512: f.sha512, size: f.size, ...f.extra })),
    path: info.files[0]!.url,
    sha512: info.files[0]!.sha512,
  };
  if (info.releaseDate) doc.releaseDate = info.releaseDate;
  if (info.releaseNotes) doc.releaseNotes = info.releaseNotes;
  if (info.stagingPercentage !== null && info.stagingPercentage < 100)
    doc.stagingPercentage = info.stagingPercentage;
  return yaml.dump(doc, { lineWidth: -1, noRefs: true });
}
