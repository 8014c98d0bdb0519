/**
 * What every part of the local store works on: the workspace's one connection (working copy and
 * outbox attached as `ob`) and the user the worklist is projected for. The parts are plain
 * functions over this context so each file holds one job; `LocalStore` (../store.ts) is the facade.
 */
import type { Actor } from '../../../../shared/domain/state';
import type { WorkspaceDb } from '../schema';
import type { Sql } from '../sqlite';
import type { Workspace } from '../workspace';

export interface StoreContext {
  readonly ws: Workspace;
  readonly sql: Sql<WorkspaceDb>;
  /** Read at each projection: the facade's setActor changes it. */
  readonly actor: Actor;
}
