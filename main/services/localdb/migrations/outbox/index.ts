import type { Migration } from '../../migrate';
import { m001Initial } from './001-initial';
import { m002CommandSummary } from './002-command-summary';
import { m003BlockedBy } from './003-blocked-by';
import { m004Signing } from './004-signing';

/** Every schema version of outbox.sqlite, in order. Add a file and a test per new version. */
export const OUTBOX_MIGRATIONS: readonly Migration[] = [
  m001Initial,
  m002CommandSummary,
  m003BlockedBy,
  m004Signing,
];
