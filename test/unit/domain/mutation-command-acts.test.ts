/**
 * A refusal names what was refused, in words, never the command's internal name: "Peran Analis
 * tidak berwenang memvalidasi pesanan." Each command has its own act, in Indonesian and English.
 */
import { describe, expect, it } from 'vitest';
import { OFFLINE_COMMAND_LABELS } from '../../../shared/domain/command-labels';
import { COMMAND_TYPES } from '../../../shared/domain/commands';
import { OFFLINE_COMMANDS, RULES } from '../../../shared/domain/permissions';
import { ROLES } from '../../../shared/sop/roles';
import { ROLE_ACTOR, refuse } from './fixtures';

describe('what a refused command was, as a person reads it', () => {
  // Computed inside the test, not at collection: the mutation run then knows which test ran decide.
  const actsOf = () =>
    COMMAND_TYPES.map((type) => {
      const role = ROLES.find((r) => !(r in RULES[type].from))!;
      const r = refuse(null, ROLE_ACTOR[role], type, {});
      expect(r.code, type).toBe('forbidden');
      const id = /^Peran .+ tidak berwenang (.+)\.$/.exec(r.message.id)?.[1] ?? '';
      const en = /^The .+ role may not (.+)\.$/.exec(r.message.en)?.[1] ?? '';
      return { type, id, en };
    });

  it('each command its own act in both languages, none its internal name', () => {
    const acts = actsOf();
    for (const a of acts) {
      expect(a.id.trim(), a.type).not.toBe('');
      expect(a.en.trim(), a.type).not.toBe('');
      expect(`${a.id} ${a.en}`, a.type).not.toContain(a.type);
      expect(`${a.id} ${a.en}`, a.type).not.toMatch(/undefined|null/);
    }
    expect(new Set(acts.map((a) => a.id)).size).toBe(COMMAND_TYPES.length);
    expect(new Set(acts.map((a) => a.en)).size).toBe(COMMAND_TYPES.length);
  });
});

describe("the desktop outbox's names for the offline commands", () => {
  it('each offline command its own short name, in Indonesian and English', () => {
    const labels = OFFLINE_COMMANDS.map((t) => OFFLINE_COMMAND_LABELS[t]);
    for (const [i, l] of labels.entries()) {
      expect(l.id.trim(), OFFLINE_COMMANDS[i]).not.toBe('');
      expect(l.en.trim(), OFFLINE_COMMANDS[i]).not.toBe('');
    }
    expect(new Set(labels.map((l) => l.id)).size).toBe(OFFLINE_COMMANDS.length);
    expect(new Set(labels.map((l) => l.en)).size).toBe(OFFLINE_COMMANDS.length);
  });
});
