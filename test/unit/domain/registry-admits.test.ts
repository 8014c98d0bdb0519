/**
 * `admits`: what the server asks before work that is only worth doing for a command the core will
 * take (rendering the E-LHU of step 18). It must refuse exactly as `decide` refuses before any
 * effect (role, payload, version, state, the command's guard), let through what `decide` accepts,
 * and change nothing. And the unit an order belongs to comes in through the payload of order.submit.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/domain/commands';
import { admits, decide } from '../../../shared/domain/decide';
import type { Order } from '../../../shared/domain/entities';
import { currentReport, type Actor } from '../../../shared/domain/state';
import {
  A,
  deepFreeze,
  freshId,
  HASH_A,
  NOW,
  ORDER_ID,
  runOrder,
  S1,
  sampleAt,
  twoSamples,
} from './fixtures';

function requestSignature(o: Order, overrides: Record<string, unknown> = {}, baseVersion?: number): Command {
  return {
    id: freshId(),
    type: 'report.request_signature',
    payload: {
      sampleId: S1,
      reportId: currentReport(o.samples.find((s) => s.id === S1)!)!.id,
      kepalaBalaiId: A.kepalaBalai.userId,
      documentHash: HASH_A,
      issuedOn: '2026-03-20',
      ...overrides,
    },
    baseVersion: baseVersion ?? null,
  } as Command;
}

describe('admits', () => {
  it('lets through what decide accepts, and changes nothing', () => {
    const o = deepFreeze(structuredClone(sampleAt('report_numbered')));
    const command = requestSignature(o);
    expect(admits(o, command, A.cs, NOW)).toBeNull();
    expect(decide(o, command, A.cs, NOW).ok).toBe(true);
  });

  const cases: [string, () => { o: Order; command: Command; actor: Actor }][] = [
    [
      'a report that is not the current one (the command’s guard)',
      () => ({
        o: sampleAt('report_numbered'),
        command: requestSignature(sampleAt('report_numbered'), { reportId: freshId() }),
        actor: A.cs,
      }),
    ],
    [
      'a role that never asks for a signature',
      () => ({
        o: sampleAt('report_numbered'),
        command: requestSignature(sampleAt('report_numbered')),
        actor: A.ketuaTim,
      }),
    ],
    [
      'a payload its schema refuses',
      () => ({
        o: sampleAt('report_numbered'),
        command: requestSignature(sampleAt('report_numbered'), { kepalaBalaiId: 'not-an-id' }),
        actor: A.cs,
      }),
    ],
    [
      'an older version of the sample',
      () => {
        const o = sampleAt('report_numbered');
        const version = o.samples.find((s) => s.id === S1)!.version;
        return { o, command: requestSignature(o, {}, version - 1), actor: A.cs };
      },
    ],
    [
      'a sample already waiting for its signature',
      () => ({
        o: sampleAt('awaiting_signature'),
        command: requestSignature(sampleAt('awaiting_signature')),
        actor: A.cs,
      }),
    ],
  ];
  it.each(cases)('refuses as decide refuses: %s', (_, make) => {
    const { o, command, actor } = make();
    const decision = decide(o, command, actor, NOW);
    expect(decision.ok).toBe(false);
    expect(admits(o, command, actor, NOW)).toEqual(decision);
  });

  it('the current-report guard also holds for the other report commands, through decide', () => {
    const o = sampleAt('awaiting_signature');
    const d = decide(
      o,
      {
        id: freshId(),
        type: 'report.refuse',
        payload: { sampleId: S1, reportId: freshId(), reason: 'Data salah ketik' },
      },
      A.kepalaBalai,
      NOW,
    );
    expect(d).toMatchObject({ ok: false, code: 'invalid_payload' });
  });
});

describe('order.submit takes its unit from the payload', () => {
  it('the unit the server filled in is the order’s', () => {
    const o = runOrder(null, A.pelanggan, 'order.submit', {
      orderId: ORDER_ID,
      unitCode: 'PLG',
      samples: twoSamples(),
    });
    expect(o.unitCode).toBe('PLG');
  });
  it('without one (a core used without a server), the order has no unit yet', () => {
    expect(
      runOrder(null, A.pelanggan, 'order.submit', { orderId: ORDER_ID, samples: twoSamples() }).unitCode,
    ).toBe('');
  });
});
