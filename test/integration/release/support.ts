/**
 * Releases for the release-feed suites: installer-like files of random bytes, their .blockmap and
 * electron-builder's update info yml, and a multipart body with several files.
 */
import { createHash, randomBytes } from 'node:crypto';
import yaml from 'js-yaml';

export interface FakeFile {
  name: string;
  data: Buffer;
}

export interface FakeRelease {
  version: string;
  ymlName: string;
  yml: string;
  files: FakeFile[];
}

export const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');

/**
 * A Windows release (`<channel>.yml`, an .exe and its .blockmap) or a Linux one
 * (`<channel>-linux.yml`, an .AppImage). `data` fixes the installer's bytes.
 */
export function fakeRelease(
  version: string,
  opts: {
    platform?: 'windows' | 'linux';
    channel?: 'latest' | 'beta';
    stagingPercentage?: number;
    releaseNotes?: string;
    data?: Buffer;
    size?: number;
  } = {},
): FakeRelease {
  const platform = opts.platform ?? 'windows';
  const channel = opts.channel ?? 'latest';
  const data = opts.data ?? randomBytes(opts.size ?? 64 * 1024);
  const installer =
    platform === 'windows' ? `SIPPT-Lab-Setup-${version}.exe` : `SIPPT-Lab-${version}.AppImage`;
  const files: FakeFile[] = [{ name: installer, data }];
  if (platform === 'windows')
    files.push({ name: `${installer}.blockmap`, data: Buffer.from(`blockmap of ${version}`) });
  const doc: Record<string, unknown> = {
    version,
    files: [
      {
        url: installer,
        sha512: sha512(data),
        size: data.length,
        ...(platform === 'linux' ? { blockMapSize: 1234 } : {}),
      },
    ],
    path: installer,
    sha512: sha512(data),
    releaseDate: '2026-11-01T00:00:00.000Z',
  };
  if (opts.releaseNotes) doc.releaseNotes = opts.releaseNotes;
  if (opts.stagingPercentage !== undefined) doc.stagingPercentage = opts.stagingPercentage;
  const ymlName = platform === 'windows' ? `${channel}.yml` : `${channel}-${platform}.yml`;
  return { version, ymlName, yml: yaml.dump(doc, { lineWidth: -1 }), files };
}

/** multipart/form-data with every file in a `files` field (and optional text fields). */
export function multipartFiles(files: FakeFile[], fields: Record<string, string> = {}) {
  const boundary = `----sippt${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Every part the release would upload: its files and its yml. */
export function releaseParts(r: FakeRelease): FakeFile[] {
  return [...r.files, { name: r.ymlName, data: Buffer.from(r.yml) }];
}

/** Parse a multipart/byteranges body into its parts' Content-Range and bytes. */
export function parseByteranges(body: Buffer, contentType: string): { range: string; data: Buffer }[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)![1]!;
  const out: { range: string; data: Buffer }[] = [];
  const sep = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(sep);
  while (pos >= 0) {
    const after = pos + sep.length;
    if (body.subarray(after, after + 2).toString() === '--') break;
    const headEnd = body.indexOf('\r\n\r\n', after);
    const head = body.subarray(after, headEnd).toString('latin1');
    const next = body.indexOf(sep, headEnd + 4);
    out.push({
      range: /Content-Range: (.+)/i.exec(head)![1]!.trim(),
      data: body.subarray(headEnd + 4, next),
    });
    pos = next;
  }
  return out;
}
