import type { ServerMigration } from './migration';

/**
 * Issue 10, what the E-LHU states: a parameter's default expanded uncertainty U (with its
 * coverage factor k) from method validation and whether it is inside the unit's accreditation
 * scope, both copied into each analysis at submission; and the unit's own electronic-signature
 * statement for the report footer (null: the default naming the certificate issuer).
 */
export const m0010ReportFields: ServerMigration = {
  name: '0010_report_fields',
  async up(db, dialect) {
    const real = dialect === 'postgres' ? 'double precision' : 'real';
    await db.schema.alterTable('parameters').addColumn('uncertainty_expanded', real).execute();
    await db.schema.alterTable('parameters').addColumn('uncertainty_k', real).execute();
    await db.schema
      .alterTable('parameters')
      .addColumn('accredited', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('units').addColumn('signature_statement', 'text').execute();
  },
};
