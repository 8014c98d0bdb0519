import type { ZodType, output } from 'zod';
import type { CommandType, PayloadInput } from '../../shared/domain/commands';

type OrderedSampleInput = PayloadInput<'order.submit'>['samples'][number];

/** A sample as the customer orders it: the server resolves its ids, names and catalog data. */
export type RequestedSample = Pick<OrderedSampleInput, 'sampleTypeId' | 'description' | 'customerLabel'> & {
  analyses: Pick<OrderedSampleInput['analyses'][number], 'parameterId'>[];
};

/**
 * A command's payload as an HTTP operation issues it: fields of that command's payload only, each
 * optional because the command path fills in what the issuer may not choose (numbers, catalog data,
 * hashes) before the payload is parsed. An order's samples are named as the customer picks them.
 */
export type IssuedPayload<T extends CommandType> = {
  [K in keyof PayloadInput<T>]?: K extends 'samples' ? RequestedSample[] : PayloadInput<T>[K];
};

/** The named fields of an object type (an empty zod object is a record of nothing: no fields). */
type FieldsOf<X> = string extends keyof X ? never : keyof X;

/** The commands whose payload names what the operation's path names beyond the order. */
export type CommandNaming<Key extends string> = {
  [T in CommandType]: [Key] extends [FieldsOf<PayloadInput<T>>] ? T : never;
}[CommandType];

/**
 * A body schema whose fields are all fields of the command's payload: `unknown` (no constraint),
 * else a requirement no schema meets, naming the fields the payload does not have.
 */
export type BodyFieldsOf<T extends CommandType, B extends ZodType> = [
  Exclude<FieldsOf<output<B>>, keyof PayloadInput<T>>,
] extends [never]
  ? unknown
  : { fieldsNotInPayload: Exclude<FieldsOf<output<B>>, keyof PayloadInput<T>> };
