import type { ServerMigration } from './migration';

/**
 * Desktop releases (issue 11): the metadata of each published release and its files; the files
 * themselves live in the releases folder (SIPPT_RELEASES_DIR), content-addressed by SHA-512.
 * desktop_clients: which desktop versions each user signed in with, and when last.
 */
export const m0009Releases: ServerMigration = {
  name: '0009_releases',
  async up(db, dialect) {
    const size = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable('releases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('release_date', 'text')
      .addColumn('release_notes', 'text')
      .addColumn('staging_percentage', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('files_json', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'text')
      .addColumn('withdraw_reason', 'text')
      .addUniqueConstraint('releases_channel_platform_version', ['channel', 'platform', 'version'])
      .execute();
    await db.schema
      .createTable('release_files')
      .addColumn('release_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sha512', 'text', (c) => c.notNull())
      .addColumn('size', size, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('release_files_pk', ['release_id', 'name'])
      .execute();
    await db.schema.createIndex('release_files_name').on('release_files').column('name').execute();
    await db.schema
      .createTable('desktop_clients')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('desktop_clients_pk', ['user_id', 'version'])
      .execute();
  },
};
