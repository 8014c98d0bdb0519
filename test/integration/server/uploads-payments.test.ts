/** Proofs of payment (type from content, size limit, stored under server ids) and the payment gateway's HMAC notification. */
import { createHmac } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  API,
  describeEachDialect,
  jpegBytes,
  multipart,
  PAYMENT_SECRET,
  pdfBytes,
  pngBytes,
  startTestServer,
} from './harness';
import { ok, suiteFlow, USERS } from './flow';

describeEachDialect('uploads and payment notifications', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  const upload = (
    orderId: string,
    file: { data: Buffer; filename?: string; contentType?: string },
    fields: Record<string, string> = {},
  ) => s.as(USERS.customer).upload(`orders/${orderId}/payment-proofs`, file, fields);

  it('accepts PDF, PNG and JPEG judged by content, and serves them back under the server’s name', async () => {
    for (const [data, mime] of [
      [pdfBytes(), 'application/pdf'],
      [pngBytes(), 'image/png'],
      [jpegBytes(), 'image/jpeg'],
    ] as const) {
      const id = await f.toAwaitingPayment();
      // The name and type the client sends are ignored.
      const o = ok(
        await upload(id, { data, filename: '../../../../etc/shadow', contentType: 'text/html' }),
        201,
      ).order;
      const proof = o.proofs[0]!;
      const file = await s.as(USERS.bendahara).get(`orders/${id}/payment-proofs/${proof.id}/file`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe(mime);
      expect(Buffer.compare(file.raw, data)).toBe(0);
      expect(String(file.headers['content-disposition'])).toMatch(
        new RegExp(`^attachment; filename="bukti-bayar-${proof.id}\\.(pdf|png|jpg)"$`),
      );
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses other content, oversized files, empty or misnamed parts; nothing is written', async () => {
    const id = await f.toAwaitingPayment();
    const before = await f.order(id, USERS.admin);
    const cases: [string, () => ReturnType<typeof upload>, number, string][] = [
      [
        'text as .pdf',
        () =>
          upload(id, {
            data: Buffer.from('hello, I am not a PDF'),
            filename: 'bukti.pdf',
            contentType: 'application/pdf',
          }),
        415,
        'unsupported_file_type',
      ],
      [
        'an executable',
        () =>
          upload(id, {
            data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]),
            filename: 'bukti.pdf',
          }),
        415,
        'unsupported_file_type',
      ],
      [
        'a GIF',
        () =>
          upload(id, {
            data: Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]),
            filename: 'bukti.gif',
          }),
        415,
        'unsupported_file_type',
      ],
      [
        'HTML',
        () =>
          upload(id, { data: Buffer.from('<!doctype html><script>alert(1)</script>'), filename: 'x.html' }),
        415,
        'unsupported_file_type',
      ],
      [
        '5 MB + 1 byte',
        () =>
          upload(id, {
            data: Buffer.concat([pdfBytes(), Buffer.alloc(5 * 1024 * 1024 + 1 - pdfBytes().length, 32)]),
            filename: 'big.pdf',
          }),
        413,
        'payload_too_large',
      ],
      [
        'an empty file',
        () => upload(id, { data: Buffer.alloc(0), filename: 'empty.pdf' }),
        400,
        'bad_request',
      ],
      ['a bad NTPN', () => upload(id, { data: pdfBytes() }, { ntpn: "1' OR '1'='1" }), 400, 'bad_request'],
      [
        'an unknown field',
        () => upload(id, { data: pdfBytes() }, { path: '/etc/passwd' }),
        400,
        'bad_request',
      ],
    ];
    for (const [name, send, status, code] of cases) {
      const r = await send();
      expect(r.status, name).toBe(status);
      expect(r.body.error.code, name).toBe(code);
      expect(r.body.error.message.id, name).toBeTruthy();
    }
    const wrongField = multipart({ data: pdfBytes() }, {}, 'dokumen');
    const r1 = await s.request('POST', `${API}/orders/${id}/payment-proofs`, {
      token: await s.token(USERS.customer),
      rawBody: wrongField.body,
      headers: { 'content-type': wrongField.contentType },
    });
    expect(r1.status).toBe(400);
    const json = await s.as(USERS.customer).post(`orders/${id}/payment-proofs`, { file: 'JVBERi0xLjQ=' });
    expect(json.status).toBe(415);
    // Exactly 5 MB is fine.
    const exact = Buffer.concat([pdfBytes(), Buffer.alloc(5 * 1024 * 1024 - pdfBytes().length, 32)]);
    const after = await f.order(id, USERS.admin);
    expect(after.version).toBe(before.version);
    expect(after.proofs).toHaveLength(0);
    expect((await upload(id, { data: exact, filename: 'pas.pdf' })).status).toBe(201);
  });

  /** A gateway notification's body: `billingCode` paid now under `ntpn`, with `extra` (the amount). */
  const paidNotice = (billingCode: string, ntpn: string, extra: { amount?: number } = {}) =>
    JSON.stringify({ billingCode, ntpn, paidAt: s.clock.now().toISOString(), ...extra });
  const sign = (raw: string, secret = PAYMENT_SECRET) =>
    `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  const notify = (raw: string, signature: string | null) =>
    s.request('POST', `${API}/payments/notify`, {
      rawBody: raw,
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-sippt-signature': signature } : {}),
      },
    });

  it('payment notification: HMAC of the raw body with the shared secret marks the billing paid, once', async () => {
    const id = await f.toAwaitingPayment();
    const billing = (await f.order(id)).billings[0]!;
    const raw = paidNotice(billing.code, 'ABCDEF0123456789', { amount: billing.amount });
    expect((await notify(raw, null)).status).toBe(401);
    expect((await notify(raw, sign(raw, 'another-secret'))).status).toBe(401);
    expect((await notify(raw, 'sha256=zz')).status).toBe(401);
    const tampered = raw.replace(String(billing.amount), String(billing.amount - 1));
    expect((await notify(tampered, sign(raw))).status).toBe(401);
    expect((await f.order(id)).status).toBe('awaiting_payment');

    const first = await notify(raw, sign(raw));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ status: 'paid', orderId: id, replayed: false });
    const again = await notify(raw, sign(raw));
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    const o = await f.order(id);
    expect(o.status).toBe('paid');
    expect(o.billings[0]).toMatchObject({ status: 'paid', ntpn: 'ABCDEF0123456789' });
    const audit = ok(await s.as(USERS.admin).get(`audit?orderId=${id}`)).entries;
    expect(audit.filter((e: { command: string }) => e.command === 'payment.confirm_auto')[0]).toMatchObject({
      role: 'sistem',
      step: 9,
    });
  });

  it('payment notification: wrong amount, unknown code, malformed bodies', async () => {
    const id = await f.toAwaitingPayment();
    const billing = (await f.order(id)).billings[0]!;
    const wrong = paidNotice(billing.code, 'ABCDEF0123456780', { amount: 1 });
    expect((await notify(wrong, sign(wrong))).status).toBe(422);
    const unknown = paidNotice('999999999999999', 'ABCDEF0123456780');
    expect((await notify(unknown, sign(unknown))).status).toBe(404);
    for (const raw of [
      '{"billingCode":',
      '[]',
      '{"billingCode":"1","ntpn":"x","paidAt":"y"}',
      JSON.stringify({ billingCode: billing.code, ntpn: 'ABCDEF0123456780', paidAt: 'kemarin' }),
    ]) {
      const r = await notify(raw, sign(raw));
      expect(r.status, raw).toBe(400);
    }
    expect((await f.order(id)).status).toBe('awaiting_payment');
  });

  it('an automatic payment also settles a proof waiting for the Bendahara', async () => {
    const id = await f.toAwaitingPayment();
    await f.uploadProof(id);
    const billing = (await f.order(id)).billings[0]!;
    expect((await f.notifyPayment(billing.code, 'ZZZZ000011112222')).status).toBe(200);
    const o = await f.order(id);
    expect(o.status).toBe('paid');
    expect(o.proofs[0]!.status).toBe('approved');
  });

  it('without a configured secret the endpoint is closed', async () => {
    const closed = await startTestServer(dialect, { paymentNotifySecret: null });
    try {
      const raw = JSON.stringify({
        billingCode: '123456789012345',
        ntpn: 'ABCDEF0123456789',
        paidAt: new Date().toISOString(),
      });
      const r = await closed.request('POST', `${API}/payments/notify`, {
        rawBody: raw,
        headers: { 'content-type': 'application/json', 'x-sippt-signature': sign(raw) },
      });
      expect(r.status).toBe(503);
    } finally {
      await closed.close();
    }
  });

  it('a signed E-LHU must verify: an unsigned PDF or one for another report is refused', async () => {
    const id = await f.toPaid();
    const o = await f.sampleTo(id, 0, 'awaiting_signature');
    const r = f.reportOf(o, 0);
    const url = `orders/${id}/samples/${o.samples[0]!.id}/reports/${r.id}/sign`;
    const unsigned = await s
      .as(USERS.kepala)
      .get(`orders/${id}/samples/${o.samples[0]!.id}/reports/${r.id}/file`);
    const plain = await s.as(USERS.kepala).upload(url, { data: unsigned.raw });
    expect(plain.status).toBe(422);
    expect(plain.body.error.code).toBe('invalid_signature');
    const png = await s.as(USERS.kepala).upload(url, { data: pngBytes() });
    expect(png.status).toBe(415);
    const { pdf } = await f.signedPdf(id, 0);
    const flipped = Buffer.from(pdf);
    const at = flipped.indexOf('LAPORAN') > 0 ? flipped.indexOf('LAPORAN') : 2000;
    flipped[at] = flipped[at]! ^ 0x01;
    expect((await s.as(USERS.kepala).upload(url, { data: flipped })).status).toBe(422);
    expect(f.reportOf(await f.order(id), 0).status).toBe('awaiting_signature');
    const good = await s.as(USERS.kepala).upload(url, { data: Buffer.from(pdf) });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
  });
});
