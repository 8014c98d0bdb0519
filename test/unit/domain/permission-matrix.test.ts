/**
 * The whole role x command matrix, generated from the permission table (RULES) and checked against
 * `decide`: a role the table lists is accepted in every state it lists (acting on its own work); a
 * role it does not list is refused as 'forbidden' in every state where the command is allowed at all.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from '../../../shared/domain/commands';
import { RULES, commandsAvailable, rolesFor } from '../../../shared/domain/permissions';
import { ROLE_INFO, ROLES, type Role } from '../../../shared/sop/roles';
import { ROLE_ACTOR, STATUSES, attempt, prepare, stateFor, targetStatus } from './fixtures';

const statesOf = (type: CommandType, role: Role): readonly (string | null)[] =>
  (RULES[type].from as Partial<Record<Role, readonly (string | null)[]>>)[role] ?? [];
const anyAllowed = (type: CommandType): (string | null)[] => [
  ...new Set(ROLES.flatMap((r) => statesOf(type, r))),
];

const matrix = ROLES.flatMap((role) =>
  COMMAND_TYPES.map(
    (type) => [role, type, statesOf(type, role).length > 0 ? 'accepted' : 'forbidden'] as const,
  ),
);

describe('role x command matrix (from RULES)', () => {
  it('has every role and every command', () => {
    expect(matrix).toHaveLength(ROLES.length * COMMAND_TYPES.length);
    for (const type of COMMAND_TYPES) expect(rolesFor(type).length).toBeGreaterThan(0);
  });

  it.each(matrix)('%s issuing %s is %s', (role, type, expected) => {
    const listed = statesOf(type, role);
    const states = listed.length > 0 ? listed : anyAllowed(type);
    expect(states.length).toBeGreaterThan(0);
    for (const status of states) {
      const state = stateFor(type, status);
      const { actor, payload, now } = prepare(type, state, undefined, role);
      expect(actor.role).toBe(role);
      const d = attempt(state, actor, type, payload, { now });
      if (expected === 'forbidden') {
        expect(d.ok, `${role} ${type} in ${status}`).toBe(false);
        if (!d.ok) {
          expect(d.code).toBe('forbidden');
          // The role as people call it, what was asked in words, never the command's internal name.
          expect(d.message.en).toContain(ROLE_INFO[role].label);
          expect(d.message.id).toContain(ROLE_INFO[role].label);
          expect(`${d.message.id} ${d.message.en}`).not.toContain(type);
        }
      } else {
        if (!d.ok) expect.fail(`${role} ${type} in ${status}: ${d.code} ${d.message.en}`);
        expect(targetStatus(type, d.state)).toBe(RULES[type].to);
      }
    }
  });

  it("a role's own staff are refused too when the command is not theirs (ownership does not open it)", () => {
    // The Penyelia assigned to the sample may not do the MT's step, nor the MT the Penyelia's.
    const assigned = stateFor('assignment.validate', 'assigned');
    expect(
      attempt(
        assigned,
        ROLE_ACTOR.penyelia,
        'assignment.validate',
        prepare('assignment.validate', assigned).payload,
      ).ok,
    ).toBe(false);
    const received = stateFor('sample.assign_analysts', 'received');
    const d = attempt(
      received,
      ROLE_ACTOR.mt,
      'sample.assign_analysts',
      prepare('sample.assign_analysts', received).payload,
    );
    expect(!d.ok && d.code).toBe('forbidden');
  });
});

describe('commandsAvailable reads the same table', () => {
  const targets = ['account', 'order', 'sample', 'analysis'] as const;
  it.each(ROLES)('%s: the buttons offered are exactly what RULES allows', (role) => {
    for (const target of targets) {
      for (const status of [null, ...STATUSES[target]]) {
        const offered = commandsAvailable(role, target, status);
        const expected = COMMAND_TYPES.filter(
          (t) => RULES[t].target === target && statesOf(t, role).includes(status),
        );
        expect(offered.sort()).toEqual(expected.sort());
      }
    }
  });
});
