import type { ServerMigration } from './migration';

/**
 * A parameter's limit of detection/quantitation, copied into each analysis at submission so the
 * analyst's screen and the E-LHU can report "< limit".
 */
export const m0006ParameterDetectionLimit: ServerMigration = {
  name: '0006_parameter_detection_limit',
  sql: ({ real }) => `
    alter table parameters add column detection_limit ${real};
  `,
};
