import type { ServerMigration } from './migration';

/**
 * The first schema: settings and counters, the catalog, accounts and sessions, orders and their
 * side tables, reports and files, and the record of every command (audit trail, idempotency, sync,
 * change feed).
 */
export const m0001Core: ServerMigration = {
  name: '0001_core',
  sql: ({ blob }) => `
    create table server_settings (
      key text primary key,
      value text not null
    );

    create table counters (
      name text primary key,
      value integer not null
    );

    insert into counters (name, value) values ('feed', 0);

    create table sequences (
      unit text not null,
      kind text not null,
      year integer not null,
      last integer not null,
      constraint sequences_pk primary key (unit, kind, year)
    );

    -- Catalog
    create table units (
      code text primary key,
      name text not null,
      address text not null,
      accreditation text,
      number_formats text not null,
      updated_at text not null
    );

    create table labs (
      id text primary key,
      code text not null unique,
      name text not null,
      active integer not null
    );

    create table sample_types (
      id text primary key,
      lab_id text not null references labs (id),
      name text not null,
      description text not null,
      active integer not null
    );

    create table parameters (
      id text primary key,
      sample_type_id text not null references sample_types (id),
      name text not null,
      unit text not null,
      method text not null,
      requirement text,
      tariff integer not null,
      active integer not null,
      sort integer not null
    );
    create index parameters_sample_type on parameters (sample_type_id);

    -- Accounts
    create table customers (
      id text primary key,
      status text not null,
      version integer not null,
      email text not null unique,
      company_name text not null,
      data text not null,
      registered_at text not null,
      updated_seq integer not null
    );
    create index customers_status on customers (status, registered_at);

    create table users (
      id text primary key,
      username text not null unique,
      name text not null,
      role text not null,
      lab_id text,
      customer_id text,
      nip text,
      active integer not null,
      password_hash text not null,
      certificate_pem text,
      created_at text not null,
      updated_at text not null
    );
    create index users_role on users (role, lab_id);

    create table sessions (
      id text primary key,
      user_id text not null,
      created_at text not null,
      expires_at text not null,
      revoked_at text,
      revoke_reason text,
      ip text not null,
      user_agent text not null
    );
    create index sessions_user on sessions (user_id);

    create table refresh_tokens (
      token_hash text primary key,
      session_id text not null,
      expires_at text not null,
      used_at text,
      created_at text not null
    );
    create index refresh_tokens_session on refresh_tokens (session_id);

    create table login_attempts (
      username text primary key,
      failures integer not null,
      locked_until text,
      updated_at text not null
    );

    -- Orders and their side tables
    create table orders (
      id text primary key,
      number text unique,
      customer_id text not null,
      status text not null,
      version integer not null,
      unit_code text not null,
      total integer not null,
      sample_count integer not null,
      members text not null,
      submitted_at text not null,
      updated_at text not null,
      updated_seq integer not null,
      data text not null
    );
    create index orders_customer on orders (customer_id, updated_seq);
    create index orders_updated on orders (updated_seq);
    create index orders_status on orders (status, updated_seq);

    create table order_members (
      order_id text not null,
      user_id text not null,
      role text not null,
      constraint order_members_pk primary key (order_id, user_id, role)
    );
    create index order_members_user on order_members (user_id, order_id);

    create table order_access (
      order_id text not null,
      principal text not null,
      constraint order_access_pk primary key (order_id, principal)
    );
    create index order_access_principal on order_access (principal, order_id);

    create table bucket_removals (
      user_id text not null,
      order_id text not null,
      seq integer not null
    );
    create index bucket_removals_user on bucket_removals (user_id, seq);

    create table billings (
      code text primary key,
      id text not null unique,
      order_id text not null,
      status text not null,
      amount integer not null,
      expires_at text not null
    );

    create table reports (
      id text primary key,
      order_id text not null,
      sample_id text not null,
      number text not null unique,
      status text not null,
      kepala_balai_id text,
      document_hash text,
      signed_hash text,
      document_file_id text,
      signed_file_id text,
      updated_at text not null
    );
    create index reports_sample on reports (sample_id);

    create table files (
      id text primary key,
      kind text not null,
      order_id text,
      ref_id text,
      mime text not null,
      size integer not null,
      sha256 text not null,
      data ${blob} not null,
      created_at text not null,
      created_by text
    );
    create index files_ref on files (ref_id, kind);

    -- The record of every command: audit trail, idempotency, sync, change feed
    create table audit_log (
      seq integer not null,
      idx integer not null,
      at text not null,
      actor_id text,
      role text not null,
      command_id text not null,
      command_type text not null,
      step integer,
      entity text not null,
      entity_id text not null,
      order_id text,
      sample_id text,
      from_state text,
      to_state text,
      reason text,
      before text,
      after text,
      constraint audit_log_pk primary key (seq, idx)
    );
    create index audit_log_order on audit_log (order_id, seq);
    create index audit_log_entity on audit_log (entity_id, seq);

    create table command_log (
      client_id text not null,
      command_id text not null,
      seq integer,
      type text not null,
      aggregate_id text not null,
      outcome text not null,
      created_at text not null,
      constraint command_log_pk primary key (client_id, command_id)
    );

    create table sync_clients (
      client_id text primary key,
      user_id text not null,
      last_seq integer not null,
      updated_at text not null
    );

    create table change_feed (
      seq integer primary key,
      kind text not null,
      aggregate_id text not null,
      command_id text not null,
      at text not null
    );
  `,
};
