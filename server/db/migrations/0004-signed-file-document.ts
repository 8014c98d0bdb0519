import type { ServerMigration } from './migration';

/**
 * A signed E-LHU file records the unsigned document (documentHash) it was verified against: a
 * report refused and asked again keeps its id but gets a new document, and an old signed file
 * must not be applied to it. The public verification page looks signed files up by hash.
 */
export const m0004SignedFileDocument: ServerMigration = {
  name: '0004_signed_file_document',
  sql: () => `
    alter table files add column document_hash text;
    create index reports_signed_hash on reports (signed_hash);
  `,
};
