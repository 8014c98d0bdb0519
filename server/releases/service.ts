/**
 * Desktop releases: publish (every check before anything is recorded), raise a rollout, withdraw,
 * the minimum supported version, what the feed serves, and the desktop versions in use.
 */
import { randomUUID } from 'node:crypto';
import { outdatedMessage, type Channel, type Release } from '../../shared/api/releases';
import type { ErrorCode } from '../../shared/api/http';
import { AppError } from '../http/errors';
import { compareSemver } from './semver';
import { inRollout } from './staging';
import {
  channelFile,
  parseUpdateInfo,
  renderUpdateInfo,
  YmlError,
  type UpdateInfo,
  type YmlFile,
} from './yml';
import type { ReleaseDb, ReleaseFiles, ReleasesTable, StoredFile } from './store';

export const MINIMUM_VERSION_KEY = 'desktop_minimum_version';

const refuse = (status: number, code: ErrorCode, id: string, en: string) =>
  new AppError(status, code, { id, en });

export interface Upload {
  name: string;
  stored: StoredFile;
}

export interface PublishInput {
  yml: { name: string; text: string };
  files: Upload[];
  releaseNotes?: string | null;
  by: string;
  now: Date;
}

type Row = ReleasesTable;

export class ReleaseService {
  constructor(
    private readonly db: ReleaseDb,
    readonly files: ReleaseFiles,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Publishing

  async publish(input: PublishInput): Promise<Release> {
    const target = channelFile(input.yml.name);
    if (!target) {
      throw refuse(
        400,
        'bad_request',
        `Nama berkas "${input.yml.name}" bukan berkas info pembaruan (latest.yml, latest-linux.yml, beta.yml, beta-linux.yml, ...).`,
        `"${input.yml.name}" is not an update info file name (latest.yml, latest-linux.yml, beta.yml, beta-linux.yml, ...).`,
      );
    }
    let info: UpdateInfo;
    try {
      info = parseUpdateInfo(input.yml.text);
    } catch (e) {
      if (!(e instanceof YmlError)) throw e;
      throw refuse(
        422,
        'invalid_payload',
        `Berkas ${input.yml.name} tidak valid: ${e.message}.`,
        `${input.yml.name} is not valid: ${e.message}.`,
      );
    }
    const byName = new Map(input.files.map((f) => [f.name, f]));
    if (byName.size !== input.files.length)
      throw refuse(
        400,
        'bad_request',
        'Ada berkas yang diunggah dua kali dengan nama yang sama.',
        'A file name was uploaded twice.',
      );
    for (const f of info.files) {
      const got = byName.get(f.url);
      if (!got) {
        throw refuse(
          422,
          'invalid_payload',
          `${input.yml.name} menyebut berkas "${f.url}" yang tidak ikut diunggah.`,
          `${input.yml.name} names the file "${f.url}", which was not uploaded.`,
        );
      }
      if (got.stored.size !== f.size) {
        throw refuse(
          422,
          'invalid_payload',
          `Ukuran "${f.url}" (${got.stored.size} bita) tidak sama dengan yang tertulis di ${input.yml.name} (${f.size} bita).`,
          `The size of "${f.url}" (${got.stored.size} bytes) differs from ${input.yml.name} (${f.size} bytes).`,
        );
      }
      if (got.stored.sha512 !== f.sha512) {
        throw refuse(
          422,
          'invalid_payload',
          `SHA-512 "${f.url}" tidak sama dengan yang tertulis di ${input.yml.name}: berkas rusak atau salah versi.`,
          `The SHA-512 of "${f.url}" differs from ${input.yml.name}: the file is damaged or of another build.`,
        );
      }
    }
    const listed = new Set(info.files.map((f) => f.url));
    for (const f of input.files) {
      if (listed.has(f.name)) continue;
      if (f.name.endsWith('.blockmap') && listed.has(f.name.slice(0, -'.blockmap'.length))) continue;
      throw refuse(
        422,
        'invalid_payload',
        `Berkas "${f.name}" tidak disebut di ${input.yml.name} (hanya pemasang yang disebut dan berkas .blockmap-nya).`,
        `"${f.name}" is not named in ${input.yml.name} (only the installers it names and their .blockmap files).`,
      );
    }

    const all = await this.db
      .selectFrom('releases')
      .select(['version', 'status'])
      .where('channel', '=', target.channel)
      .where('platform', '=', target.platform)
      .execute();
    const highest = all
      .map((r) => r.version)
      .sort(compareSemver)
      .at(-1);
    if (highest && compareSemver(info.version, highest) <= 0) {
      throw refuse(
        409,
        'conflict',
        `Versi ${info.version} tidak lebih baru dari versi ${highest} yang sudah pernah diterbitkan di kanal ${target.channel} (${target.platform}). Naikkan versi di package.json.`,
        `Version ${info.version} is not newer than ${highest}, already published on the ${target.channel} channel (${target.platform}). Raise the version in package.json.`,
      );
    }
    // A name the feed already serves must keep its bytes (the feed serves files by name).
    const names = input.files.map((f) => f.name);
    const same = await this.db
      .selectFrom('release_files')
      .select(['name', 'sha512'])
      .where('name', 'in', names)
      .execute();
    for (const s of same) {
      if (s.sha512 !== byName.get(s.name)!.stored.sha512) {
        throw refuse(
          409,
          'conflict',
          `Berkas bernama "${s.name}" sudah diterbitkan dengan isi lain. Beri berkas baru nama lain (versi baru).`,
          `A file named "${s.name}" was already published with other contents. Give the new file another name (a new version).`,
        );
      }
    }

    const id = randomUUID();
    const staging = info.stagingPercentage ?? 100;
    const notes = input.releaseNotes?.trim() ? input.releaseNotes.trim().slice(0, 20_000) : info.releaseNotes;
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('releases')
          .values({
            id,
            channel: target.channel,
            platform: target.platform,
            version: info.version,
            release_date: info.releaseDate ?? input.now.toISOString(),
            release_notes: notes,
            staging_percentage: staging,
            status: 'active',
            files_json: JSON.stringify(info.files),
            published_at: input.now.toISOString(),
            published_by: input.by,
            withdrawn_at: null,
            withdrawn_by: null,
            withdraw_reason: null,
          })
          .execute();
        await trx
          .insertInto('release_files')
          .values(
            input.files.map((f) => ({
              release_id: id,
              name: f.name,
              sha512: f.stored.sha512,
              size: f.stored.size,
              kind: listed.has(f.name) ? ('installer' as const) : ('blockmap' as const),
            })),
          )
          .execute();
      });
    } catch (e) {
      if (/unique|duplicate/i.test(String((e as Error).message))) {
        throw refuse(
          409,
          'conflict',
          `Versi ${info.version} baru saja diterbitkan oleh permintaan lain.`,
          `Version ${info.version} was just published by another request.`,
        );
      }
      throw e;
    }
    return (await this.get(id))!;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading and changing

  async get(id: string): Promise<Release | null> {
    const row = await this.db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return (await this.views([row]))[0]!;
  }

  async list(): Promise<Release[]> {
    const rows = await this.db.selectFrom('releases').selectAll().execute();
    rows.sort(
      (a, b) =>
        a.channel.localeCompare(b.channel) ||
        a.platform.localeCompare(b.platform) ||
        compareSemver(b.version, a.version),
    );
    return this.views(rows);
  }

  private async views(rows: Row[]): Promise<Release[]> {
    if (rows.length === 0) return [];
    const files = await this.db
      .selectFrom('release_files')
      .selectAll()
      .where(
        'release_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as Channel,
      platform: r.platform,
      version: r.version,
      releaseDate: r.release_date,
      releaseNotes: r.release_notes,
      stagingPercentage: r.staging_percentage,
      status: r.status,
      publishedAt: r.published_at,
      publishedBy: r.published_by,
      withdrawnAt: r.withdrawn_at,
      withdrawReason: r.withdraw_reason,
      files: files
        .filter((f) => f.release_id === r.id)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((f) => ({ name: f.name, sha512: f.sha512, size: Number(f.size), kind: f.kind })),
    }));
  }

  private async mustGet(id: string): Promise<Release> {
    const r = await this.get(id);
    if (!r) throw refuse(404, 'not_found', 'Rilis tidak ditemukan.', 'Release not found.');
    return r;
  }

  /** Raise the share of installs offered a release (never lower it: withdraw a bad release instead). */
  async raiseRollout(id: string, percentage: number): Promise<Release> {
    const r = await this.mustGet(id);
    if (r.status === 'withdrawn')
      throw refuse(409, 'invalid_transition', 'Rilis ini sudah ditarik.', 'This release was withdrawn.');
    if (percentage <= r.stagingPercentage) {
      throw refuse(
        409,
        'invalid_transition',
        `Persentase peluncuran hanya bisa dinaikkan (sekarang ${r.stagingPercentage}%). Untuk menghentikan rilis, tarik rilisnya.`,
        `The rollout can only be raised (now ${r.stagingPercentage}%). To stop a release, withdraw it.`,
      );
    }
    const res = await this.db
      .updateTable('releases')
      .set({ staging_percentage: percentage })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where('staging_percentage', '<', percentage)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return this.raiseRollout(id, percentage);
    return this.mustGet(id);
  }

  async withdraw(id: string, reason: string, by: string, now: Date): Promise<Release> {
    const r = await this.mustGet(id);
    if (r.status === 'withdrawn')
      throw refuse(
        409,
        'invalid_transition',
        'Rilis ini sudah ditarik.',
        'This release was already withdrawn.',
      );
    await this.db
      .updateTable('releases')
      .set({
        status: 'withdrawn',
        withdrawn_at: now.toISOString(),
        withdrawn_by: by,
        withdraw_reason: reason,
      })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .execute();
    return this.mustGet(id);
  }

  async minimumVersion(): Promise<string | null> {
    const row = await this.db
      .selectFrom('server_settings')
      .select('value')
      .where('key', '=', MINIMUM_VERSION_KEY)
      .executeTakeFirst();
    return row?.value || null;
  }

  async setMinimumVersion(version: string | null): Promise<void> {
    await this.db.deleteFrom('server_settings').where('key', '=', MINIMUM_VERSION_KEY).execute();
    if (version)
      await this.db
        .insertInto('server_settings')
        .values({ key: MINIMUM_VERSION_KEY, value: version })
        .execute();
  }

  /** Null: the desktop may sync. Otherwise the refusal (an absent or unreadable version counts as older). */
  async outdated(
    version: string | null,
  ): Promise<{ minimumVersion: string; message: { id: string; en: string } } | null> {
    const min = await this.minimumVersion();
    if (!min) return null;
    if (version && compareSemver(version, min) >= 0) return null;
    return { minimumVersion: min, message: outdatedMessage(version, min) };
  }

  // ---------------------------------------------------------------------------------------------
  // The feed

  /**
   * The yml a channel file serves: the newest active release of the channel and platform (the beta
   * channel also sees latest releases, so a beta tester is never behind). With an install id the
   * server decides the rollout: the newest release the install is within, served without
   * stagingPercentage. Without one: the newest release, with its stagingPercentage for the client.
   */
  async channelYml(fileName: string, installId: string | null): Promise<string | null> {
    const target = channelFile(fileName);
    if (!target) return null;
    const channels = target.channel === 'beta' ? ['beta', 'latest'] : ['latest'];
    const rows = await this.db
      .selectFrom('releases')
      .selectAll()
      .where('channel', 'in', channels)
      .where('platform', '=', target.platform)
      .where('status', '=', 'active')
      .execute();
    rows.sort((a, b) => compareSemver(b.version, a.version));
    const chosen = installId ? rows.find((r) => inRollout(installId, r.staging_percentage)) : rows[0];
    if (!chosen) return null;
    return renderUpdateInfo({
      version: chosen.version,
      files: JSON.parse(chosen.files_json) as YmlFile[],
      releaseDate: chosen.release_date,
      releaseNotes: chosen.release_notes,
      stagingPercentage: installId ? null : chosen.staging_percentage,
    });
  }

  /** A file of any release (withdrawn ones too: a differential download reads the old blockmap). */
  async fileByName(name: string): Promise<{ sha512: string; size: number } | null> {
    const row = await this.db
      .selectFrom('release_files')
      .select(['sha512', 'size'])
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? { sha512: row.sha512, size: Number(row.size) } : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Desktop versions in use

  private lastRecorded = new Map<string, number>();

  /** Record that a user used a desktop version (at most once a minute per user and version and process). */
  async recordClient(userId: string, version: string, now: Date): Promise<void> {
    const key = `${userId}\u0000${version}`;
    const last = this.lastRecorded.get(key);
    if (last !== undefined && now.getTime() - last < 60_000) return;
    this.lastRecorded.set(key, now.getTime());
    if (this.lastRecorded.size > 10_000) this.lastRecorded.clear();
    const at = now.toISOString();
    await this.db
      .insertInto('desktop_clients')
      .values({ user_id: userId, version, first_seen_at: at, last_seen_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'version']).doUpdateSet({ last_seen_at: at }))
      .execute();
  }

  async clients() {
    const min = await this.minimumVersion();
    const rows = await this.db
      .selectFrom('desktop_clients')
      .innerJoin('users', 'users.id', 'desktop_clients.user_id')
      .select([
        'desktop_clients.user_id',
        'users.username',
        'users.name',
        'desktop_clients.version',
        'desktop_clients.first_seen_at',
        'desktop_clients.last_seen_at',
      ])
      .orderBy('desktop_clients.last_seen_at', 'desc')
      .execute();
    const items = rows.map((r) => ({
      userId: r.user_id,
      username: r.username,
      name: r.name,
      version: r.version,
      firstSeenAt: r.first_seen_at,
      lastSeenAt: r.last_seen_at,
      outdated: min !== null && compareSemver(r.version, min) < 0,
    }));
    const latestPerUser = new Map<string, string>();
    for (const r of items) if (!latestPerUser.has(r.userId)) latestPerUser.set(r.userId, r.version);
    const counts = new Map<string, number>();
    for (const v of latestPerUser.values()) counts.set(v, (counts.get(v) ?? 0) + 1);
    const versions = [...counts]
      .map(([version, users]) => ({ version, users }))
      .sort((a, b) => compareSemver(b.version, a.version));
    return { items, versions, minimumVersion: min };
  }
}
