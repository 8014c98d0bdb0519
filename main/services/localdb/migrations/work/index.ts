import type { Migration } from '../../migrate';
import { m001Initial } from './001-initial';
import { m002WorklistSearch } from './002-worklist-search';
import { m003OrdersRowid } from './003-orders-rowid';
import { m004WorklistClock } from './004-worklist-clock';

/** Every schema version of working.sqlite, in order. Add a file and a test per new version. */
export const WORK_MIGRATIONS: readonly Migration[] = [
  m001Initial,
  m002WorklistSearch,
  m003OrdersRowid,
  m004WorklistClock,
];
