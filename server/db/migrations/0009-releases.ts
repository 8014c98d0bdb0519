import type { ServerMigration } from './migration';

/**
 * Desktop releases (issue 11): the metadata of each published release and its files; the files
 * themselves live in the releases folder (SIPPT_RELEASES_DIR), content-addressed by SHA-512.
 * desktop_clients: which desktop versions each user signed in with, and when last.
 */
export const m0009Releases: ServerMigration = {
  name: '0009_releases',
  // A file's size in bytes may pass 32 bits (an installer over 4 GB).
  sql: ({ bigint }) => `
    create table releases (
      id text primary key,
      channel text not null,
      platform text not null,
      version text not null,
      release_date text,
      release_notes text,
      staging_percentage integer not null,
      status text not null,
      files_json text not null,
      published_at text not null,
      published_by text not null,
      withdrawn_at text,
      withdrawn_by text,
      withdraw_reason text,
      constraint releases_channel_platform_version unique (channel, platform, version)
    );

    create table release_files (
      release_id text not null,
      name text not null,
      sha512 text not null,
      size ${bigint} not null,
      kind text not null,
      constraint release_files_pk primary key (release_id, name)
    );
    create index release_files_name on release_files (name);

    create table desktop_clients (
      user_id text not null,
      version text not null,
      first_seen_at text not null,
      last_seen_at text not null,
      constraint desktop_clients_pk primary key (user_id, version)
    );
  `,
};
