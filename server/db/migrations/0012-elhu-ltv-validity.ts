import type { ServerMigration } from './migration';

/** Whether the signer's certificate was valid (dates, CRL) at the signature timestamp's time. */
export const m0012ElhuLtvValidity: ServerMigration = {
  name: '0012_elhu_ltv_validity',
  sql: () => `
    alter table elhu_ltv add column certificate_valid integer;
  `,
};
