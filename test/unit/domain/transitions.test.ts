/**
 * Every transition of every state machine (account, order, sample, analysis; reports move with their
 * sample), allowed and refused, generated from RULES: for each command, each state of its target is
 * reached through `decide` and the command is issued there by the person whose work it would be.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from '../../../shared/domain/commands';
import type { Order } from '../../../shared/domain/entities';
import { RULES } from '../../../shared/domain/permissions';
import { attempt, hasOwner, prepare, stateFor, STATUSES, targetStatus } from './fixtures';

const allowedStates = (type: CommandType): (string | null)[] => [
  ...new Set(
    Object.values(RULES[type].from).flatMap((states) => [...(states as readonly (string | null)[])]),
  ),
];

interface Case {
  type: CommandType;
  status: string | null;
  allowed: boolean;
}
const cases: Case[] = COMMAND_TYPES.flatMap((type) => {
  const target = RULES[type].target;
  const statuses: (string | null)[] =
    target === 'account' || target === 'order' ? [null, ...STATUSES[target]] : [...STATUSES[target]];
  const allowed = allowedStates(type);
  return statuses.map((status) => ({ type, status, allowed: allowed.includes(status) }));
});

describe('every transition of every machine', () => {
  it('covers every command and every state of its target', () => {
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(COMMAND_TYPES));
    // Every state named in RULES is a state of its machine, and every command is allowed somewhere.
    for (const type of COMMAND_TYPES) {
      const known = [null, ...STATUSES[RULES[type].target]];
      for (const s of allowedStates(type)) expect(known, `${type} allows unknown state ${s}`).toContain(s);
      expect(cases.some((c) => c.type === type && c.allowed)).toBe(true);
      if (RULES[type].to !== null) expect(STATUSES[RULES[type].target]).toContain(RULES[type].to);
    }
  });

  const allowed = cases
    .filter((c) => c.allowed)
    .map((c) => [c.type, c.status ?? '(none)', RULES[c.type].to, c] as const);
  it.each(allowed)('%s from %s goes to %s', (type, _from, to, c) => {
    const state = stateFor(type, c.status);
    const { actor, payload, now } = prepare(type, state);
    const d = attempt(state, actor, type, payload, { now });
    if (!d.ok) expect.fail(`${type} refused: ${d.code} ${d.message.en}`);

    expect(targetStatus(type, d.state)).toBe(to);
    expect(d.state.version).toBe(state === null ? 1 : state.version + 1);
    expect(d.events.length).toBeGreaterThan(0);
    for (const e of d.events) {
      expect(e).toMatchObject({
        type,
        step: RULES[type].step,
        at: now.toISOString(),
        actorId: actor.userId,
        role: actor.role,
      });
    }
    const entity = RULES[type].target;
    expect(d.events.some((e) => e.entity === entity && e.to === to)).toBe(true);

    if (RULES[type].isReturn) {
      const reason = payload.reason as string;
      expect(reason.length).toBeGreaterThanOrEqual(5);
      expect(d.events.some((e) => e.reason === reason)).toBe(true);
      if ('samples' in d.state) {
        const before = (state as Order).returns.length;
        expect(d.state.returns).toHaveLength(before + 1);
        expect(d.state.returns.at(-1)).toMatchObject({
          by: actor.userId,
          role: actor.role,
          command: type,
          reason,
          at: now.toISOString(),
        });
      }
    } else if ('samples' in d.state && state !== null) {
      expect(d.state.returns).toEqual((state as Order).returns);
    }
  });

  const refused = cases.filter((c) => !c.allowed).map((c) => [c.type, c.status ?? '(none)', c] as const);
  it.each(refused)('%s is refused from %s', (type, _from, c) => {
    const state = stateFor(type, c.status);
    const { actor, payload, now } = prepare(type, state);
    const d = attempt(state, actor, type, payload, { now });
    if (d.ok) expect.fail(`${type} accepted from ${c.status}`);
    let expected: string;
    if (state === null)
      expected = 'not_found'; // nothing to act on yet
    else if (!hasOwner(type, state))
      expected = 'forbidden'; // nobody is assigned this work yet
    else expected = 'invalid_transition';
    expect(d.code, d.message.en).toBe(expected);
    expect(d.message.id.length).toBeGreaterThan(0);
    expect(d.message.en.length).toBeGreaterThan(0);
  });
});

describe('where the owner is not assigned yet, the state still decides', () => {
  // The generic table above expects 'forbidden' when no Penyelia/MT/analyst/Kepala Balai is named yet;
  // these are the states where that happens, so the list is explicit rather than accidental.
  it('lists the states without an owner', () => {
    const noOwner = cases
      .filter((c) => !c.allowed && c.status !== null && !hasOwner(c.type, stateFor(c.type, c.status)))
      .map((c) => `${c.type}@${c.status}`);
    expect(noOwner.sort()).toEqual(
      [
        'assignment.return@awaiting_registration',
        'assignment.validate@awaiting_registration',
        'report.refuse@awaiting_registration',
        'report.refuse@assigned',
        'report.refuse@in_testing',
        'report.refuse@received',
        'report.refuse@registered',
        'report.refuse@rejected',
        'report.refuse@report_numbered',
        'report.refuse@results_validated',
        'report.refuse@results_verified',
        'report.sign@assigned',
        'report.sign@awaiting_registration',
        'report.sign@in_testing',
        'report.sign@received',
        'report.sign@registered',
        'report.sign@rejected',
        'report.sign@report_numbered',
        'report.sign@results_validated',
        'report.sign@results_verified',
        'results.return@awaiting_registration',
        'results.validate@awaiting_registration',
        'results.verify@awaiting_registration',
        'sample.accept@awaiting_registration',
        'sample.assign_analysts@awaiting_registration',
        'sample.reject@awaiting_registration',
      ].sort(),
    );
  });
});
