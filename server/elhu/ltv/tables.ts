/** The long-term signature tables (migrations 0011, 0012: server/db/migrations/) and their value types. */
export type LtvLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';
/**
 * pending: a step waits for the TSA or a CRL (retried); done: the level the server aims at is
 * reached; failed: the file cannot take the next level (the report stays valid at its level).
 */
export type LtvStatus = 'pending' | 'done' | 'failed';

export interface ElhuLtvTable {
  report_id: string;
  level: LtvLevel;
  status: LtvStatus;
  current_sha256: string;
  timestamp_time: string | null;
  archive_until: string | null;
  /** 1/0: the signer's certificate was valid at timestamp_time; null before B-T. */
  certificate_valid?: number | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface ElhuLtvFilesTable {
  sha256: string;
  report_id: string;
  level: LtvLevel;
  data: Buffer;
  created_at: string;
}
