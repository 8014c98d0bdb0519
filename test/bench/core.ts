/** Group `core`: the domain core's decide function, which every command of every part goes through. */
import { randomUUID } from 'node:crypto';
import { decide } from '../../shared/domain/decide';
import type { Actor } from '../../shared/domain/state';
import type { Order } from '../../shared/domain/entities';
import type { BenchRow } from './target';
import { percentile } from './target';

const customer: Actor = { userId: randomUUID(), role: 'pelanggan', labId: null, customerId: randomUUID() };
const cs: Actor = { userId: randomUUID(), role: 'cs', labId: null, customerId: null };

function bigOrder(samples: number, params: number): Order {
  const r = decide(
    null,
    {
      id: randomUUID(),
      type: 'order.submit',
      payload: {
        orderId: randomUUID(),
        samples: Array.from({ length: samples }, (_, i) => ({
          sampleId: randomUUID(),
          sampleTypeId: randomUUID(),
          sampleTypeName: 'Karet remah SIR 20',
          description: `Bal karet ${i + 1}`,
          analyses: Array.from({ length: params }, (_, j) => ({
            analysisId: randomUUID(),
            parameterId: randomUUID(),
            parameterName: `Parameter ${j + 1}`,
            unit: '%',
            method: 'SNI 1903:2017',
            requirement: { min: null, max: 0.2, text: null, source: 'SNI 1903:2017' },
            tariff: 75_000,
          })),
        })),
      },
    },
    customer,
    new Date(),
  );
  if (!r.ok) throw new Error(r.message.en);
  return r.state as Order;
}

export async function run(report: (row: BenchRow) => void): Promise<void> {
  const order = bigOrder(2, 10);
  const now = new Date();
  const n = 20_000;
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = decide(
      order,
      { id: 'x', type: 'order.validate', payload: { orderNumber: `ORD/PLG/2026/${i + 1}` } },
      cs,
      now,
    );
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.message.en);
  }
  const seconds = (performance.now() - start) / 1000;
  report({ name: 'decide_per_second', value: n / seconds, unit: 'commands/s', target: '>= 10000' });
  report({ name: 'decide_p95', value: percentile(times, 95), unit: 'ms', target: '< 1' });

  const large = bigOrder(20, 60);
  const t0 = performance.now();
  for (let i = 0; i < 500; i++)
    decide(large, { id: 'x', type: 'order.validate', payload: { orderNumber: 'ORD/PLG/2026/1' } }, cs, now);
  report({
    name: 'decide_1200_analyses_ms',
    value: (performance.now() - t0) / 500,
    unit: 'ms',
    target: '< 5',
  });
}
