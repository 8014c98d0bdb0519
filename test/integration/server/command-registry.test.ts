/**
 * The server's per-command hooks (server/commands/registry.ts) around the one `decide`: what is
 * stored is exactly the state `decide` returned (nothing written into it afterwards), the fields
 * the server fills in (unit, numbers, ids, catalog data, document hash) are never the client's,
 * and step 18 renders its E-LHU once the core admits it and decides once.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../../shared/domain/commands';
import type * as DecideModule from '../../../shared/domain/decide';
import type { Decision } from '../../../shared/domain/decide';
import type { Order } from '../../../shared/domain/entities';
import type { Actor } from '../../../shared/domain/state';
import { applyCommand, type CommandEnv } from '../../../server/commands/apply-command';
import { loadOrder } from '../../../server/commands/store';
import { placeholderReportServices } from '../../../server/reports/placeholder';
import { describeEachDialect } from './harness';
import { suiteFlow, USERS } from './flow';

/** Every decision the server made, in order. */
const decided = vi.hoisted(() => [] as { command: Command; decision: Decision }[]);
vi.mock('../../../shared/domain/decide', async (importOriginal) => {
  const real = await importOriginal<typeof DecideModule>();
  return {
    ...real,
    decide: (...args: Parameters<typeof real.decide>) => {
      const decision = real.decide(...args);
      decided.push({ command: args[1], decision });
      return decision;
    },
  };
});

const decisionsOf = (type: Command['type']) => decided.filter((d) => d.command.type === type);

describeEachDialect('command registry', (dialect) => {
  const { s, f } = suiteFlow(dialect);
  let env: CommandEnv;
  beforeAll(async () => {
    env = { handle: s.handle, config: s.config, reports: placeholderReportServices };
  });
  beforeEach(() => void decided.splice(0));

  const actor = (username: string): Actor => {
    const u = s.user(username);
    return { userId: u.id, role: u.role, labId: u.labId, customerId: u.customerId };
  };
  /** `username` issues a command straight into the server's command path, as a desktop's push does. */
  const issue = (username: string, type: Command['type'], aggregateId: string, payload: unknown) =>
    applyCommand(env, {
      clientId: `test:${randomUUID()}`,
      actor: actor(username),
      command: { id: randomUUID(), type, aggregateId, payload },
    });
  const stored = async (orderId: string) => (await loadOrder(s.handle.db, orderId))!.order;
  /** The state of the last accepted decision on this order. */
  const lastDecided = (orderId: string): Order => {
    const d = decided.findLast(
      (x) => x.decision.ok && 'samples' in x.decision.state && x.decision.state.id === orderId,
    );
    if (!d?.decision.ok) throw new Error(`no accepted decision on ${orderId}`);
    return d.decision.state as Order;
  };

  describe('the stored state is the state decide returned', () => {
    it('at every step from submission to the E-LHU sent for signature', async () => {
      const order = await f.submit(USERS.customer, f.oneSample());
      expect(await stored(order.id)).toEqual(lastDecided(order.id));
      // The unit comes in through the payload: decide puts it into the state, nobody after it.
      expect(decisionsOf('order.submit').at(-1)!.command.payload).toMatchObject({
        unitCode: s.config.unitCode,
      });
      expect((await stored(order.id)).unitCode).toBe(s.config.unitCode);

      for (const step of [
        () => f.validate(order.id),
        () => f.approveTariff(order.id),
        () => f.requestBilling(order.id),
        () => f.issueBilling(order.id),
      ]) {
        await step();
        expect(await stored(order.id)).toEqual(lastDecided(order.id));
      }
      const proof = await f.uploadProof(order.id);
      expect(await stored(order.id)).toEqual(lastDecided(order.id));
      await f.approveProof(order.id, proof.proofs[0]!.id);
      expect(await stored(order.id)).toEqual(lastDecided(order.id));
      for (const step of [
        () => f.register(order.id, 0),
        () => f.accept(order.id, 0),
        () => f.assign(order.id, 0),
        () => f.validateAssignment(order.id, 0),
        () => f.enterResults(order.id, 0),
        () => f.verify(order.id, 0),
        () => f.validateResults(order.id, 0),
        () => f.numberReport(order.id, 0),
        () => f.requestSignature(order.id, 0),
      ]) {
        await step();
        expect(await stored(order.id)).toEqual(lastDecided(order.id));
      }
      const report = f.reportOf(await stored(order.id), 0);
      expect(report.status).toBe('awaiting_signature');
      expect(report.documentHash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('fields the server fills in are never the client’s', () => {
    it('order.submit: the order id, the unit and the catalog data', async () => {
      const orderId = randomUUID();
      const { sir20 } = f.ids;
      const r = await issue(USERS.customer, 'order.submit', orderId, {
        orderId: randomUUID(),
        unitCode: 'EVIL',
        samples: [
          {
            sampleTypeId: sir20.id,
            sampleTypeName: 'Nama palsu',
            description: 'Karet remah SIR 20, lot uji',
            analyses: [
              { parameterId: sir20.parameterIds[0]!, parameterName: 'Palsu', tariff: 1, method: 'X' },
            ],
          },
        ],
      });
      expect(r.outcome.status).toBe('applied');
      const o = await stored(orderId);
      expect(o.id).toBe(orderId);
      expect(o.unitCode).toBe(s.config.unitCode);
      expect(o.samples[0]!.sampleTypeName).not.toBe('Nama palsu');
      const a = o.samples[0]!.analyses[0]!;
      expect(a.parameterName).not.toBe('Palsu');
      expect(a.method).not.toBe('X');
      expect(a.tariff).toBeGreaterThan(1);
      expect(o).toEqual(lastDecided(orderId));
    });

    it('order.validate and report.number: the numbers and the report id', async () => {
      const order = await f.submit(USERS.customer, f.oneSample());
      const v = await issue(USERS.cs, 'order.validate', order.id, { orderNumber: 'ORD/FAKE/1999/99999' });
      expect(v.outcome.status).toBe('applied');
      expect((await stored(order.id)).number).toMatch(/^ORD\/PLG\/\d{4}\/\d{5}$/);

      await f.approveTariff(order.id);
      await f.requestBilling(order.id);
      await f.issueBilling(order.id);
      const proof = await f.uploadProof(order.id);
      await f.approveProof(order.id, proof.proofs[0]!.id);
      const at = await f.sampleTo(order.id, 0, 'results_validated');
      const fakeId = randomUUID();
      const n = await issue(USERS.ketua, 'report.number', order.id, {
        sampleId: at.samples[0]!.id,
        reportId: fakeId,
        reportNumber: 'LHU/FAKE/1',
      });
      expect(n.outcome.status).toBe('applied');
      const report = f.reportOf(await stored(order.id), 0);
      expect(report.id).not.toBe(fakeId);
      expect(report.number).not.toBe('LHU/FAKE/1');
      expect(await stored(order.id)).toEqual(lastDecided(order.id));
    });
  });

  describe('report.request_signature', () => {
    let orderId: string;
    beforeAll(async () => {
      orderId = await f.toPaid();
      await f.sampleTo(orderId, 0, 'report_numbered');
    });
    const unsignedFiles = async () =>
      (
        await s.handle.db
          .selectFrom('files')
          .select('id')
          .where('order_id', '=', orderId)
          .where('kind', '=', 'report_unsigned')
          .execute()
      ).length;

    it('is decided once, with the hash of the document rendered for it (not the client’s)', async () => {
      const o = await stored(orderId);
      const sample = o.samples[0]!;
      const r = await issue(USERS.cs, 'report.request_signature', orderId, {
        sampleId: sample.id,
        reportId: f.reportOf(o, 0).id,
        kepalaBalaiId: s.user(USERS.kepala).id,
        documentHash: 'a'.repeat(64),
        issuedOn: '1999-01-01',
      });
      expect(r.outcome.status).toBe('applied');
      expect(decisionsOf('report.request_signature')).toHaveLength(1);
      const report = f.reportOf(await stored(orderId), 0);
      const file = await s.handle.db
        .selectFrom('files')
        .select('sha256')
        .where('ref_id', '=', report.id)
        .where('kind', '=', 'report_unsigned')
        .executeTakeFirstOrThrow();
      expect(report.documentHash).toBe(file.sha256);
      expect(report.documentHash).not.toBe('a'.repeat(64));
      expect(report.issuedAt!.startsWith('1999')).toBe(false);
      expect(await stored(orderId)).toEqual(lastDecided(orderId));
    });

    it('a request the core refuses renders nothing and is not decided again', async () => {
      // The sample now awaits its signature: asking again is refused before any rendering.
      const o = await stored(orderId);
      const before = await unsignedFiles();
      const res = await s.as(USERS.cs).post(`${f.reportPath(o, 0)}/request-signature`, {
        kepalaBalaiId: s.user(USERS.kepala).id,
      });
      expect(res.status).toBe(409);
      expect(await unsignedFiles()).toBe(before);
      expect(decisionsOf('report.request_signature')).toHaveLength(0);
      expect((await stored(orderId)).version).toBe(o.version);
    });
  });
});
