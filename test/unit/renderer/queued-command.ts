import type { QueuedCommandView } from '../../../shared/bridge';

/** A command in the desktop's outbox as the screens get it: a result saved, not sent yet. */
export function queuedCommand(over: Partial<QueuedCommandView> = {}): QueuedCommandView {
  return {
    id: 'c1',
    seq: 1,
    type: 'result.save',
    aggregateId: 'o1',
    payload: {},
    baseVersion: 0,
    issuedAt: '2026-03-14T03:42:00.000Z',
    status: 'pending',
    summary: '',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    rejection: null,
    rejectionKind: null,
    conflict: null,
    resolution: null,
    redoOf: null,
    blockedBy: null,
    appliedVersion: null,
    ...over,
  };
}
