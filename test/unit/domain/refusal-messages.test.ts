/**
 * What a refused user reads: the message says what the command needs first and where things are
 * now, in Indonesian and English, with the statuses as the screens name them (never internal names).
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/state';
import {
  A,
  CUSTOMER_ID,
  S1,
  S1A1,
  accountAt,
  analysisOf,
  freshId,
  orderAt,
  refuse,
  sampleAt,
  twoSamples,
} from './fixtures';

describe('refused in the wrong state: what is needed, and the status now', () => {
  it('one status needed', () => {
    const r = refuse(orderAt('validated'), A.cs, 'order.validate', { orderNumber: 'ORD/PLG/2026/00009' });
    expect(r.code).toBe('invalid_transition');
    expect(r.message).toEqual({
      id: 'Memvalidasi pesanan hanya dapat dilakukan bila status pesanan "Diajukan"; sekarang "Divalidasi CS".',
      en: 'You can validate the order only once the order status is "Submitted"; it is now "Validated by CS".',
    });
  });

  it('two statuses: "X" atau "Y"', () => {
    const r = refuse(accountAt('active'), A.adminSatker, 'account.activate', { customerId: CUSTOMER_ID });
    expect(r.message).toEqual({
      id: 'Mengaktifkan akun hanya dapat dilakukan bila status akun "Menunggu aktivasi" atau "Nonaktif"; sekarang "Aktif".',
      en: 'You can activate the account only once the account status is "Awaiting activation" or "Deactivated"; it is now "Active".',
    });
  });

  it('many statuses: a list ending with atau / or', () => {
    const r = refuse(orderAt('paid'), A.pelanggan, 'order.cancel', { reason: 'Tidak jadi menguji' });
    expect(r.message.id).toBe(
      'Membatalkan pesanan hanya dapat dilakukan bila status pesanan "Diajukan", "Dikembalikan ke pelanggan", "Divalidasi CS", "Tarif disetujui", "E-billing diminta" atau "Menunggu pembayaran"; sekarang "Lunas".',
    );
    expect(r.message.en).toBe(
      'You can cancel the order only once the order status is "Submitted", "Returned to customer", "Validated by CS", "Tariff approved", "E-billing requested" or "Awaiting payment"; it is now "Paid".',
    );
  });

  it('a sample of an order not yet paid: the order status is what is needed', () => {
    const r = refuse(orderAt('validated'), A.cs, 'sample.register', {
      sampleId: S1,
      sampleNumber: 'SPL/PLG/2026/00001',
      labId: freshId(),
      penyeliaId: A.penyelia.userId,
      mtId: A.mt.userId,
    });
    expect(r.message).toEqual({
      id: 'Meregistrasi sampel hanya dapat dilakukan bila status pesanan "Lunas" atau "Dalam pengujian"; sekarang "Divalidasi CS".',
      en: 'You can register the sample only once the order status is "Paid" or "In the laboratory"; it is now "Validated by CS".',
    });
  });

  it('a result before the MT validated the assignment: the sample status is what is needed', () => {
    const o = sampleAt('assigned');
    const analyst: Actor = { ...A.analis1, userId: analysisOf(o, S1, S1A1).analystId! };
    const r = refuse(o, analyst, 'result.save', {
      sampleId: S1,
      analysisId: S1A1,
      result: { value: '7', numeric: 7, unit: '-' },
    });
    expect(r.message).toEqual({
      id: 'Menyimpan hasil uji hanya dapat dilakukan bila status sampel "Sedang diuji"; sekarang "Analis ditunjuk".',
      en: 'You can save a result only once the sample status is "In testing"; it is now "Analysts assigned".',
    });
  });

  it('a sample in the wrong status is named "sampel" / "sample"', () => {
    const r = refuse(sampleAt('received'), A.penyelia, 'sample.accept', { sampleId: S1, condition: 'Baik' });
    expect(r.message).toEqual({
      id: 'Menerima sampel hanya dapat dilakukan bila status sampel "Teregistrasi"; sekarang "Diterima Penyelia".',
      en: 'You can accept the sample only once the sample status is "Registered"; it is now "Received by Penyelia".',
    });
  });

  it('an analysis in the wrong status is named "parameter uji" / "analysis"', () => {
    const o = sampleAt('results_verified');
    const r = refuse(o, A.analis1, 'result.submit', { sampleId: S1, analysisId: S1A1 });
    expect(r.message.id).toMatch(
      /^Mengirim hasil uji hanya dapat dilakukan bila status parameter uji "Draf"; sekarang "Terverifikasi"\.$/,
    );
    expect(r.message.en).toMatch(/the analysis status is "Draft"; it is now "Verified"\.$/);
  });
});

describe('refused before any state is looked at', () => {
  it('a role that may never do it is told so by its name', () => {
    const r = refuse(orderAt('submitted'), A.analis1, 'order.validate', {
      orderNumber: 'ORD/PLG/2026/00009',
    });
    expect(r).toEqual({
      ok: false,
      code: 'forbidden',
      message: {
        id: 'Peran Analis tidak berwenang memvalidasi pesanan.',
        en: 'The Analis role may not validate the order.',
      },
    });
  });

  it('an unknown role is refused without crashing, and named as sent', () => {
    const actor = {
      userId: freshId(),
      role: 'constructor',
      labId: null,
      customerId: null,
    } as unknown as Actor;
    const r = refuse(orderAt('submitted'), actor, 'order.validate', { orderNumber: 'ORD/PLG/2026/00009' });
    expect(r.code).toBe('forbidden');
    expect(r.message.en).toBe('The constructor role may not validate the order.');
  });

  it('an unknown command is an input error that names it', () => {
    const r = refuse(orderAt('submitted'), A.cs, 'order.explode', {});
    expect(r).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: { id: 'Perintah tidak dikenal: order.explode', en: 'Unknown command: order.explode' },
    });
  });
});

describe('refused for the data sent: where, and what to fix', () => {
  it('a shared schema message is split into its Indonesian and English halves, with the field path', () => {
    const samples = twoSamples().map((s) => ({ ...s, analyses: [] }));
    const r = refuse(orderAt('returned_to_customer'), A.pelanggan, 'order.resubmit', { samples });
    expect(r.code).toBe('invalid_payload');
    expect(r.message).toEqual({
      id: 'Data tidak valid pada "samples.0.analyses": pilih minimal satu parameter',
      en: 'Invalid data at "samples.0.analyses": pick at least one parameter',
    });
  });

  it('a message with no Indonesian half says "nilai tidak valid" in Indonesian and keeps the English', () => {
    const r = refuse(orderAt('submitted'), A.cs, 'order.validate', { orderNumber: '' });
    expect(r.message.id).toBe('Data tidak valid pada "orderNumber": nilai tidak valid');
    // The English is the schema's own message (zod: "Too small: ..."), whole.
    expect(r.message.en).toMatch(/^Invalid data at "orderNumber": Too small/);
    expect(r.message.en).not.toContain(' / ');
  });

  it('a payload that is not an object at all is reported at "payload"', () => {
    const r = refuse(orderAt('submitted'), A.cs, 'order.validate', 'ORD/PLG/2026/00009');
    expect(r.message.id).toMatch(/^Data tidak valid pada "payload": /);
    expect(r.message.en).toMatch(/^Invalid data at "payload": /);
  });

  it('a missing payload is read as an empty one (the fields it lacks are named)', () => {
    const r = refuse(orderAt('submitted'), A.cs, 'order.validate', undefined);
    expect(r.message.en).toMatch(/^Invalid data at "orderNumber": /);
  });
});

describe('refused for the record it names', () => {
  it('an account command on an order, or an order command on an account, does not apply', () => {
    const onOrder = refuse(orderAt('submitted'), A.adminSatker, 'account.activate', {
      customerId: CUSTOMER_ID,
    });
    expect(onOrder).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: {
        id: 'Perintah account.activate tidak berlaku untuk data ini.',
        en: 'Command account.activate does not apply to this record.',
      },
    });
    expect(refuse(accountAt('active'), A.cs, 'order.validate', { orderNumber: 'X/1' }).message.en).toBe(
      'Command order.validate does not apply to this record.',
    );
  });

  it('creating what exists already, or acting on what does not exist', () => {
    const again = refuse(orderAt('submitted'), A.pelanggan, 'order.submit', {
      orderId: freshId(),
      samples: twoSamples(),
    });
    expect(again).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: { id: 'Data ini sudah ada.', en: 'This record already exists.' },
    });
    expect(refuse(null, A.cs, 'order.validate', { orderNumber: 'X/1' })).toEqual({
      ok: false,
      code: 'not_found',
      message: { id: 'Data tidak ditemukan.', en: 'Record not found.' },
    });
  });

  it('a sample or an analysis the order does not hold', () => {
    expect(
      refuse(sampleAt('registered'), A.penyelia, 'sample.accept', { sampleId: freshId(), condition: 'Baik' })
        .message.en,
    ).toBe('Sample not found in this order.');
    expect(
      refuse(sampleAt('in_testing'), A.analis1, 'result.submit', { sampleId: S1, analysisId: freshId() })
        .message.en,
    ).toBe('Analysis not found in this sample.');
  });

  it('a stale copy: both versions are named, and what to do', () => {
    const o = orderAt('submitted');
    const r = refuse(o, A.cs, 'order.validate', { orderNumber: 'X/1' }, { baseVersion: o.version + 3 });
    expect(r.code).toBe('stale_version');
    expect(r.message.id).toBe(
      `Data sudah berubah sejak Anda membukanya (versi ${o.version + 3}, sekarang ${o.version}). Muat ulang lalu coba lagi.`,
    );
    expect(r.message.en).toBe(
      `The record changed since you opened it (version ${o.version + 3}, now ${o.version}). Reload and try again.`,
    );
  });
});
