/**
 * The desktop release feed of the SIPPT server (issue 11): what Admin Satker publishes and reads,
 * and the header a desktop sends with every request. The feed itself (electron-updater's generic
 * provider) is served at RELEASE_FEED_PATH: `<channel>[-linux|-mac].yml` and the installer files.
 */
import { z } from 'zod';

/** Every request of the desktop carries `X-SIPPT-Client: desktop/<version>` (its package.json version). */
export const CLIENT_HEADER = 'x-sippt-client';
export const clientHeaderValue = (version: string) => `desktop/${version}`;
/** Optional on feed requests: electron-updater's staging id (`.updaterId`), for a server-side rollout decision. */
export const INSTALL_ID_HEADER = 'x-sippt-install-id';

export const RELEASE_FEED_PATH = '/api/v1/releases/feed';
export const RELEASE_CHANNELS = ['latest', 'beta'] as const;
export const ChannelSchema = z.enum(RELEASE_CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** Semantic version (MAJOR.MINOR.PATCH[-pre][+build]), as electron-updater compares them. */
export const SemverSchema = z
  .string()
  .max(64)
  .regex(
    /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/,
    {
      error: 'versi harus berbentuk 1.2.3 / the version must look like 1.2.3',
    },
  );

export const ReleaseFileSchema = z.object({
  name: z.string(),
  sha512: z.string(),
  size: z.number().int(),
  kind: z.enum(['installer', 'blockmap']),
});

export const ReleaseSchema = z.object({
  id: z.uuid(),
  channel: ChannelSchema,
  /** windows (latest.yml), linux (latest-linux.yml), linux-arm64, mac. */
  platform: z.string(),
  version: SemverSchema,
  releaseDate: z.string().nullable(),
  releaseNotes: z.string().nullable(),
  stagingPercentage: z.number().int().min(0).max(100),
  status: z.enum(['active', 'withdrawn']),
  publishedAt: z.string(),
  publishedBy: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  files: z.array(ReleaseFileSchema),
});
export type Release = z.infer<typeof ReleaseSchema>;

export const ReleaseListResponseSchema = z.object({
  items: z.array(ReleaseSchema),
  minimumVersion: SemverSchema.nullable(),
});

export const ReleaseParamsSchema = z.strictObject({
  id: z.uuid({ error: 'harus berupa UUID / must be a UUID' }),
});
export const RolloutRequestSchema = z.strictObject({ stagingPercentage: z.number().int().min(1).max(100) });
export const WithdrawRequestSchema = z.strictObject({ reason: z.string().trim().min(3).max(500) });
/** Setting the minimum names a version; clearing it is its own request (DELETE), so an empty value is never a silent "no minimum". */
export const MinimumVersionRequestSchema = z.strictObject({ version: SemverSchema });

/** Public: what a desktop needs to know before it syncs. */
export const ReleasePolicySchema = z.object({ minimumVersion: SemverSchema.nullable() });

export const DesktopClientSchema = z.object({
  userId: z.string(),
  username: z.string(),
  name: z.string(),
  version: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** Older than the minimum supported version. */
  outdated: z.boolean(),
});
export const DesktopClientListResponseSchema = z.object({
  items: z.array(DesktopClientSchema),
  /** Users per version (the latest version each user was seen with). */
  versions: z.array(z.object({ version: z.string(), users: z.number().int() })),
  minimumVersion: SemverSchema.nullable(),
});

/** Added to a login answer for a desktop older than the minimum version (the body otherwise unchanged). */
export const ClientNoticeSchema = z.object({
  code: z.literal('client_outdated'),
  minimumVersion: SemverSchema,
  message: z.object({ id: z.string(), en: z.string() }),
});
export type ClientNotice = z.infer<typeof ClientNoticeSchema>;

/** The plain words an outdated desktop is told (at login, and when its push is refused). */
export function outdatedMessage(version: string | null, minimumVersion: string): { id: string; en: string } {
  const v = version ?? 'lama';
  const ve = version ?? 'old';
  return {
    id: `Aplikasi SIPPT Lab versi ${v} di komputer ini sudah tidak didukung server. Perbarui ke versi ${minimumVersion} atau lebih baru (menu Tentang > Perbarui, atau pasang ulang dari bagian TI). Perubahan yang belum terkirim tetap tersimpan di komputer ini dan dikirim setelah diperbarui.`,
    en: `SIPPT Lab ${ve} on this computer is no longer supported by the server. Update to version ${minimumVersion} or newer (About > Update, or reinstall from your IT staff). Changes not yet sent stay saved on this computer and are sent after the update.`,
  };
}
