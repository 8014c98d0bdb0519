/**
 * The server's part of a command, beside the domain core's handler: what it fills in before
 * `decide` (numbers, ids, catalog data, the rendered document's hash) and what it checks against
 * its tables after. The hooks never touch the decided state: what is stored is what `decide` returned.
 */
import type { CommandType, PayloadOf, RequestOf, ServerFields } from '../../shared/domain/commands';
import type { Accepted } from '../../shared/domain/decide';
import type { Account, Order } from '../../shared/domain/entities';
import type { Rejection } from '../../shared/domain/rejections';
import type { Actor } from '../../shared/domain/state';
import type { Trx } from '../db/schema';
import type { Attachment, CommandEnv } from './env';
import type { Reservation } from './numbers';

/** What a command's hooks see, in the command's transaction. */
export interface HookCtx<T extends CommandType> {
  env: CommandEnv;
  trx: Trx;
  type: T;
  aggregateId: string;
  /** The version of the entity the client acted on (stale-edit guard), as the command carries it. */
  baseVersion: number | null;
  /** The payload as the client sent it, parsed with the command's request schema. */
  request: RequestOf<T>;
  actor: Actor;
  now: Date;
  state: Order | Account | null;
  /** The order the command acts on, as it is before the command (null for an account or a new order). */
  order: Order | null;
  /** The files sent with this request. */
  attachments: readonly Attachment[];
}

export interface Prepared<T extends CommandType> {
  /** Put over the request to make the payload `decide` reads. */
  fields: ServerFields<T>;
  /** Numbers reserved for this command: taken only when it is accepted. */
  reservations?: Reservation[];
  /** Files the server made that become part of the record with the command. */
  attachments?: Attachment[];
  /** Writes once the accepted state is stored, in the same transaction. */
  onAccept?: (trx: Trx) => Promise<void>;
}

interface Hooks<T extends CommandType> {
  /** Before `decide`: the fields the server fills in, or a refusal from its tables. */
  prepare?: (ctx: HookCtx<T>) => Promise<Prepared<T> | Rejection>;
  /**
   * After `decide` accepted and before anything is written: checks against the server's tables
   * (people, labs) that come after the domain core's reasons (forbidden, wrong state, stale).
   */
  afterDecide?: (ctx: HookCtx<T>, decision: Accepted) => Promise<Rejection | null>;
}

/** Whether a command's payload has fields that only the server fills in. */
type HasServerFields<T extends CommandType> = [keyof Omit<PayloadOf<T>, keyof RequestOf<T>>] extends [never]
  ? false
  : true;
/** A command with server fields has a `prepare`: without it, they could only come from the client. */
export type CommandHooks<T extends CommandType> =
  HasServerFields<T> extends true ? Hooks<T> & Required<Pick<Hooks<T>, 'prepare'>> : Hooks<T>;

type WithServerFields = { [T in CommandType]: HasServerFields<T> extends true ? T : never }[CommandType];
/** Every command's hooks: required for the commands with server fields, optional for the rest. */
export type CommandRegistry = { [T in WithServerFields]: CommandHooks<T> } & {
  [T in Exclude<CommandType, WithServerFields>]?: CommandHooks<T>;
};
/** One aggregate's part of the registry. */
export type SomeHooks = { [T in CommandType]?: CommandHooks<T> };
