import type { ServerMigration } from './migration';

/**
 * Issue 10, what the E-LHU states: a parameter's default expanded uncertainty U (with its
 * coverage factor k) from method validation and whether it is inside the unit's accreditation
 * scope, both copied into each analysis at submission; and the unit's own electronic-signature
 * statement for the report footer (null: the default naming the certificate issuer).
 */
export const m0010ReportFields: ServerMigration = {
  name: '0010_report_fields',
  sql: ({ real }) => `
    alter table parameters add column uncertainty_expanded ${real};
    alter table parameters add column uncertainty_k ${real};
    alter table parameters add column accredited integer not null default 1;
    alter table units add column signature_statement text;
  `,
};
