import type { ServerMigration } from './migration';

/**
 * A signed E-LHU file records the unsigned document (documentHash) it was verified against: a
 * report refused and asked again keeps its id but gets a new document, and an old signed file
 * must not be applied to it. The public verification page looks signed files up by hash.
 */
export const m0004SignedFileDocument: ServerMigration = {
  name: '0004_signed_file_document',
  async up(db) {
    await db.schema.alterTable('files').addColumn('document_hash', 'text').execute();
    await db.schema.createIndex('reports_signed_hash').on('reports').column('signed_hash').execute();
  },
};
