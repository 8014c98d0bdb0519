import { describe, expect, it } from 'vitest';
import { formatRupiah, orderTotals, quote } from '../../../shared/tariffs';
import { SOP_STEPS, stepByNumber } from '../../../shared/sop/steps';
import { RULES } from '../../../shared/domain/permissions';
import { COMMAND_TYPES } from '../../../shared/domain/commands';
import type { Analysis } from '../../../shared/domain/entities';
import { blankSample, pendingAnalysis } from '../blank-entities';

const analysis = (id: string, tariff: number, status: 'pending' | 'retest' = 'pending') =>
  pendingAnalysis(id, { tariff, status });
const sample = (id: string, analyses: Analysis[]) => blankSample(id, { analyses });

describe('tariffs', () => {
  it('totals per parameter per sample, in whole rupiah, ignoring retested analyses', () => {
    const totals = orderTotals({
      samples: [
        sample('a', [analysis('1', 75_000), analysis('2', 120_000), analysis('3', 50_000, 'retest')]),
        sample('b', [analysis('4', 75_000)]),
      ],
    });
    expect(totals.samples.map((s) => s.subtotal)).toEqual([195_000, 75_000]);
    expect(totals.total).toBe(270_000);
    expect(totals.parameterCount).toBe(3);
    expect(quote([{ parameterTariffs: [75_000, 120_000] }, { parameterTariffs: [75_000] }])).toBe(270_000);
  });

  it('prints rupiah as Indonesians write them', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp 1.250.000');
    expect(() => formatRupiah(1.5)).toThrow();
  });
});

describe('SOP steps as data', () => {
  it('has the 22 steps in order with actors and standard times', () => {
    expect(SOP_STEPS).toHaveLength(22);
    SOP_STEPS.forEach((s, i) => expect(s.number).toBe(i + 1));
    expect(stepByNumber(14).standard).toEqual({ unit: 'working_days', value: 14 });
    expect(stepByNumber(9).standard).toEqual({ unit: 'none' });
    expect(stepByNumber(19).actor).toBe('kepala_balai');
    expect(() => stepByNumber(23)).toThrow();
  });

  it('names commands whose permission rule agrees on step and actor', () => {
    for (const step of SOP_STEPS) {
      for (const type of step.commands) {
        expect(RULES[type].step, type).toBe(step.number);
        // The step's actor may issue it (step 9's automatic path is the system's).
        const roles = Object.keys(RULES[type].from);
        expect(roles.includes(step.actor) || type === 'payment.confirm_auto', type).toBe(true);
      }
    }
    // Every command with a step number is listed under that step.
    for (const type of COMMAND_TYPES) {
      const n = RULES[type].step;
      if (n !== null) expect(stepByNumber(n).commands, type).toContain(type);
    }
  });
});
