/** The whole SOP, steps 1-22, through HTTP only, for an order with two samples in two labs. */
import { expect, it } from 'vitest';
import { DEFAULT_NUMBER_FORMATS, parseNumber } from '../../../shared/numbering';
import { ikmIndex } from '../../../shared/domain/entities';
import { API, describeEachDialect, pdfBytes } from './harness';
import { ok, suiteFlow, SURVEY, USERS } from './flow';

describeEachDialect('SOP steps 1-22 over HTTP', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  it('runs an order with two samples from registration to "finished"', async () => {
    // 1: the customer opens the site: the public catalog.
    const catalog = ok(await s.request('GET', `${API}/catalog`));
    expect(catalog.labs.length).toBeGreaterThanOrEqual(2);
    expect(
      catalog.parameters.find((p: { method: string }) => p.method.includes('SNI 1903:2017')),
    ).toBeTruthy();

    // 2: registration; the account waits for activation.
    const reg = ok(
      await s.request('POST', `${API}/auth/register`, {
        body: {
          username: 'qc.karetjaya',
          password: 'rahasia-sekali-123',
          companyName: 'PT Karet Jaya Abadi',
          contactName: 'Hasan Basri',
          email: 'QC@KaretJaya.example.id',
          phone: '+62 711 555123',
          address: 'Jl. Soekarno-Hatta No. 1, Palembang',
        },
      }),
      201,
    );
    expect(reg.status).toBe('pending_activation');
    const pending = await s.request('POST', `${API}/auth/login`, {
      body: { username: 'qc.karetjaya', password: 'rahasia-sekali-123' },
    });
    expect(pending.status).toBe(403);
    expect(pending.body.error.code).toBe('account_pending');

    // 3: Admin Satker activates it.
    const waiting = ok(await s.as(USERS.admin).get('customers?status=pending_activation'));
    expect(waiting.customers.map((c: { id: string }) => c.id)).toContain(reg.customerId);
    const act = ok(await s.as(USERS.admin).post(`customers/${reg.customerId}/activate`));
    expect(act.customer.status).toBe('active');
    const customer = 'qc.karetjaya';
    await s.token(customer, 'rahasia-sekali-123');

    // 4: the order with two samples; catalog data and tariffs come from the server.
    const submitted = await f.submit(customer);
    expect(submitted.status).toBe('submitted');
    expect(submitted.samples).toHaveLength(2);
    expect(submitted.samples[0]!.analyses[0]!.method).toContain('SNI 1903:2017');
    const orderId = submitted.id;
    const totals = ok(await s.as(customer).get(`orders/${orderId}`)).totals;
    expect(totals.parameterCount).toBe(5);

    // 5: CS validates; the order number follows the unit's format.
    const validated = await f.validate(orderId);
    expect(validated.status).toBe('validated');
    const num = parseNumber(DEFAULT_NUMBER_FORMATS.order, validated.number!);
    expect(num).toMatchObject({ unit: 'PLG', seq: 1 });

    // 6: Ketua Tim approves the tariff (one adjustment).
    const firstAnalysis = validated.samples[0]!.analyses[0]!;
    const approved = ok(
      await s.as(USERS.ketua).post(`orders/${orderId}/tariff/approve`, {
        adjustments: [{ analysisId: firstAnalysis.id, tariff: 120_000 }],
      }),
    ).order;
    expect(approved.status).toBe('tariff_approved');
    expect(approved.tariffTotal).toBe(totals.total - firstAnalysis.tariff + 120_000);

    // 7: the customer requests the e-billing.
    expect((await f.requestBilling(orderId, customer)).status).toBe('billing_requested');

    // 8: Bendahara issues it: 15 digits, amount = approved total, 7 days.
    const billed = await f.issueBilling(orderId);
    const billing = billed.billings[0]!;
    expect(billing.code).toMatch(/^\d{15}$/);
    expect(billing.amount).toBe(approved.tariffTotal);
    expect(Date.parse(billing.expiresAt) - Date.parse(billing.issuedAt)).toBe(7 * 86_400_000);

    // 9: the customer pays and uploads the proof (manual path).
    const withProof = ok(
      await s.as(customer).upload(
        `orders/${orderId}/payment-proofs`,
        {
          data: pdfBytes('bukti transfer'),
          filename: '../../etc/passwd.pdf',
          contentType: 'application/pdf',
        },
        { ntpn: '0A1B2C3D4E5F6G7H' },
      ),
      201,
    ).order;
    expect(withProof.status).toBe('payment_submitted');
    const proof = withProof.proofs[0]!;
    const file = await s.as(USERS.bendahara).get(`orders/${orderId}/payment-proofs/${proof.id}/file`);
    expect(file.status).toBe(200);
    expect(file.raw.subarray(0, 5).toString()).toBe('%PDF-');
    expect(String(file.headers['content-disposition'])).not.toContain('passwd');

    // 10: Bendahara approves the proof.
    const paid = await f.approveProof(orderId, proof.id);
    expect(paid.status).toBe('paid');
    expect(paid.billings[0]!.status).toBe('paid');

    // 11: CS registers both samples: numbers, lab, Penyelia, MT.
    await f.register(orderId, 0);
    const inLab = await f.register(orderId, 1);
    expect(inLab.status).toBe('in_lab');
    const sampleNumbers = inLab.samples.map(
      (x) => parseNumber(DEFAULT_NUMBER_FORMATS.sample, x.number!)?.seq,
    );
    expect(sampleNumbers).toEqual([1, 2]);

    for (const i of [0, 1]) {
      // 12: the Penyelia accepts and assigns analysts; 13: the MT validates.
      expect((await f.accept(orderId, i)).samples[i]!.status).toBe('received');
      expect((await f.assign(orderId, i)).samples[i]!.status).toBe('assigned');
      expect((await f.validateAssignment(orderId, i)).samples[i]!.status).toBe('in_testing');
      // 14: the analysts enter and submit their results.
      const tested = await f.enterResults(orderId, i);
      expect(tested.samples[i]!.analyses.every((a) => a.status === 'submitted')).toBe(true);
      // 15: the Penyelia verifies; 16: the MT validates.
      expect((await f.verify(orderId, i)).samples[i]!.status).toBe('results_verified');
      expect((await f.validateResults(orderId, i)).samples[i]!.status).toBe('results_validated');
      // 17: Ketua Tim generates the LHU number.
      const numbered = await f.numberReport(orderId, i);
      const report = f.reportOf(numbered, i);
      expect(parseNumber(DEFAULT_NUMBER_FORMATS.lhu, report.number)?.seq).toBe(i + 1);
      // 18: CS prints the E-LHU and asks the Kepala Balai to sign.
      const queued = await f.requestSignature(orderId, i);
      expect(f.reportOf(queued, i).documentHash).toMatch(/^[0-9a-f]{64}$/);
      const unsigned = await s
        .as(USERS.kepala)
        .get(`orders/${orderId}/samples/${queued.samples[i]!.id}/reports/${report.id}/file`);
      expect(unsigned.status).toBe(200);
      // 19: the Kepala Balai signs (uploads the signed PDF).
      const signed = await f.sign(orderId, i);
      expect(f.reportOf(signed, i).status).toBe('signed');
      // 20: CS releases it to the customer.
      expect(f.reportOf(await f.release(orderId, i), i).status).toBe('released');
    }
    const released = await f.order(orderId, customer);
    expect(released.status).toBe('reports_released');
    // The customer sees results once released.
    expect(released.samples[0]!.analyses[0]!.result?.value).toBeTruthy();

    // 21: no download before the survey; after it, the signed E-LHU.
    const s0 = released.samples[0]!;
    const r0 = f.reportOf(released, 0);
    const early = await s.as(customer).get(`orders/${orderId}/samples/${s0.id}/reports/${r0.id}/file`);
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('survey_required');
    const surveyed = ok(await s.as(customer).post(`orders/${orderId}/survey`, SURVEY)).order;
    expect(surveyed.status).toBe('survey_completed');
    expect(ikmIndex(surveyed.survey.scores)).toBeGreaterThan(80);
    const pdf = await s.as(customer).get(`orders/${orderId}/samples/${s0.id}/reports/${r0.id}/file`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.headers['content-type'])).toBe('application/pdf');
    expect(pdf.raw.toString('latin1')).toContain('ETSI.CAdES.detached');
    expect(pdf.raw.toString('latin1')).toContain(r0.signedHash ? '/ByteRange' : 'never');

    // 22: finished.
    const finished = ok(await s.as(customer).post(`orders/${orderId}/finish`)).order;
    expect(finished.status).toBe('finished');
    expect(finished.finishedAt).toBeTruthy();

    // The audit trail holds every step, readable by Admin Satker and by the lab's MT.
    const audit = ok(await s.as(USERS.admin).get(`audit?orderId=${orderId}&limit=500`));
    const steps = new Set(
      audit.entries.map((e: { step: number | null }) => e.step).filter((x: number | null) => x !== null),
    );
    for (let n = 4; n <= 22; n++) expect(steps.has(n), `step ${n} in the audit trail`).toBe(true);
    const approve = audit.entries.find((e: { command: string }) => e.command === 'tariff.approve');
    expect(approve).toMatchObject({
      role: 'ketua_tim_pji',
      actorId: s.user(USERS.ketua).id,
      from: 'validated',
      to: 'tariff_approved',
    });
    const mtAudit = ok(await s.as(USERS.mtKaret).get(`audit?orderId=${orderId}`));
    expect(mtAudit.entries.length).toBeGreaterThan(0);
    expect((await s.as(USERS.cs).get(`audit?orderId=${orderId}`)).status).toBe(403);

    // The customer's list shows the finished order.
    const list = ok(await s.as(customer).get('orders'));
    expect(list.orders).toHaveLength(1);
    expect(list.orders[0]).toMatchObject({
      id: orderId,
      status: 'finished',
      companyName: 'PT Karet Jaya Abadi',
    });
  });
});
