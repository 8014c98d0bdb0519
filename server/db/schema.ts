import type { Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { ElhuLtvFilesTable, ElhuLtvTable } from '../elhu/ltv/tables';

/**
 * The tables of the SIPPT server, typed at the database boundary. Identical for SQLite and
 * PostgreSQL: instants are ISO-8601 text, booleans are integers 0/1, JSON is text (parsed and
 * validated with the shared zod schemas on read), binary is blob/bytea (a Buffer in Node).
 *
 * Aggregates are stored pragmatically: an order is one row with the indexed columns the server
 * queries plus the whole Order as JSON; side tables hold what is looked up (bucket members,
 * visibility, billing codes, report numbers).
 */
export interface Database {
  server_settings: ServerSettingsTable;
  counters: CountersTable;
  sequences: SequencesTable;
  units: UnitsTable;
  labs: LabsTable;
  sample_types: SampleTypesTable;
  parameters: ParametersTable;
  customers: CustomersTable;
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  login_attempts: LoginAttemptsTable;
  orders: OrdersTable;
  order_data: OrderDataTable;
  order_members: OrderMembersTable;
  order_access: OrderAccessTable;
  bucket_removals: BucketRemovalsTable;
  billings: BillingsTable;
  reports: ReportsTable;
  files: FilesTable;
  elhu_ltv: ElhuLtvTable;
  elhu_ltv_files: ElhuLtvFilesTable;
  audit_log: AuditLogTable;
  command_log: CommandLogTable;
  sync_clients: SyncClientsTable;
  change_feed: ChangeFeedTable;
  holidays: HolidaysTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or a transaction: read helpers accept both. */
export type Queryable = Kysely<Database>;
export type UserRow = Selectable<UsersTable>;
export type OrderRow = Selectable<OrdersTable>;
export type ParameterRow = Selectable<ParametersTable>;
export type NewAudit = Insertable<AuditLogTable>;

export interface ServerSettingsTable {
  key: string;
  value: string;
}
/** Global counters: `feed` orders every accepted change (change feed, audit positions). */
export interface CountersTable {
  name: string;
  value: number;
}
/** Order, sample and LHU number sequences per unit, kind and year (gapless: advanced only on accept). */
export interface SequencesTable {
  unit: string;
  kind: string;
  year: number;
  last: number;
}
export interface UnitsTable {
  code: string;
  name: string;
  address: string;
  accreditation: string | null;
  /** JSON: Partial<Record<NumberKind, string>>; missing kinds use DEFAULT_NUMBER_FORMATS. */
  number_formats: string;
  /** The E-LHU footer's electronic-signature statement ("{penerbit}": the certificate issuer); null: the default (migration 0010). */
  signature_statement: Generated<string | null>;
  updated_at: string;
  // The letterhead (migration 0002): a new unit starts with its defaults, an empty letterhead in WIB.
  short_name: Generated<string>;
  /** JSON string[]: the lines above the unit name (ministry, agency). */
  parent_lines: Generated<string>;
  city: Generated<string>;
  contact_line: Generated<string>;
  time_zone: Generated<string>;
  logo_png: Buffer | null;
}
export interface LabsTable {
  id: string;
  code: string;
  name: string;
  active: number;
}
export interface SampleTypesTable {
  id: string;
  lab_id: string;
  name: string;
  description: string;
  active: number;
}
export interface ParametersTable {
  id: string;
  sample_type_id: string;
  name: string;
  unit: string;
  method: string;
  /** JSON Requirement or null. */
  requirement: string | null;
  /** The method's limit of detection/quantitation in the parameter's unit (migration 0006). */
  detection_limit: number | null;
  /** Default expanded uncertainty U and its coverage factor k, both or neither (migration 0010). */
  uncertainty_expanded: Generated<number | null>;
  uncertainty_k: Generated<number | null>;
  /** 1: inside the unit's accreditation scope (migration 0010). */
  accredited: Generated<number>;
  tariff: number;
  active: number;
  sort: number;
}
export interface CustomersTable {
  id: string;
  status: string;
  version: number;
  email: string;
  company_name: string;
  /** JSON Account.customer */
  data: string;
  registered_at: string;
  updated_seq: number;
}
export interface UsersTable {
  id: string;
  username: string;
  name: string;
  role: string;
  lab_id: string | null;
  customer_id: string | null;
  nip: string | null;
  active: number;
  /** scrypt$N$r$p$salt$hash */
  password_hash: string;
  /** The Kepala Balai's registered signing certificate (PEM), set by Admin Satker (E-LHU). */
  certificate_pem: string | null;
  created_at: string;
  updated_at: string;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  ip: string;
  user_agent: string;
}
export interface RefreshTokensTable {
  /** SHA-256 of the token: the token itself is never stored. */
  token_hash: string;
  session_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}
export interface LoginAttemptsTable {
  username: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}
export interface OrdersTable {
  id: string;
  number: string | null;
  customer_id: string;
  status: string;
  version: number;
  unit_code: string;
  total: number;
  sample_count: number;
  /** Sorted keys of the members and access principals last written, to skip unchanged side tables. */
  members: string;
  submitted_at: string;
  updated_at: string;
  updated_seq: number;
}
/** The Order itself, as JSON (validated with OrderSchema when read). */
export interface OrderDataTable {
  order_id: string;
  data: string;
}
/** The sync bucket: who holds this order in their working copy, and as what. */
export interface OrderMembersTable {
  order_id: string;
  user_id: string;
  role: string;
}
/** Who may read the order over HTTP besides unit-wide roles and its customer: `lab:<id>`, `analyst:<id>`. */
export interface OrderAccessTable {
  order_id: string;
  principal: string;
}
/** A user left an order's bucket at `seq`: the next pull answers `remove`. */
export interface BucketRemovalsTable {
  user_id: string;
  order_id: string;
  seq: number;
}
export interface BillingsTable {
  code: string;
  id: string;
  order_id: string;
  status: string;
  amount: number;
  expires_at: string;
}
export interface ReportsTable {
  id: string;
  order_id: string;
  sample_id: string;
  number: string;
  status: string;
  kepala_balai_id: string | null;
  document_hash: string | null;
  signed_hash: string | null;
  document_file_id: string | null;
  signed_file_id: string | null;
  updated_at: string;
}
export interface FilesTable {
  id: string;
  kind: string;
  order_id: string | null;
  ref_id: string | null;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
  created_by: string | null;
  /** report_signed: the SHA-256 of the unsigned E-LHU (the report's documentHash) the file was verified against. */
  document_hash: string | null;
}
export interface AuditLogTable {
  seq: number;
  idx: number;
  at: string;
  actor_id: string | null;
  role: string;
  command_id: string;
  command_type: string;
  step: number | null;
  entity: string;
  entity_id: string;
  order_id: string | null;
  sample_id: string | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  before: string | null;
  after: string | null;
}
export interface CommandLogTable {
  client_id: string;
  command_id: string;
  seq: number | null;
  type: string;
  aggregate_id: string;
  /** JSON outcome: applied (version) or rejected (code, message). */
  outcome: string;
  created_at: string;
}
export interface SyncClientsTable {
  client_id: string;
  user_id: string;
  last_seq: number;
  updated_at: string;
}
export interface ChangeFeedTable {
  seq: number;
  kind: string;
  aggregate_id: string;
  command_id: string;
  at: string;
}
/** The unit's holiday list (migration 0008): the dates the working-day clock skips. */
export interface HolidaysTable {
  date: string;
  name: string;
  kind: string;
}
