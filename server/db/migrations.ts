import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { NATIONAL_HOLIDAYS } from '../../shared/calendar/holidays';
import { elhuLtvMigration, elhuLtvValidityMigration } from '../elhu/ltv/migration';
import type { DialectName } from './connect';

/**
 * Schema migrations, one per version, in code (no files to ship), run on start by kysely's
 * Migrator (which takes a lock, so several server processes may start at once). The same
 * migrations run on SQLite and PostgreSQL; only the binary column type is named per dialect.
 * Never edit a released migration: add the next one.
 */
export function migrations(dialect: DialectName): Record<string, Migration> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001_core': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('server_settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('counters')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'integer', (c) => c.notNull())
          .execute();
        await sql`insert into counters (name, value) values ('feed', 0)`.execute(db);
        await db.schema
          .createTable('sequences')
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('last', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('sequences_pk', ['unit', 'kind', 'year'])
          .execute();

        // Catalog
        await db.schema
          .createTable('units')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('address', 'text', (c) => c.notNull())
          .addColumn('accreditation', 'text')
          .addColumn('number_formats', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('labs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('active', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sample_types')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('lab_id', 'text', (c) => c.notNull().references('labs.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('active', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('parameters')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('sample_type_id', 'text', (c) => c.notNull().references('sample_types.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('method', 'text', (c) => c.notNull())
          .addColumn('requirement', 'text')
          .addColumn('tariff', 'integer', (c) => c.notNull())
          .addColumn('active', 'integer', (c) => c.notNull())
          .addColumn('sort', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('parameters_sample_type')
          .on('parameters')
          .column('sample_type_id')
          .execute();

        // Accounts
        await db.schema
          .createTable('customers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('company_name', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('registered_at', 'text', (c) => c.notNull())
          .addColumn('updated_seq', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('customers_status')
          .on('customers')
          .columns(['status', 'registered_at'])
          .execute();
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('lab_id', 'text')
          .addColumn('customer_id', 'text')
          .addColumn('nip', 'text')
          .addColumn('active', 'integer', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('certificate_pem', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('users_role').on('users').columns(['role', 'lab_id']).execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .addColumn('revoke_reason', 'text')
          .addColumn('ip', 'text', (c) => c.notNull())
          .addColumn('user_agent', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
        await db.schema
          .createTable('refresh_tokens')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('refresh_tokens_session')
          .on('refresh_tokens')
          .column('session_id')
          .execute();
        await db.schema
          .createTable('login_attempts')
          .addColumn('username', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('locked_until', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();

        // Orders and their side tables
        await db.schema
          .createTable('orders')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('number', 'text', (c) => c.unique())
          .addColumn('customer_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('unit_code', 'text', (c) => c.notNull())
          .addColumn('total', 'integer', (c) => c.notNull())
          .addColumn('sample_count', 'integer', (c) => c.notNull())
          .addColumn('members', 'text', (c) => c.notNull())
          .addColumn('submitted_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_seq', 'integer', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('orders_customer')
          .on('orders')
          .columns(['customer_id', 'updated_seq'])
          .execute();
        await db.schema.createIndex('orders_updated').on('orders').column('updated_seq').execute();
        await db.schema
          .createIndex('orders_status')
          .on('orders')
          .columns(['status', 'updated_seq'])
          .execute();
        await db.schema
          .createTable('order_members')
          .addColumn('order_id', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('order_members_pk', ['order_id', 'user_id', 'role'])
          .execute();
        await db.schema
          .createIndex('order_members_user')
          .on('order_members')
          .columns(['user_id', 'order_id'])
          .execute();
        await db.schema
          .createTable('order_access')
          .addColumn('order_id', 'text', (c) => c.notNull())
          .addColumn('principal', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('order_access_pk', ['order_id', 'principal'])
          .execute();
        await db.schema
          .createIndex('order_access_principal')
          .on('order_access')
          .columns(['principal', 'order_id'])
          .execute();
        await db.schema
          .createTable('bucket_removals')
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('bucket_removals_user')
          .on('bucket_removals')
          .columns(['user_id', 'seq'])
          .execute();
        await db.schema
          .createTable('billings')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('order_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('amount', 'integer', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('order_id', 'text', (c) => c.notNull())
          .addColumn('sample_id', 'text', (c) => c.notNull())
          .addColumn('number', 'text', (c) => c.notNull().unique())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('kepala_balai_id', 'text')
          .addColumn('document_hash', 'text')
          .addColumn('signed_hash', 'text')
          .addColumn('document_file_id', 'text')
          .addColumn('signed_file_id', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reports_sample').on('reports').column('sample_id').execute();
        await db.schema
          .createTable('files')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text')
          .addColumn('ref_id', 'text')
          .addColumn('mime', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('data', blob, (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text')
          .execute();
        await db.schema.createIndex('files_ref').on('files').columns(['ref_id', 'kind']).execute();

        // The record of every command: audit trail, idempotency, sync, change feed
        await db.schema
          .createTable('audit_log')
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('command_id', 'text', (c) => c.notNull())
          .addColumn('command_type', 'text', (c) => c.notNull())
          .addColumn('step', 'integer')
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text')
          .addColumn('sample_id', 'text')
          .addColumn('from_state', 'text')
          .addColumn('to_state', 'text')
          .addColumn('reason', 'text')
          .addColumn('before', 'text')
          .addColumn('after', 'text')
          .addPrimaryKeyConstraint('audit_log_pk', ['seq', 'idx'])
          .execute();
        await db.schema.createIndex('audit_log_order').on('audit_log').columns(['order_id', 'seq']).execute();
        await db.schema
          .createIndex('audit_log_entity')
          .on('audit_log')
          .columns(['entity_id', 'seq'])
          .execute();
        await db.schema
          .createTable('command_log')
          .addColumn('client_id', 'text', (c) => c.notNull())
          .addColumn('command_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer')
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('aggregate_id', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('command_log_pk', ['client_id', 'command_id'])
          .execute();
        await db.schema
          .createTable('sync_clients')
          .addColumn('client_id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('last_seq', 'integer', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('change_feed')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('aggregate_id', 'text', (c) => c.notNull())
          .addColumn('command_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // The unit's identity as the E-LHU letterhead prints it (short name, parent lines, city,
    // contact line, time zone, logo).
    '0002_unit_letterhead': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('units')
          .addColumn('short_name', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await db.schema
          .alterTable('units')
          .addColumn('parent_lines', 'text', (c) => c.notNull().defaultTo('[]'))
          .execute();
        await db.schema
          .alterTable('units')
          .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await db.schema
          .alterTable('units')
          .addColumn('contact_line', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await db.schema
          .alterTable('units')
          .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('WIB'))
          .execute();
        await db.schema.alterTable('units').addColumn('logo_png', blob).execute();
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // The Order JSON moves to its own table: the orders rows the lists scan stay small; two index
    // updates fewer on every command (status filters use the updated_seq index).
    '0003_order_data': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('order_data')
          .addColumn('order_id', 'text', (c) => c.primaryKey())
          .addColumn('data', 'text', (c) => c.notNull())
          .execute();
        await sql`insert into order_data (order_id, data) select id, data from orders`.execute(db);
        await db.schema.alterTable('orders').dropColumn('data').execute();
        await db.schema.dropIndex('orders_status').execute();
        // An order's customer never changes: index it alone, so a command does not touch this index.
        await db.schema.dropIndex('orders_customer').execute();
        await db.schema.createIndex('orders_customer').on('orders').column('customer_id').execute();
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // A signed E-LHU file records the unsigned document (documentHash) it was verified against: a
    // report refused and asked again keeps its id but gets a new document, and an old signed file
    // must not be applied to it. The public verification page looks signed files up by hash.
    '0004_signed_file_document': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('files').addColumn('document_hash', 'text').execute();
        await db.schema.createIndex('reports_signed_hash').on('reports').column('signed_hash').execute();
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // PostgreSQL: change-feed positions come from a sequence (no lock held until commit, so commands
    // commit in parallel) and every change row records its transaction id (xid8). A pull hands out
    // only changes of transactions finished before its snapshot (pg_snapshot_xmin), so a change that
    // commits later with a lower position is never skipped. Rows written before this migration get
    // xid 0 (older than any cursor). SQLite keeps its counter: it has one writer at a time.
    '0005_feed_xid': {
      async up(db: Kysely<unknown>) {
        if (dialect !== 'postgres') return;
        await sql`create sequence feed_seq as integer`.execute(db);
        await sql`select setval('feed_seq', value + 1, false) from counters where name = 'feed'`.execute(db);
        await sql`alter table orders add column updated_xid xid8 not null default '0'`.execute(db);
        await sql`alter table orders alter column updated_xid set default pg_current_xact_id()`.execute(db);
        // Inserts take the default; writeOrder sets updated_xid = default on every update (plpgsql,
        // for a trigger, is not available on every installation).
        await sql`create index orders_updated_xid on orders (updated_xid)`.execute(db);
        for (const t of ['bucket_removals', 'change_feed']) {
          await sql`alter table ${sql.table(t)} add column xid xid8 not null default '0'`.execute(db);
          await sql`alter table ${sql.table(t)} alter column xid set default pg_current_xact_id()`.execute(
            db,
          );
        }
        await sql`create index bucket_removals_user_xid on bucket_removals (user_id, xid)`.execute(db);
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // A parameter's limit of detection/quantitation, copied into each analysis at submission so the
    // analyst's screen and the E-LHU can report "< limit".
    '0006_parameter_detection_limit': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('parameters')
          .addColumn('detection_limit', dialect === 'postgres' ? 'double precision' : 'real')
          .execute();
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // Rate limits shared by every server process (server/http/rate-limit.ts): one counter per key
    // (limit name and client address) and fixed window; expires_at lets old windows be swept.
    '0007_rate_limits': {
      async up(db: Kysely<unknown>) {
        const ms = dialect === 'postgres' ? 'bigint' : 'integer';
        await db.schema
          .createTable('rate_limits')
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('window_start', ms, (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addColumn('expires_at', ms, (c) => c.notNull())
          .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
          .execute();
        await db.schema
          .createIndex('rate_limits_expires_at')
          .on('rate_limits')
          .column('expires_at')
          .execute();
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // The unit's holiday list (GET/PUT /calendar/holidays): the working-day clock of step 14 and the
    // SOP performance report skip these dates. Starts as the national list known at this release;
    // from then on the Admin Satker keeps it.
    '0008_holidays': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('holidays')
          .addColumn('date', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .execute();
        for (const h of NATIONAL_HOLIDAYS)
          await sql`insert into holidays (date, name, kind) values (${h.date}, ${h.name}, ${h.kind})`.execute(
            db,
          );
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // Desktop releases (issue 11): the metadata of each published release and its files; the files
    // themselves live in the releases folder (SIPPT_RELEASES_DIR), content-addressed by SHA-512.
    // desktop_clients: which desktop versions each user signed in with, and when last.
    '0009_releases': {
      async up(db: Kysely<unknown>) {
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
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // Issue 10, what the E-LHU states: a parameter's default expanded uncertainty U (with its
    // coverage factor k) from method validation and whether it is inside the unit's accreditation
    // scope, both copied into each analysis at submission; and the unit's own electronic-signature
    // statement for the report footer (null: the default naming the certificate issuer).
    '0010_report_fields': {
      async up(db: Kysely<unknown>) {
        const real = dialect === 'postgres' ? 'double precision' : 'real';
        await db.schema.alterTable('parameters').addColumn('uncertainty_expanded', real).execute();
        await db.schema.alterTable('parameters').addColumn('uncertainty_k', real).execute();
        await db.schema
          .alterTable('parameters')
          .addColumn('accredited', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
        await db.schema.alterTable('units').addColumn('signature_statement', 'text').execute();
      },
      async down() {
        throw new Error('SIPPT migrations are forward-only');
      },
    },
    // Issue 10, long-term signatures: server/elhu/ltv/migration.ts.
    '0011_elhu_ltv': elhuLtvMigration(dialect),
    '0012_elhu_ltv_validity': elhuLtvValidityMigration,
  };
}

export class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.dialect);
  }
}
