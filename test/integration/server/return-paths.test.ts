/** Every "no" of the SOP through HTTP: each return path of the permission table, with its reason kept. */
import { expect, it } from 'vitest';
import { RULES } from '../../../shared/domain/permissions';
import type { CommandType } from '../../../shared/domain/commands';
import type { Order } from '../../../shared/domain/entities';
import { DEFAULT_NUMBER_FORMATS, parseNumber } from '../../../shared/numbering';
import { describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';

describeEachDialect('return paths over HTTP', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  /** The Karet MT sends the order's first sample back to the Penyelia (its assignment or its results), with `reason`. */
  const mtReturns = async (o: Order, what: 'assignment' | 'results', reason: string) =>
    ok(
      await s.as(USERS.mtKaret).post(`orders/${o.id}/samples/${o.samples[0]!.id}/${what}/return`, { reason }),
    ).order;

  const reasonOf = async (orderId: string, command: CommandType) => {
    const o = await f.order(orderId, USERS.admin);
    return o.returns.find((r) => r.command === command);
  };

  it('CS returns an order to the customer, who corrects and resubmits it', async () => {
    const o = await f.submit();
    const back = ok(
      await s
        .as(USERS.cs)
        .post(`orders/${o.id}/return`, { reason: 'Deskripsi sampel kurang jelas, mohon lengkapi.' }),
    ).order;
    expect(back.status).toBe('returned_to_customer');
    expect((await reasonOf(o.id, 'order.return_to_customer'))?.reason).toContain('Deskripsi sampel');
    // The customer sees the reason and resubmits.
    const seen = ok(await s.as(USERS.customer).get(`orders/${o.id}`)).order;
    expect(seen.returns[0].reason).toContain('Deskripsi sampel');
    const again = ok(await s.as(USERS.customer).post(`orders/${o.id}/resubmit`, f.twoSamples())).order;
    expect(again.status).toBe('submitted');
    expect((await f.validate(o.id)).status).toBe('validated');
  });

  it('Ketua Tim returns a validated order; on revalidation it keeps its number', async () => {
    const id = await f.toValidated();
    const number = (await f.order(id)).number;
    ok(
      await s
        .as(USERS.ketua)
        .post(`orders/${id}/return`, { reason: 'Parameter tidak sesuai ruang lingkup lab.' }),
    );
    expect((await f.order(id)).status).toBe('returned_to_customer');
    ok(await s.as(USERS.customer).post(`orders/${id}/resubmit`, f.twoSamples()));
    expect((await f.validate(id)).number).toBe(number);
  });

  it('the customer rejects the tariff; Ketua Tim approves again', async () => {
    const id = await f.toValidated();
    await f.approveTariff(id);
    const r = ok(
      await s
        .as(USERS.customer)
        .post(`orders/${id}/tariff/reject`, { reason: 'Tarif kadar abu terlalu tinggi.' }),
    ).order;
    expect(r.status).toBe('validated');
    expect(r.tariffTotal).toBeNull();
    expect((await f.approveTariff(id)).status).toBe('tariff_approved');
  });

  it('the customer cancels before paying', async () => {
    const id = await f.toValidated();
    const r = ok(
      await s.as(USERS.customer).post(`orders/${id}/cancel`, { reason: 'Sampel batal dikirim.' }),
    ).order;
    expect(r.status).toBe('cancelled');
    const late = await s.as(USERS.cs).post(`orders/${id}/validate`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invalid_transition');
  });

  it('Bendahara rejects a proof of payment; the customer uploads another', async () => {
    const id = await f.toAwaitingPayment();
    const proof = (await f.uploadProof(id)).proofs[0]!;
    const r = ok(
      await s.as(USERS.bendahara).post(`orders/${id}/payment-proofs/${proof.id}/reject`, {
        reason: 'Nominal transfer tidak sesuai tagihan.',
      }),
    ).order;
    expect(r.status).toBe('awaiting_payment');
    expect(r.proofs[0].status).toBe('rejected');
    expect(r.proofs[0].reason).toContain('Nominal');
    const second = (await f.uploadProof(id)).proofs[1]!;
    expect((await f.approveProof(id, second.id)).status).toBe('paid');
  });

  it('an expired e-billing cannot be paid and is re-issued with a new code', async () => {
    const id = await f.toAwaitingPayment();
    const first = (await f.order(id)).billings[0]!;
    const early = await s.as(USERS.bendahara).post(`orders/${id}/billing/reissue`);
    expect(early.status).toBe(409);
    s.clock.advance(8 * 86_400_000);
    try {
      const late = await f.notifyPayment(first.code, 'NTPNLATE00000001');
      expect(late.status).toBe(409);
      const upload = await f.uploadProof(id).catch((e: Error) => e);
      expect(String(upload)).toContain('409');
      const re = ok(await s.as(USERS.bendahara).post(`orders/${id}/billing/reissue`)).order;
      expect(re.billings).toHaveLength(2);
      expect(re.billings[0].status).toBe('replaced');
      expect(re.billings[1].code).not.toBe(first.code);
      expect((await f.notifyPayment(re.billings[1].code, 'NTPNREISSUED0001')).status).toBe(200);
      expect((await f.order(id)).status).toBe('paid');
    } finally {
      s.clock.advance(-8 * 86_400_000);
    }
  });

  it('the Penyelia rejects a sample; CS registers the replacement under the same number', async () => {
    const id = await f.toPaid();
    const reg = await f.register(id, 0);
    const sample = reg.samples[0]!;
    const r = ok(
      await s.as(USERS.penyeliaKaret).post(`orders/${id}/samples/${sample.id}/reject`, {
        reason: 'Segel kemasan rusak, sampel terkontaminasi.',
      }),
    ).order;
    expect(r.samples[0].status).toBe('rejected');
    const again = await f.register(id, 0);
    expect(again.samples[0]!.status).toBe('registered');
    expect(again.samples[0]!.number).toBe(sample.number);
  });

  it('the MT returns an assignment; the Penyelia assigns again', async () => {
    const id = await f.toPaid();
    const o = await f.sampleTo(id, 0, 'assigned');
    const r = await mtReturns(o, 'assignment', 'Analis belum kompeten untuk uji PRI.');
    expect(r.samples[0].status).toBe('received');
    await f.assign(id, 0);
    expect((await f.validateAssignment(id, 0)).samples[0]!.status).toBe('in_testing');
  });

  it('the Penyelia asks for a retest; the old analysis is kept, a new one is tested', async () => {
    const id = await f.toPaid();
    const o = await f.sampleTo(id, 0, 'submitted');
    const sample = o.samples[0]!;
    const old = sample.analyses[0]!;
    const r = ok(
      await s.as(USERS.penyeliaKaret).post(`orders/${id}/samples/${sample.id}/analyses/${old.id}/retest`, {
        reason: 'Duplo tidak memenuhi keberterimaan.',
        analystId: s.user(USERS.analisKaret2).id,
      }),
    ).order;
    const analyses = r.samples[0].analyses;
    expect(analyses.find((a: { id: string }) => a.id === old.id).status).toBe('retest');
    const fresh = analyses.find((a: { retestOf: string | null }) => a.retestOf === old.id);
    expect(fresh).toMatchObject({
      status: 'pending',
      analystId: s.user(USERS.analisKaret2).id,
      retestReason: 'Duplo tidak memenuhi keberterimaan.',
    });
    await f.enterResults(id, 0);
    expect((await f.verify(id, 0)).samples[0]!.status).toBe('results_verified');
  });

  it('the MT returns verified results; the Penyelia verifies again', async () => {
    const id = await f.toPaid();
    const o = await f.sampleTo(id, 0, 'results_verified');
    const r = await mtReturns(o, 'results', 'Perhitungan kadar kotoran perlu dicek.');
    expect(r.samples[0].status).toBe('in_testing');
    expect((await f.verify(id, 0)).samples[0]!.status).toBe('results_verified');
  });

  it('the Kepala Balai refuses to sign; CS asks again and it is signed', async () => {
    const id = await f.toPaid();
    let o = await f.sampleTo(id, 0, 'awaiting_signature');
    const report = f.reportOf(o, 0);
    const r = ok(
      await s.as(USERS.kepala).post(`orders/${id}/samples/${o.samples[0]!.id}/reports/${report.id}/refuse`, {
        reason: 'Nama pelanggan pada LHU salah ketik.',
      }),
    ).order;
    expect(r.samples[0].status).toBe('report_numbered');
    expect(f.reportOf(r, 0).number).toBe(report.number);
    await f.requestSignature(id, 0);
    o = await f.sign(id, 0);
    expect(f.reportOf(o, 0).status).toBe('signed');
  });

  it('Ketua Tim amends a released report: a new number that names the one it replaces', async () => {
    const id = await f.toPaid();
    let o = await f.sampleTo(id, 0, 'released');
    const old = f.reportOf(o, 0);
    o = ok(
      await s.as(USERS.ketua).post(`orders/${id}/samples/${o.samples[0]!.id}/reports/${old.id}/amend`, {
        reason: 'Satuan kadar nitrogen salah cetak.',
      }),
    ).order;
    const reports = o.samples[0]!.reports;
    const amended = reports.find((r) => r.replaces === old.id)!;
    expect(reports.find((r) => r.id === old.id)!.status).toBe('superseded');
    expect(amended.number).not.toBe(old.number);
    expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, amended.number)).not.toBeNull();
    expect(amended.amendReason).toBe('Satuan kadar nitrogen salah cetak.');
    await f.requestSignature(id, 0);
    await f.sign(id, 0);
    expect(f.reportOf(await f.release(id, 0), 0).status).toBe('released');
  });

  it('Admin Satker deactivates a customer account, with a reason; its sessions end', async () => {
    const token = await s.token(USERS.customer2);
    const c = s.user(USERS.customer2);
    const r = ok(
      await s
        .as(USERS.admin)
        .post(`customers/${c.customerId}/deactivate`, { reason: 'Permintaan pelanggan: perusahaan tutup.' }),
    );
    expect(r.customer.status).toBe('deactivated');
    const after = await s.request('GET', '/api/v1/orders', { token });
    expect(after.status).toBeGreaterThanOrEqual(401);
    const login = await s.request('POST', '/api/v1/auth/login', {
      body: { username: USERS.customer2, password: s.demo.password },
    });
    expect(login.body.error.code).toBe('account_inactive');
    ok(await s.as(USERS.admin).post(`customers/${c.customerId}/activate`));
    s.forget(USERS.customer2);
  });

  it('every return path of the permission table was taken, and each carries its reason in the audit trail', async () => {
    const returns = (Object.keys(RULES) as CommandType[]).filter((t) => RULES[t].isReturn);
    const audit = ok(await s.as(USERS.admin).get('audit?limit=500')).entries as {
      command: string;
      reason: string | null;
    }[];
    const seen = new Set(audit.filter((e) => e.reason).map((e) => e.command));
    for (const t of returns) expect(seen.has(t), `${t} with a reason in the audit trail`).toBe(true);
  });
});
