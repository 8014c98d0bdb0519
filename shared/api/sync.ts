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
  /**
   * The highest seq of this client the server answered 'applied' for (as far as the client still
   * knows). When the server has recorded less for the client, it lost history (restored from a
   * backup): it refuses the push with 409 `history_changed`, applying nothing, so that the client
   * first rebuilds (full pull) and re-queues the lost commands in their order.
   */
  lastAppliedSeq: z.number().int().nonnegative().optional(),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    commandId: IdSchema,
    seq: z.number().int(),
    status: z.literal('applied'),
    version: z.number().int(),
  }),
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

/**
 * A pull cursor: `<epoch>:<position>`. The epoch (12 hex digits) names the server's history; it
 * changes when the server's database is restored from a backup. The position is `N` (SQLite: the
 * feed position) or `x<lo>[.<hi>.<seq>]` (PostgreSQL: transaction watermarks). Opaque to clients:
 * send back what the last pull answered. A cursor of another epoch, or ahead of the server's feed,
 * is refused with 409 `history_changed`: pull again with cursor null (a full pull, the whole bucket;
 * lastProcessedSeq then says which of the client's commands the server has), and push again the
 * commands above it (the server deduplicates by client and command id). A cursor without the
 * epoch part (desktops of before it) is still read.
 */
export const PULL_CURSOR_PATTERN =
  '^(?:[0-9a-f]{12}:)?(?:[0-9]{1,15}|x[0-9]{1,20}(?:\\.[0-9]{1,20}\\.[0-9]{1,15})?)$';

export const PullRequestSchema = z.object({
  clientId: IdSchema,
  /** Cursor from the last pull (PULL_CURSOR_PATTERN); null or absent for a full pull. */
  cursor: z.string().max(80).regex(new RegExp(PULL_CURSOR_PATTERN)).nullable().default(null),
  limit: z.number().int().min(1).max(5000).default(1000),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

/**
 * `lastProcessedSeq`: the highest seq of this client the server has recorded. A client holding
 * commands it was told were applied with a higher seq meets a server that lost them (restored):
 * it pulls again from the start and re-sends them.
 */
export const PullResponseSchema = z.object({
  changes: z.array(PullChangeSchema),
  cursor: z.string().regex(new RegExp(PULL_CURSOR_PATTERN)),
  /** More changes wait beyond `limit`: pull again with the new cursor. */
  hasMore: z.boolean(),
  lastProcessedSeq: z.number().int().nonnegative(),
  serverTime: z.iso.datetime({ offset: true }),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
