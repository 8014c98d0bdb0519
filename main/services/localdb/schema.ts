/**
 * Typed tables of the two local files of a workspace (one workspace per server and user):
 *
 * - working.sqlite: the user's bucket as last pulled (`base_json`) and as the user sees it with
 *   their pending commands applied (`local_json`), a worklist table derived from it, sync state and
 *   reference data. Everything here can be rebuilt from the server.
 * - outbox.sqlite: what cannot be rebuilt: the commands the user issued, the client identity and
 *   sequence, and the offline login verifier. Attached to the working connection as `ob`.
 *
 * These types describe the newest schema version; migrations (migrations/work, migrations/outbox)
 * are plain SQL per version.
 */
export const OUTBOX_SCHEMA = 'ob';

export interface OrdersTable {
  id: string;
  /** Version of the order as the user sees it (with pending commands). */
  version: number;
  status: string;
  number: string | null;
  customer_id: string;
  submitted_at: string;
  /** The server's version and state of the order, from the last pull that carried it. */
  base_version: number;
  base_json: string;
  /** The order with the user's pending commands applied; NULL when it equals `base_json`. */
  local_json: string | null;
  /** Commands of this user not yet confirmed by a pull that act on this order. */
  pending_commands: number;
  pulled_at: string;
}

/** One row per sample of an order in the bucket: what the worklist screens read. */
export interface SamplesTable {
  id: string;
  order_id: string;
  order_number: string | null;
  order_status: string;
  sample_number: string | null;
  sample_type_name: string;
  description: string;
  customer_label: string;
  status: string;
  lab_id: string | null;
  penyelia_id: string | null;
  mt_id: string | null;
  received_at: string | null;
  analyses_total: number;
  analyses_mine: number;
  /** Analyses assigned to this user that still need their result (pending or draft). */
  analyses_open_mine: number;
  analyses_submitted: number;
  /** The next command this user can issue on the sample (from the permission table), or NULL. */
  next_action: string | null;
  /** 0 when the user has something to do on the sample, else 1: the worklist sorts on it. */
  action_rank: number;
  /** Received time (or the order's submission time): oldest work first. */
  sort_at: string;
  pending_commands: number;
  /** Lower-cased order number, sample number, type and label: the worklist's search (v2). */
  search: string;
  /** The SOP step the sample waits at, since when, and when its standard time runs out (v4). */
  step: number | null;
  step_started_at: string | null;
  due_at: string | null;
  /** This user's changes on the sample held back behind a rejected change (v4). */
  blocked_commands: number;
}

export interface SyncStateTable {
  id: number;
  cursor: string | null;
  /** The highest seq of this client the server had recorded when the current base was pulled. */
  last_processed_seq: number;
  last_pull_at: string | null;
  last_push_at: string | null;
  /** Server time of the last complete sync (push and pull both done). */
  last_sync_at: string | null;
  server_time_offset_ms: number;
  /** Set when the working copy was rebuilt after an integrity failure, until the first full pull. */
  rebuilt_from: string | null;
}

export interface ReferenceTable {
  kind: string;
  id: string;
  json: string;
  updated_at: string;
}

export const OUTBOX_STATUSES = ['pending', 'sent', 'applied', 'rejected', 'blocked'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxTable {
  command_id: string;
  seq: number;
  type: string;
  aggregate_id: string;
  payload: string;
  base_version: number | null;
  issued_at: string;
  status: OutboxStatus;
  rejection_code: string | null;
  /** JSON {id, en}. */
  rejection_message: string | null;
  /** For a rejected command the user has dealt with: 'dismissed' or 'redone'. */
  resolution: string | null;
  resolved_at: string | null;
  /** The command this one redoes. */
  redo_of: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  applied_version: number | null;
  outcome_at: string | null;
  created_at: string;
  /** A line for people: what the command did, on which order/sample (v2). */
  summary: string;
  /** The rejected command this blocked one was built on (v3). */
  blocked_by: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ProfileTable {
  id: number;
  server_url: string;
  user_id: string;
  username: string;
  name: string;
  role: string;
  lab_id: string | null;
  /** JSON of the scrypt verifier: {alg, N, r, p, keylen, salt, hash}. */
  verifier: string;
  failed_attempts: number;
  locked_at: string | null;
  /** 0 once the server refused this user's session (deactivated, role changed): online login needed. */
  offline_allowed: number;
  /** Refresh token encrypted with a key derived from the password (AES-256-GCM), JSON. */
  refresh_token_enc: string | null;
  last_online_login_at: string;
}

/** A signed E-LHU made here, with its 'report.sign' command (outbox v4). */
export interface SignedReportsTable {
  command_id: string;
  order_id: string;
  sample_id: string;
  report_id: string;
  report_number: string;
  /** SHA-256 of the unsigned E-LHU that was signed (report.documentHash when signed). */
  document_hash: string;
  signed_hash: string;
  data: Buffer;
  signed_at: string;
  /** When the server verified and stored the file (PUT signed-file); NULL until then. */
  uploaded_at: string | null;
  /** The server's last refusal or the last transport error of the upload. */
  upload_error: string | null;
}

export interface SigningLockoutTable {
  key: string;
  failures: number;
  /** Epoch ms. */
  locked_until: number | null;
}

export interface WorkspaceDb {
  orders: OrdersTable;
  samples: SamplesTable;
  sync_state: SyncStateTable;
  reference: ReferenceTable;
  'ob.outbox': OutboxTable;
  'ob.meta': MetaTable;
  'ob.profile': ProfileTable;
  'ob.signed_reports': SignedReportsTable;
  'ob.signing_lockout': SigningLockoutTable;
}
