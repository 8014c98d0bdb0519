/**
 * Issue 12, "What integrators and the UIs will need": a command that creates something answers its
 * id (createdId) and a Location header naming it: customers (register), staff accounts, billings
 * (step 8), proofs of payment (step 9), reports (step 17 numbering); a resend with the same
 * Idempotency-Key names the same thing; the OpenAPI document says so (Location response header).
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { API, describeEachDialect, pdfBytes } from './harness';
import { ok, suiteFlow, USERS } from './flow';

describeEachDialect('created id and Location', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  it('register: the customer created, readable at its Location', async () => {
    const r = await s.request('POST', `${API}/auth/register`, {
      body: {
        username: 'cv.lokasi',
        password: 'kata-sandi-panjang',
        companyName: 'CV Lokasi',
        contactName: 'Budi',
        email: 'budi@lokasi.example.id',
        phone: '0711-555555',
        address: 'Jl. Sudirman 2, Palembang',
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.createdId).toBe(r.body.customerId);
    expect(r.headers.location).toBe(`${API}/customers/${r.body.customerId}`);
    const read = ok(await s.as(USERS.admin).get(String(r.headers.location).replace(`${API}/`, '')));
    expect(read.customer?.id ?? read.id).toBe(r.body.customerId);
  });

  it('Admin Satker creates a staff account: createdId and Location', async () => {
    const r = await s.as(USERS.admin).post('users', {
      username: 'analis.lokasi',
      password: 'analis-lokasi-9999',
      name: 'Tini',
      role: 'analis',
      labId: s.demo.labs.KRT,
    });
    expect(r.status).toBe(201);
    expect(r.body.createdId).toBe(r.body.id);
    expect(r.headers.location).toBe(`${API}/users/${r.body.id}`);
  });

  it('billing (step 8), proof of payment (step 9) and report number (step 17): createdId names the new thing, Location where to read it', async () => {
    const id = await f.toValidated();
    await f.approveTariff(id);
    await f.requestBilling(id);
    const billed = await s.as(USERS.bendahara).post(`orders/${id}/billing`);
    expect(billed.status).toBe(201);
    expect(billed.body.createdId).toBe(billed.body.order.billings[0].id);
    expect(billed.headers.location).toBe(`${API}/orders/${id}`);

    const key = randomUUID();
    const upload = () =>
      s
        .as(USERS.customer)
        .upload(
          `orders/${id}/payment-proofs`,
          { data: pdfBytes('bukti'), filename: 'bukti.pdf', contentType: 'application/pdf' },
          { ntpn: 'A1B2C3D4E5F6G7H8' },
          { headers: { 'idempotency-key': key } },
        );
    const proof = await upload();
    expect(proof.status).toBe(201);
    const proofId = proof.body.order.proofs[0].id;
    expect(proof.body.createdId).toBe(proofId);
    expect(proof.headers.location).toBe(`${API}/orders/${id}/payment-proofs/${proofId}/file`);
    expect(
      (await s.as(USERS.bendahara).get(String(proof.headers.location).replace(`${API}/`, ''))).status,
    ).toBe(200);
    // A resend with the same key names the same proof.
    const again = await upload();
    expect(again.body.replayed).toBe(true);
    expect(again.body.createdId).toBe(proofId);
    expect(again.headers.location).toBe(proof.headers.location);

    await f.approveProof(id, proofId);
    await f.sampleTo(id, 0, 'results_validated');
    const o = await f.order(id);
    const sampleId = o.samples[0]!.id;
    const numbered = await s.as(USERS.ketua).post(`orders/${id}/samples/${sampleId}/reports`);
    expect(numbered.status).toBe(201);
    const report = numbered.body.order.samples[0].reports[0];
    expect(numbered.body.createdId).toBe(report.id);
    expect(numbered.headers.location).toBe(
      `${API}/orders/${id}/samples/${sampleId}/reports/${report.id}/preview`,
    );
    const preview = await s.as(USERS.ketua).get(String(numbered.headers.location).replace(`${API}/`, ''));
    expect(preview.status).toBe(200);
    expect(String(preview.headers['content-type'])).toContain('application/pdf');
  });

  it('the OpenAPI document names the Location header of every creating operation', async () => {
    const doc = (await s.request('GET', `${API}/openapi.json`)).body;
    const created: [string, string][] = [
      ['/api/v1/auth/register', 'post'],
      ['/api/v1/users', 'post'],
      ['/api/v1/orders', 'post'],
      ['/api/v1/orders/{orderId}/billing', 'post'],
      ['/api/v1/orders/{orderId}/payment-proofs', 'post'],
      ['/api/v1/orders/{orderId}/samples/{sampleId}/reports', 'post'],
    ];
    for (const [path, method] of created) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.responses['201']?.headers?.Location?.schema?.type, `${method} ${path}`).toBe('string');
      expect(
        JSON.stringify(op.responses['201'].content['application/json'].schema),
        `${method} ${path}`,
      ).toContain('createdId');
    }
  });
});
