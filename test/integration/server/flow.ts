/** Drives orders through the SOP over HTTP: the happy path in small steps, reused by the suites. */
import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { IKM_ELEMENTS, type Order, type Sample } from '../../../shared/domain/entities';
import { readFileSync } from 'node:fs';
import { loadElhuFonts, openSigningSession, signElhu } from '../../../main/services/signing';
import {
  API,
  PAYMENT_SECRET,
  pdfBytes,
  suiteServer,
  type DialectName,
  type Res,
  type TestServer,
} from './harness';

/** The demo keystore of resources/demo-keystore (passphrase public, DEMO ONLY). */
const KEYSTORE = new URL('../../../resources/demo-keystore/', import.meta.url);
const DEMO_P12 = new Uint8Array(readFileSync(new URL('kepala-balai-demo.p12', KEYSTORE)));
const DEMO_FINGERPRINT = readFileSync(new URL('kepala-balai-demo.sha256', KEYSTORE), 'utf8').trim();
const DEMO_PASSPHRASE = 'demo-tte-2025';
const DEMO_NIP = '197503122000031002';
const FONTS = loadElhuFonts();

export const USERS = {
  admin: 'admin',
  cs: 'cs1',
  ketua: 'ketuatim',
  bendahara: 'bendahara',
  kepala: 'kepala',
  customer: 'pelanggan',
  customer2: 'pelanggan2',
  penyeliaKaret: 'penyelia.karet',
  penyeliaKimia: 'penyelia.kimia',
  penyeliaMikro: 'penyelia.mikro',
  mtKaret: 'mt.karet',
  mtKimia: 'mt.kimia',
  analisKaret1: 'analis.karet1',
  analisKaret2: 'analis.karet2',
  analisKimia1: 'analis.kimia1',
  analisKimia2: 'analis.kimia2',
} as const;

export function ok<T>(res: Res<T>, status = 200): T {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The nine IKM elements by name (scores in IKM_ELEMENTS order: the stored form). */
export const SURVEY_SCORES = [4, 4, 3, 4, 4, 3, 4, 4, 3];
export const namedScores = (scores: readonly number[]) =>
  Object.fromEntries(IKM_ELEMENTS.map((e, i) => [e.key, scores[i]]));
export const SURVEY = { scores: namedScores(SURVEY_SCORES), comment: 'Pelayanan cepat dan jelas.' };

/** Result values that meet the demo catalog's requirements. */
const VALUES: Record<string, string> = {
  'Kadar kotoran': '0,08',
  'Kadar abu': '0,45',
  'Kadar zat menguap': '0,52',
  'Kadar air': '4,1',
  Kafein: '1,35',
};

export class Flow {
  constructor(readonly s: TestServer) {}

  get ids() {
    const d = this.s.demo;
    return {
      labKaret: d.labs.KRT!,
      labKimia: d.labs.KIM!,
      sir20: d.sampleTypes.sir20!,
      kopi: d.sampleTypes.kopi!,
    };
  }

  /** One crumb-rubber sample (Karet lab) with three parameters. */
  oneSample() {
    return { samples: [this.twoSamples().samples[0]!] };
  }

  /** Two samples in two labs: crumb rubber (3 parameters, Karet) and coffee (2 parameters, Kimia). */
  twoSamples() {
    const { sir20, kopi } = this.ids;
    return {
      samples: [
        {
          sampleTypeId: sir20.id,
          description: 'Karet remah SIR 20, bandela 35 kg, lot 2025-117',
          customerLabel: 'LOT-117',
          parameterIds: sir20.parameterIds.slice(0, 3),
        },
        {
          sampleTypeId: kopi.id,
          description: 'Kopi bubuk robusta Semende, kemasan 250 g',
          customerLabel: 'KOPI-A',
          parameterIds: [kopi.parameterIds[1]!, kopi.parameterIds[5]!],
        },
      ],
    };
  }

  async order(orderId: string, as: string = USERS.cs): Promise<Order> {
    return ok(await this.s.as(as).get(`orders/${orderId}`)).order;
  }

  async submit(customer: string = USERS.customer, body = this.twoSamples()): Promise<Order> {
    return ok(await this.s.as(customer).post('orders', body), 201).order;
  }
  async validate(orderId: string) {
    return ok(await this.s.as(USERS.cs).post(`orders/${orderId}/validate`)).order as Order;
  }
  async approveTariff(orderId: string) {
    return ok(await this.s.as(USERS.ketua).post(`orders/${orderId}/tariff/approve`, { adjustments: [] }))
      .order as Order;
  }
  async requestBilling(orderId: string, customer: string = USERS.customer) {
    return ok(await this.s.as(customer).post(`orders/${orderId}/billing/request`)).order as Order;
  }
  async issueBilling(orderId: string) {
    return ok(await this.s.as(USERS.bendahara).post(`orders/${orderId}/billing`), 201).order as Order;
  }
  async uploadProof(orderId: string, customer: string = USERS.customer) {
    return ok(
      await this.s
        .as(customer)
        .upload(
          `orders/${orderId}/payment-proofs`,
          { data: pdfBytes('bukti'), filename: 'bukti.pdf', contentType: 'application/pdf' },
          { ntpn: 'A1B2C3D4E5F6G7H8' },
        ),
      201,
    ).order as Order;
  }
  async approveProof(orderId: string, proofId: string) {
    return ok(await this.s.as(USERS.bendahara).post(`orders/${orderId}/payment-proofs/${proofId}/approve`))
      .order as Order;
  }
  async notifyPayment(billingCode: string, ntpn = 'NTPN0000000000AB', extra: Record<string, unknown> = {}) {
    const raw = JSON.stringify({ billingCode, ntpn, paidAt: this.s.clock.now().toISOString(), ...extra });
    const sig = createHmac('sha256', PAYMENT_SECRET).update(raw).digest('hex');
    return this.s.request('POST', `${API}/payments/notify`, {
      rawBody: raw,
      headers: { 'content-type': 'application/json', 'x-sippt-signature': `sha256=${sig}` },
    });
  }

  async toValidated(customer: string = USERS.customer, body = this.twoSamples()) {
    const o = await this.submit(customer, body);
    await this.validate(o.id);
    return o.id;
  }
  async toAwaitingPayment(customer: string = USERS.customer, body = this.twoSamples()) {
    const id = await this.toValidated(customer, body);
    await this.approveTariff(id);
    await this.requestBilling(id, customer);
    return (await this.issueBilling(id)).id;
  }
  /** Paid through the automatic path (payment gateway notification). */
  async toPaid(customer: string = USERS.customer, body = this.twoSamples()) {
    const id = await this.toAwaitingPayment(customer, body);
    const o = await this.order(id);
    expect(
      (
        await this.notifyPayment(
          o.billings[0]!.code,
          `NTPN${id.replace(/-/g, '').slice(0, 12).toUpperCase()}`,
        )
      ).status,
    ).toBe(200);
    return id;
  }

  /** Admin Satker adds `parameter` to the demo's coffee sample type; the parameter as created. */
  async addKopiParameter(parameter: Record<string, unknown>) {
    return ok(
      await this.s
        .as(USERS.admin)
        .post('catalog/parameters', { ...parameter, sampleTypeId: this.ids.kopi.id }),
      201,
    ).parameter;
  }

  labOf(sampleIndex: number) {
    return sampleIndex === 0
      ? {
          labId: this.ids.labKaret,
          penyelia: USERS.penyeliaKaret,
          mt: USERS.mtKaret,
          analysts: [USERS.analisKaret1, USERS.analisKaret2],
        }
      : {
          labId: this.ids.labKimia,
          penyelia: USERS.penyeliaKimia,
          mt: USERS.mtKimia,
          analysts: [USERS.analisKimia1, USERS.analisKimia2],
        };
  }

  /**
   * One step on sample i as `user` takes it: the order read afresh, then a POST to `path` under the
   * sample, with `body` made from the sample; the order as the server answers it.
   */
  private async sampleStep(
    orderId: string,
    i: number,
    user: string,
    path: string | ((o: Order) => string),
    body?: (sample: Sample) => unknown,
    status = 200,
  ): Promise<Order> {
    const o = await this.order(orderId);
    const s = o.samples[i]!;
    const under = typeof path === 'string' ? path : path(o);
    return ok(await this.s.as(user).post(`orders/${orderId}/samples/${s.id}/${under}`, body?.(s)), status)
      .order as Order;
  }

  async register(orderId: string, i: number) {
    const lab = this.labOf(i);
    return this.sampleStep(orderId, i, USERS.cs, 'register', () => ({
      labId: lab.labId,
      penyeliaId: this.s.user(lab.penyelia).id,
      mtId: this.s.user(lab.mt).id,
    }));
  }
  async accept(orderId: string, i: number) {
    return this.sampleStep(orderId, i, this.labOf(i).penyelia, 'accept', () => ({
      condition: 'Baik, tersegel, suhu ruang',
    }));
  }
  async assign(orderId: string, i: number) {
    const lab = this.labOf(i);
    return this.sampleStep(orderId, i, lab.penyelia, 'assign', (s) => ({
      assignments: s.analyses
        .filter((a) => a.status !== 'retest')
        .map((a, j) => ({ analysisId: a.id, analystId: this.s.user(lab.analysts[j % 2]!).id })),
    }));
  }
  async validateAssignment(orderId: string, i: number) {
    return this.sampleStep(orderId, i, this.labOf(i).mt, 'assignment/validate');
  }
  /** Every pending analysis of the sample: result saved and submitted by its analyst. */
  async enterResults(orderId: string, i: number) {
    let o = await this.order(orderId);
    const s = o.samples[i]!;
    for (const a of s.analyses.filter((x) => x.status === 'pending' || x.status === 'draft')) {
      const analyst = this.s.demo.users.find((u) => u.id === a.analystId)!.username;
      const value = VALUES[a.parameterName] ?? '1,0';
      ok(
        await this.s.as(analyst).put(`orders/${orderId}/samples/${s.id}/analyses/${a.id}/result`, {
          result: { value, numeric: Number(value.replace(',', '.')), unit: a.unit, testedOn: '2025-03-10' },
        }),
      );
      o = ok(
        await this.s.as(analyst).post(`orders/${orderId}/samples/${s.id}/analyses/${a.id}/submit`),
      ).order;
    }
    return o;
  }
  async verify(orderId: string, i: number) {
    return this.sampleStep(orderId, i, this.labOf(i).penyelia, 'results/verify');
  }
  async validateResults(orderId: string, i: number) {
    return this.sampleStep(orderId, i, this.labOf(i).mt, 'results/validate');
  }
  async numberReport(orderId: string, i: number) {
    return this.sampleStep(orderId, i, USERS.ketua, 'reports', undefined, 201);
  }
  reportOf(o: Order, i: number) {
    const s = o.samples[i]!;
    return [...s.reports].reverse().find((r) => r.status !== 'superseded')!;
  }
  /** Where sample i's current report lives in the API (its file, preview, signature steps are under it). */
  reportPath(o: Order, i: number) {
    return `orders/${o.id}/samples/${o.samples[i]!.id}/reports/${this.reportOf(o, i).id}`;
  }
  async requestSignature(orderId: string, i: number) {
    return this.sampleStep(
      orderId,
      i,
      USERS.cs,
      (o) => `reports/${this.reportOf(o, i).id}/request-signature`,
      () => ({ kepalaBalaiId: this.s.user(USERS.kepala).id }),
    );
  }
  /** Step 19 as the Kepala Balai's desktop does it: fetch the queued E-LHU, sign it (PAdES, demo keystore), upload. */
  async signedPdf(
    orderId: string,
    i: number,
  ): Promise<{ pdf: Uint8Array; reportId: string; sampleId: string }> {
    const o = await this.order(orderId);
    const r = this.reportOf(o, i);
    const s = o.samples[i]!;
    const unsigned = await this.s
      .as(USERS.kepala)
      .get(`orders/${orderId}/samples/${s.id}/reports/${r.id}/file`);
    expect(unsigned.status).toBe(200);
    const kepala = this.s.user(USERS.kepala);
    const session = openSigningSession({
      p12: DEMO_P12,
      passphrase: DEMO_PASSPHRASE,
      expectedCertificateFingerprint: DEMO_FINGERPRINT,
    });
    try {
      const pdf = await signElhu(new Uint8Array(unsigned.raw), session, {
        name: kepala.name,
        nip: DEMO_NIP,
        signingTime: new Date(),
        expectedDocumentHash: r.documentHash!,
        fonts: FONTS,
        location: 'Palembang',
      });
      return { pdf, reportId: r.id, sampleId: s.id };
    } finally {
      session.close();
    }
  }
  /** Sample i's report signed by the demo Kepala Balai and uploaded as the bare file; the signed report. */
  async uploadSignedPdf(
    orderId: string,
    i: number,
  ): Promise<{ pdf: Uint8Array; reportId: string; sampleId: string }> {
    const signed = await this.signedPdf(orderId, i);
    ok(
      await this.s
        .as(USERS.kepala)
        .upload(`orders/${orderId}/samples/${signed.sampleId}/reports/${signed.reportId}/sign`, {
          data: Buffer.from(signed.pdf),
        }),
    );
    return signed;
  }
  async sign(orderId: string, i: number) {
    const { pdf, reportId, sampleId } = await this.signedPdf(orderId, i);
    return ok(
      await this.s.as(USERS.kepala).upload(`orders/${orderId}/samples/${sampleId}/reports/${reportId}/sign`, {
        data: Buffer.from(pdf),
        filename: 'signed.pdf',
        contentType: 'application/pdf',
      }),
    ).order as Order;
  }
  async release(orderId: string, i: number) {
    return this.sampleStep(orderId, i, USERS.cs, (o) => `reports/${this.reportOf(o, i).id}/release`);
  }

  /** Sample i from paid through the lab to the given stage. */
  async sampleTo(
    orderId: string,
    i: number,
    stage:
      | 'registered'
      | 'received'
      | 'assigned'
      | 'in_testing'
      | 'submitted'
      | 'results_verified'
      | 'results_validated'
      | 'report_numbered'
      | 'awaiting_signature'
      | 'signed'
      | 'released',
  ) {
    const steps: [string, () => Promise<unknown>][] = [
      ['registered', () => this.register(orderId, i)],
      ['received', () => this.accept(orderId, i)],
      ['assigned', () => this.assign(orderId, i)],
      ['in_testing', () => this.validateAssignment(orderId, i)],
      ['submitted', () => this.enterResults(orderId, i)],
      ['results_verified', () => this.verify(orderId, i)],
      ['results_validated', () => this.validateResults(orderId, i)],
      ['report_numbered', () => this.numberReport(orderId, i)],
      ['awaiting_signature', () => this.requestSignature(orderId, i)],
      ['signed', () => this.sign(orderId, i)],
      ['released', () => this.release(orderId, i)],
    ];
    for (const [name, run] of steps) {
      await run();
      if (name === stage) break;
    }
    return this.order(orderId);
  }
}

/**
 * A suite's server (suiteServer: started before its tests, closed after them) and the flow that
 * drives it, for `const { s, f } = suiteFlow(dialect)` in a describe.
 */
export function suiteFlow(dialect: DialectName): { s: TestServer; f: Flow } {
  const s = suiteServer(dialect);
  return { s, f: new Flow(s) };
}
