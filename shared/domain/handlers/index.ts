/**
 * Every command's handler, gathered from the aggregates' modules. `Handlers` names every command
 * type: a command without a handler fails to compile here, and so does one handled in two modules
 * (the later spread would silently win).
 */
import { ACCOUNT_HANDLERS } from './account';
import { BILLING_HANDLERS } from './billing';
import type { Guards, Handlers } from './context';
import { ORDER_HANDLERS } from './order';
import { REPORT_GUARDS, REPORT_HANDLERS } from './report';
import { RESULTS_HANDLERS } from './results';
import { SAMPLE_HANDLERS } from './sample';

type Modules = [
  typeof ACCOUNT_HANDLERS,
  typeof ORDER_HANDLERS,
  typeof BILLING_HANDLERS,
  typeof SAMPLE_HANDLERS,
  typeof RESULTS_HANDLERS,
  typeof REPORT_HANDLERS,
];
/** The command types handled by more than one module (none, or this fails to compile). */
type Overlap<M extends unknown[], Seen = never> = M extends [infer H, ...infer R]
  ? (keyof H & Seen) | Overlap<R, Seen | keyof H>
  : never;
// Stryker disable next-line BooleanLiteral: the value is never read (void below); only its type checks, at compile time.
const handledOnce: [Overlap<Modules>] extends [never] ? true : Overlap<Modules> = true;
void handledOnce;

export const HANDLERS: Handlers = {
  ...ACCOUNT_HANDLERS,
  ...ORDER_HANDLERS,
  ...BILLING_HANDLERS,
  ...SAMPLE_HANDLERS,
  ...RESULTS_HANDLERS,
  ...REPORT_HANDLERS,
};

/** The commands with a precondition of their own, checked by decide before the handler (and by admits). */
export const GUARDS: Guards = { ...REPORT_GUARDS };
