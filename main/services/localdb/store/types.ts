/** The store's public shapes, shared by its parts and re-exported by the facade. */
import type { CommandType } from '../../../../shared/domain/commands';
import type { Message, RejectionCode } from '../../../../shared/domain/rejections';
import type { WorklistPageView, WorklistQueryInput, WorklistRowView } from '../../../../shared/bridge/models';
import type { OrdersTable, OutboxStatus, SamplesTable } from '../schema';

export interface QueuedCommand {
  id: string;
  seq: number;
  type: CommandType;
  aggregateId: string;
  payload: unknown;
  baseVersion: number | null;
  issuedAt: string;
  status: OutboxStatus;
  summary: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  rejection: { code: RejectionCode; message: Message } | null;
  resolution: 'dismissed' | 'redone' | null;
  redoOf: string | null;
  /** For a blocked command: the rejected command it was built on. */
  blockedBy: string | null;
  appliedVersion: number | null;
}

export interface NewCommand {
  type: CommandType;
  aggregateId: string;
  payload: unknown;
  baseVersion: number | null;
  issuedAt: string;
  summary: string;
  redoOf?: string | null;
}

/**
 * One order of a pull, prepared outside the transaction (parsing and projecting are the slow
 * part): the rows to write, so the parsed order itself need not be kept until the whole pull is in.
 */
export interface PreparedPut {
  op: 'put';
  id: string;
  row: OrdersTable;
  samples: SamplesTable[];
}
export type PreparedChange = PreparedPut | { op: 'remove'; orderId: string };

/** A worklist screen's page: the bridge's schema is the type. */
export type WorklistPage = WorklistPageView;

/** The filters a worklist offers: the bridge's query (`offset` only for the unpaged list, tests). */
export type WorklistQuery = WorklistQueryInput & { offset?: number };

export type WorklistRow = WorklistRowView;

export interface WorklistFacets {
  statuses: { status: string; count: number }[];
  labs: { id: string; name: string }[];
  sampleTypes: { name: string; count: number }[];
}
