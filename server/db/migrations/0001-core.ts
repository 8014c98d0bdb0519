import { sql } from 'kysely';
import type { ServerMigration } from './migration';

/**
 * The first schema: settings and counters, the catalog, accounts and sessions, orders and their
 * side tables, reports and files, and the record of every command (audit trail, idempotency, sync,
 * change feed).
 */
export const m0001Core: ServerMigration = {
  name: '0001_core',
  async up(db, dialect) {
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';
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
    await db.schema.createIndex('parameters_sample_type').on('parameters').column('sample_type_id').execute();

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
    await db.schema.createIndex('refresh_tokens_session').on('refresh_tokens').column('session_id').execute();
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
    await db.schema.createIndex('orders_status').on('orders').columns(['status', 'updated_seq']).execute();
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
    await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_id', 'seq']).execute();
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
};
