/**
 * The online staff calls (shared/bridge/online-calls.ts) through the bridge, against the real
 * server (the integration harness, listening on a port): each role's step is done through its
 * call; a refusal keeps the session; a server that cannot be reached answers `offline` with
 * nothing done; the holiday list is kept by the server and its working-day clock uses it.
 */
import { describe, expect, it } from 'vitest';
import { unitCalendar } from '../../../server/calendar/holidays';
import { ONLINE_CALLS } from '../../../shared/bridge/online-calls';
import { API } from '../../integration/server/harness';
import { ok, USERS } from '../../integration/server/flow';
import { bridgesOnTestServer, expectOnlineWithSession, whileUnreachable } from './on-test-server';

const env = bridgesOnTestServer();

type Order = {
  id: string;
  status: string;
  samples: { id: string; status: string; reports: { id: string; status: string }[] }[];
  billings: { code: string; status: string }[];
  proofs: { id: string; status: string }[];
};

describe('online staff calls', () => {
  it('are in the contract, marked online, each needing a session', () => {
    expectOnlineWithSession(ONLINE_CALLS);
  });

  it('Admin Satker activates a customer who registered, and manages staff accounts', async () => {
    const reg = await env.server.request('POST', `${API}/auth/register`, {
      body: {
        username: 'pt.baru',
        password: 'Rahasia-12345',
        companyName: 'PT Baru Jaya',
        contactName: 'Budi',
        email: 'budi@baru.co.id',
        phone: '0711 123456',
        address: 'Jl. Merdeka 1, Palembang',
      },
    });
    expect(reg.status).toBe(201);
    const admin = await env.desktopAs(USERS.admin);
    const waiting = await admin.call<{ customers: { id: string; companyName: string }[] }>(
      'online.customers',
      { status: 'pending_activation' },
    );
    const c = waiting.customers.find((x) => x.companyName === 'PT Baru Jaya');
    expect(c).toBeDefined();
    const done = await admin.call<{ customer: { status: string } }>('online.customer.activate', {
      customerId: c!.id,
    });
    expect(done.customer.status).toBe('active');

    const created = await admin.call<{ id: string; role: string; active: boolean }>('online.user.create', {
      username: 'cs.baru',
      password: 'Rahasia-12345',
      name: 'Siti CS',
      role: 'cs',
    });
    expect(created.role).toBe('cs');
    const off = await admin.call<{ active: boolean }>('online.user.update', {
      userId: created.id,
      patch: { active: false },
    });
    expect(off.active).toBe(false);
    // The server's own check comes back as a field error, with its code.
    const dup = await admin.fails('online.user.create', {
      username: 'cs.baru',
      password: 'Rahasia-12345',
      name: 'Lagi',
      role: 'cs',
    });
    expect(dup.code).toBe('invalid_payload');
    const audit = await admin.call<{ entries: { command: string }[] }>('online.audit', {
      entityId: created.id,
    });
    expect(audit.entries.map((e) => e.command)).toEqual(
      expect.arrayContaining(['user.create', 'user.update']),
    );
  });

  it('keeps the holiday list on the server, and the server clock skips it', async () => {
    const admin = await env.desktopAs(USERS.admin);
    const list = await admin.call<{ holidays: { date: string; name: string; kind: string }[] }>(
      'online.holidays',
    );
    expect(list.holidays.length).toBeGreaterThan(10);
    // 2026-07-15 is a Wednesday, not a national holiday.
    expect((await unitCalendar(env.server.handle.db)).isWorkingDay('2026-07-15')).toBe(true);
    const saved = await admin.call<{ holidays: { date: string }[] }>('online.holidays.save', {
      holidays: [
        ...list.holidays,
        { date: '2026-07-15', name: 'Hari jadi Kota Palembang', kind: 'libur_nasional' },
      ],
    });
    expect(saved.holidays.some((h) => h.date === '2026-07-15')).toBe(true);
    expect((await unitCalendar(env.server.handle.db)).isWorkingDay('2026-07-15')).toBe(false);
    // Other staff read it; only the Admin Satker changes it (a refusal, and the session goes on).
    const cs = await env.desktopAs(USERS.cs);
    expect((await cs.call<{ holidays: unknown[] }>('online.holidays')).holidays.length).toBe(
      saved.holidays.length,
    );
    // A well-formed list (an empty one is refused as input before anyone's role is looked at).
    expect((await cs.fails('online.holidays.save', { holidays: saved.holidays })).code).toBe('forbidden');
    expect((await cs.fails('online.users')).code).toBe('forbidden');
    expect(cs.core.signedIn).toBe(true);
    expect(
      (await cs.call<{ orders: unknown[] }>('online.orders', { statuses: ['submitted'] })).orders,
    ).toBeDefined();
  });

  it('walks the front office: CS validates and returns, Ketua Tim approves, Bendahara bills and approves a proof, CS registers', async () => {
    const a = await env.flow.submit();
    const b = await env.flow.submit();
    const cs = await env.desktopAs(USERS.cs);
    const list = await cs.call<{ orders: { summary: { id: string; companyName: string }; order: Order }[] }>(
      'online.orders',
      { statuses: ['submitted'] },
    );
    expect(list.orders.map((o) => o.order.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(list.orders[0]!.summary.companyName.length).toBeGreaterThan(0);
    expect((await cs.call<{ order: Order }>('online.order.validate', { orderId: a.id })).order.status).toBe(
      'validated',
    );
    expect(
      (
        await cs.call<{ order: Order }>('online.order.return', {
          orderId: b.id,
          reason: 'Kemampuan SDM: tidak bisa (analis mikro cuti)',
        })
      ).order.status,
    ).toBe('returned_to_customer');
    // A state that moved on keeps its code.
    expect((await cs.fails('online.order.validate', { orderId: b.id })).code).toBe('invalid_transition');

    const ketua = await env.desktopAs(USERS.ketua);
    expect(
      (await ketua.call<{ order: Order }>('online.tariff.approve', { orderId: a.id })).order.status,
    ).toBe('tariff_approved');
    await env.flow.requestBilling(a.id);

    const bendahara = await env.desktopAs(USERS.bendahara);
    const billed = await bendahara.call<{ order: Order }>('online.billing.issue', { orderId: a.id });
    expect(billed.order.status).toBe('awaiting_payment');
    const proofOrder = await env.flow.uploadProof(a.id);
    const proofId = (proofOrder as unknown as Order).proofs[0]!.id;
    const file = await bendahara.call<{ base64: string; mime: string; size: number }>('online.proof.file', {
      orderId: a.id,
      proofId,
    });
    expect(file.mime).toBe('application/pdf');
    expect(Buffer.from(file.base64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    expect(
      (await bendahara.call<{ order: Order }>('online.proof.approve', { orderId: a.id, proofId })).order
        .status,
    ).toBe('paid');

    const staff = await cs.call<{ staff: { id: string; role: string; labId: string | null }[] }>(
      'online.staff',
    );
    const order = await cs.call<{ order: Order }>('online.order', { orderId: a.id });
    const sample = order.order.samples[0]!;
    const labId = env.flow.labOf(0).labId;
    const penyelia = staff.staff.find((u) => u.role === 'penyelia' && u.labId === labId)!;
    const mt = staff.staff.find((u) => u.role === 'mt' && u.labId === labId)!;
    const reg = await cs.call<{ order: Order }>('online.sample.register', {
      orderId: a.id,
      sampleId: sample.id,
      labId,
      penyeliaId: penyelia.id,
      mtId: mt.id,
    });
    expect(reg.order.samples[0]!.status).toBe('registered');
  });

  it('numbers a report (Ketua Tim), previews and requests the signature, then releases (CS)', async () => {
    const o = await env.flow.order(await env.flow.toPaid());
    await env.flow.sampleTo(o.id, 0, 'results_validated');
    const ketua = await env.desktopAs(USERS.ketua);
    const sampleId = o.samples[0]!.id;
    const numbered = await ketua.call<{ order: Order }>('online.report.number', { orderId: o.id, sampleId });
    const report = numbered.order.samples[0]!.reports[0]!;
    expect(report.status).toBe('numbered');
    const cs = await env.desktopAs(USERS.cs);
    // The server renders the E-LHU when the signature is requested (step 18); before, there is no
    // file, only the draft preview as it would print with the chosen Kepala Balai.
    expect(
      (await cs.fails('online.report.file', { orderId: o.id, sampleId, reportId: report.id })).code,
    ).toBe('not_found');
    const kepala = env.server.user(USERS.kepala);
    const draft = await cs.call<{ base64: string; mime: string }>('online.report.preview', {
      orderId: o.id,
      sampleId,
      reportId: report.id,
      kepalaBalaiId: kepala.id,
    });
    expect(draft.mime).toBe('application/pdf');
    expect(Buffer.from(draft.base64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    const asked = await cs.call<{ order: Order }>('online.report.requestSignature', {
      orderId: o.id,
      sampleId,
      reportId: report.id,
      kepalaBalaiId: kepala.id,
    });
    expect(asked.order.samples[0]!.status).toBe('awaiting_signature');
    const pdf = await cs.call<{ base64: string; mime: string }>('online.report.file', {
      orderId: o.id,
      sampleId,
      reportId: report.id,
    });
    expect(pdf.mime).toBe('application/pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    await env.flow.sign(o.id, 0);
    const released = await cs.call<{ order: Order }>('online.report.release', {
      orderId: o.id,
      sampleId,
      reportId: report.id,
    });
    expect(released.order.samples[0]!.status).toBe('released');
    const amended = await ketua.call<{ order: Order }>('online.report.amend', {
      orderId: o.id,
      sampleId,
      reportId: report.id,
      reason: 'Salah ketik nama contoh uji',
    });
    expect(amended.order.samples[0]!.status).toBe('report_numbered');
  }, 60_000);

  it('Bendahara re-issues an expired billing and rejects a proof with a reason', async () => {
    const o = await env.flow.order(await env.flow.toAwaitingPayment());
    const bendahara = await env.desktopAs(USERS.bendahara);
    const before = o.billings.find((b) => b.status === 'issued')!.code;
    env.server.clock.advance(8 * 86_400_000);
    const again = await bendahara.call<{ order: Order }>('online.billing.reissue', { orderId: o.id });
    const issued = again.order.billings.filter((b) => b.status === 'issued');
    expect(issued).toHaveLength(1);
    expect(issued[0]!.code).not.toBe(before);
    const withProof = (await env.flow.uploadProof(o.id)) as unknown as Order;
    const proofId = withProof.proofs.at(-1)!.id;
    const rejected = await bendahara.call<{ order: Order }>('online.proof.reject', {
      orderId: o.id,
      proofId,
      reason: 'Nominal pada bukti tidak sama dengan tagihan',
    });
    expect(rejected.order.proofs.find((p) => p.id === proofId)!.status).toBe('rejected');
    expect(rejected.order.status).toBe('awaiting_payment');
    const gone = await bendahara.fails('online.proof.reject', { orderId: o.id, proofId, reason: 'x' });
    expect(gone.code).toBe('invalid_payload');
  }, 60_000);

  it('answers offline when the server cannot be reached, with nothing done, and the session stays', async () => {
    const cs = await env.desktopAs(USERS.cs);
    const o = await env.flow.submit();
    // The same desktop, its server address now pointing nowhere.
    const err = await whileUnreachable(cs.core, () => cs.fails('online.order.validate', { orderId: o.id }));
    expect(err.code).toBe('offline');
    expect(cs.core.signedIn).toBe(true);
    expect((await env.flow.order(o.id)).status).toBe('submitted');
    expect((await cs.call<{ order: Order }>('online.order.validate', { orderId: o.id })).order.status).toBe(
      'validated',
    );
  });
});
void ok;
