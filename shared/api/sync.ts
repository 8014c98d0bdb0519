import { z } from 'zod';
import { CommandTypeSchema } from '../domain/commands';
import { IdSchema, OrderSchema } from '../domain/entities';
import { REJECTION_CODES } from '../domain/rejections';

/**
 * The sync protocol between a desktop's outbox and the server (DESIGN.md, "Sync"). Replicache
 * style: the desktop pushes commands, not rows; the server decides each one through the same
 * domain core and command path as its HTTP API, and answers per command.
 */
export const PUSH_BATCH_MAX = 200;

export const OutboxCommandSchema = z.object({
  /** UUID made when the user acted: idempotency key with the client id. */
  id: IdSchema,
  /** Per-client sequence, strictly increasing: the server applies a client's commands in this order. */
  seq: z.number().int().positive(),
  type: CommandTypeSchema,
  /** The order (or customer account) the command acts on. */
  aggregateId: IdSchema,
  payload: z.unknown(),
  baseVersion: z.number().int().nonnegative().nullable(),
  /** Local clock when the user acted: informational only; the server's clock is the authority. */
  issuedAt: z.iso.datetime({ offset: true }),
});
export type OutboxCommand = z.infer<typeof OutboxCommandSchema>;

export const PushRequestSchema = z.object({
  clientId: IdSchema,
  commands: z.array(OutboxCommandSchema).min(1).max(PUSH_BATCH_MAX),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ commandId: IdSchema, seq: z.number().int(), status: z.literal('applied'), version: z.number().int() }),
  z.object({
    commandId: IdSchema,
    seq: z.number().int(),
    status: z.literal('rejected'),
    code: z.enum(REJECTION_CODES),
    message: z.object({ id: z.string(), en: z.string() }),
  }),
]);
export type PushOutcome = z.infer<typeof PushOutcomeSchema>;

export const PushResponseSchema = z.object({
  outcomes: z.array(PushOutcomeSchema),
  /** Highest seq of this client the server has recorded (applied or rejected). */
  lastProcessedSeq: z.number().int().nonnegative(),
  serverTime: z.iso.datetime({ offset: true }),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const PullChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), order: OrderSchema }),
  /** The order left this user's bucket (reassigned away, or finished for their role). */
  z.object({ op: z.literal('remove'), orderId: IdSchema }),
]);
export type PullChange = z.infer<typeof PullChangeSchema>;

export const PullRequestSchema = z.object({
  clientId: IdSchema,
  /** Opaque cursor from the last pull; absent for a first (full) pull. */
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(5000).default(1000),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(PullChangeSchema),
  cursor: z.string(),
  /** More changes wait beyond `limit`: pull again with the new cursor. */
  hasMore: z.boolean(),
  lastProcessedSeq: z.number().int().nonnegative(),
  serverTime: z.iso.datetime({ offset: true }),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
