/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON checked by the assertions */
/**
 * The number rule of a saved result (shared/domain/result-value.ts), over HTTP and over sync: the
 * E-LHU prints `value` as written while the judgment reads `numeric` (or the "< …" limit), so a
 * result whose numbers disagree is a 400 in the error shape naming the field, and nothing is
 * stored; a valid one is stored, a written number without `numeric` is read by the server.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import { ok, suiteFlow } from './flow';
import { describeEachDialect } from './harness';

describeEachDialect('the number rule of a result', (dialect) => {
  const { s, f } = suiteFlow(dialect);
  let orderId: string;
  let sampleId: string;
  let analysis: { id: string; analyst: string };

  beforeAll(async () => {
    orderId = await f.toPaid();
    const o: Order = await f.sampleTo(orderId, 0, 'in_testing');
    const sm = o.samples[0]!;
    sampleId = sm.id;
    const a = sm.analyses[0]!;
    analysis = { id: a.id, analyst: s.demo.users.find((u) => u.id === a.analystId)!.username };
  }, 120_000);

  const put = (result: Record<string, unknown>) =>
    s.as(analysis.analyst).put(`orders/${orderId}/samples/${sampleId}/analyses/${analysis.id}/result`, {
      result: { unit: '%', ...result },
    });
  const stored = async () =>
    (await f.order(orderId)).samples[0]!.analyses.find((a) => a.id === analysis.id)!.result;

  it('a malformed value is a 400 in the error shape naming the field; nothing is stored', async () => {
    ok(await put({ value: '0,12', numeric: 0.12 }));
    const cases: [string, Record<string, unknown>, string][] = [
      ['a word with a number', { value: 'dua belas', numeric: 12 }, 'result.value'],
      ['two decimal commas', { value: '1,2,3', numeric: 1.2 }, 'result.value'],
      ['a unit in the value', { value: '12 %', numeric: 12 }, 'result.value'],
      ['a number that is not the one written', { value: '12,5', numeric: 125 }, 'result.numeric'],
      ['thousands read the Indonesian way', { value: '1.234,5', numeric: 1.2345 }, 'result.numeric'],
      [
        'below the limit with a number',
        { value: '< 0,05', numeric: 0.05, belowDetectionLimit: true, detectionLimit: 0.05 },
        'result.numeric',
      ],
      [
        'below a limit other than written',
        { value: '< 0,05', numeric: null, belowDetectionLimit: true, detectionLimit: 0.5 },
        'result.detectionLimit',
      ],
      [
        'below without a number after "<"',
        { value: '< sedikit', numeric: null, belowDetectionLimit: true, detectionLimit: 0.05 },
        'result.value',
      ],
      ['"< …" not marked below the limit', { value: '< 0,05', numeric: null }, 'result.belowDetectionLimit'],
    ];
    for (const [name, result, field] of cases) {
      const r = await put(result);
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(400);
      const body = r.body as any;
      expect(body.error.code, name).toBe('bad_request');
      expect(typeof body.error.message.id, name).toBe('string');
      expect(typeof body.error.message.en, name).toBe('string');
      expect(JSON.stringify(body.error), name).toContain(field);
    }
    expect(await stored()).toMatchObject({ value: '0,12', numeric: 0.12 });
  });

  it('valid results are stored: a number, thousands and scientific notation, below the limit, a number the server reads, a word', async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { value: '12,5', numeric: 12.5 },
        { value: '12,5', numeric: 12.5, belowDetectionLimit: false },
      ],
      [
        { value: '1.234,5', numeric: 1234.5 },
        { value: '1.234,5', numeric: 1234.5 },
      ],
      [
        { value: '2,5 × 10^4', numeric: 25000 },
        { value: '2,5 × 10^4', numeric: 25000 },
      ],
      [
        { value: '< 0,05', numeric: null, belowDetectionLimit: true, detectionLimit: 0.05 },
        { value: '< 0,05', numeric: null, belowDetectionLimit: true, detectionLimit: 0.05 },
      ],
      [
        { value: '0,080', numeric: null },
        { value: '0,080', numeric: 0.08 },
      ],
      [
        { value: 'negatif', numeric: null },
        { value: 'negatif', numeric: null },
      ],
    ];
    for (const [sent, kept] of cases) {
      ok(await put(sent));
      expect(await stored()).toMatchObject(kept);
    }
  });

  it('the same rule holds for a result.save a desktop pushes', async () => {
    const push = (result: Record<string, unknown>) =>
      s.as(analysis.analyst).post('sync/push', {
        clientId: randomUUID(),
        commands: [
          {
            id: randomUUID(),
            seq: 1,
            type: 'result.save',
            aggregateId: orderId,
            payload: { sampleId, analysisId: analysis.id, result: { unit: '%', ...result } },
            baseVersion: null,
            issuedAt: new Date().toISOString(),
          },
        ],
      });
    const bad = await push({ value: '12,5', numeric: 99 });
    const outcome = JSON.stringify(bad.body);
    expect(outcome).not.toMatch(/"status":"applied"/);
    expect(outcome).toContain('numeric');
    expect(await stored()).not.toMatchObject({ numeric: 99 });
    const good = await push({ value: '0,31', numeric: 0.31 });
    expect(JSON.stringify(good.body)).toMatch(/"status":"applied"/);
    expect(await stored()).toMatchObject({ value: '0,31', numeric: 0.31 });
  });
});
