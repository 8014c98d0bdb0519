/**
 * The staff's steps of the SOP through the HTTP API, for the portal's end-to-end tests: the
 * customer acts in the portal, the staff act here (their screens are tested elsewhere). Step 19 is
 * what the Kepala Balai's desktop does: the queued E-LHU signed with the demo keystore, uploaded.
 */
import type { Order } from '../../../shared/domain/entities';
import { Api } from '../support/clients';
import { signWithDemoKeystore } from '../support/demo-keystore';
import { DEMO_PASSWORD } from '../support/stack';

export class Staff {
  readonly api: Api;
  private users: { id: string; username: string; name: string }[] = [];
  constructor(readonly baseUrl: string) {
    this.api = new Api(baseUrl);
  }

  private async userId(username: string): Promise<string> {
    if (this.users.length === 0) this.users = await this.api.users();
    const u = this.users.find((x) => x.username === username);
    if (!u) throw new Error(`no user ${username}`);
    return u.id;
  }

  order = (id: string): Promise<Order> => this.api.order(id);

  /** Step 3: the Admin Satker activates the customer registered under this company name. */
  async activateCustomer(companyName: string): Promise<void> {
    const { customers } = await this.api.get('admin', 'customers?status=pending_activation');
    const c = (customers as { id: string; companyName: string }[]).find((x) => x.companyName === companyName);
    if (!c) throw new Error(`no pending customer ${companyName}`);
    await this.api.post('admin', `customers/${c.id}/activate`, {});
  }

  validate = (id: string) => this.api.post('cs1', `orders/${id}/validate`, {});
  approveTariff = (id: string) =>
    this.api.post('ketuatim', `orders/${id}/tariff/approve`, { adjustments: [] });
  issueBilling = (id: string) => this.api.post('bendahara', `orders/${id}/billing`, {});
  returnToCustomer = (id: string, reason: string) => this.api.post('cs1', `orders/${id}/return`, { reason });

  async approveProof(id: string): Promise<void> {
    const o = await this.order(id);
    const proof = o.proofs.find((p) => p.status === 'submitted')!;
    await this.api.post('bendahara', `orders/${id}/payment-proofs/${proof.id}/approve`, {});
  }

  async rejectProof(id: string, reason: string): Promise<void> {
    const o = await this.order(id);
    const proof = o.proofs.find((p) => p.status === 'submitted')!;
    await this.api.post('bendahara', `orders/${id}/payment-proofs/${proof.id}/reject`, { reason });
  }

  /** Steps 11-20 for every sample of a paid order, in the Karet lab with one analyst. */
  async throughTheLab(orderId: string): Promise<void> {
    const catalog = await this.api.raw(null, 'GET', 'catalog');
    const lab = (catalog.labs as { id: string; code: string }[]).find((l) => l.code === 'KRT')!;
    const [penyeliaId, mtId, analystId, kepalaId] = await Promise.all(
      ['penyelia.karet', 'mt.karet', 'analis.karet1', 'kepala'].map((u) => this.userId(u)),
    );
    const order0 = await this.order(orderId);
    for (const s0 of order0.samples) {
      const path = `orders/${orderId}/samples/${s0.id}`;
      await this.api.post('cs1', `${path}/register`, { labId: lab.id, penyeliaId, mtId });
      await this.api.post('penyelia.karet', `${path}/accept`, { condition: 'Baik, tersegel, suhu ruang' });
      const s1 = (await this.order(orderId)).samples.find((x) => x.id === s0.id)!;
      await this.api.post('penyelia.karet', `${path}/assign`, {
        assignments: s1.analyses.map((a) => ({ analysisId: a.id, analystId })),
      });
      await this.api.post('mt.karet', `${path}/assignment/validate`, {});
      for (const a of s1.analyses) {
        await this.api.raw('analis.karet1', 'PUT', `${path}/analyses/${a.id}/result`, {
          result: { value: '0,10', numeric: 0.1, unit: a.unit, testedOn: '2026-01-05' },
        });
        await this.api.post('analis.karet1', `${path}/analyses/${a.id}/submit`, {});
      }
      await this.api.post('penyelia.karet', `${path}/results/verify`, {});
      await this.api.post('mt.karet', `${path}/results/validate`, {});
      await this.api.post('ketuatim', `${path}/reports`, {});
      const report = (await this.order(orderId)).samples.find((x) => x.id === s0.id)!.reports.at(-1)!;
      await this.api.post('cs1', `${path}/reports/${report.id}/request-signature`, {
        kepalaBalaiId: kepalaId,
      });
      await this.sign(orderId, s0.id);
      await this.api.post('cs1', `${path}/reports/${report.id}/release`, {});
    }
  }

  private async sign(orderId: string, sampleId: string): Promise<void> {
    const o = await this.order(orderId);
    const s = o.samples.find((x) => x.id === sampleId)!;
    const r = s.reports.at(-1)!;
    const unsigned = (await this.api.get(
      'kepala',
      `orders/${orderId}/samples/${sampleId}/reports/${r.id}/file`,
    )) as Buffer;
    const kepalaName = this.users.find((u) => u.username === 'kepala')?.name ?? 'Kepala Balai';
    const pdf = await signWithDemoKeystore(new Uint8Array(unsigned), kepalaName, r.documentHash!);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(pdf)], { type: 'application/pdf' }), 'signed.pdf');
    const res = await fetch(
      `${this.baseUrl}/api/v1/orders/${orderId}/samples/${sampleId}/reports/${r.id}/sign`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await this.api.token('kepala')}` },
        body: form,
      },
    );
    if (!res.ok) throw new Error(`sign: HTTP ${res.status} ${await res.text()}`);
  }

  /** A customer's own access token (for the isolation checks by address). */
  async customerToken(username: string): Promise<string> {
    const res = await this.api.raw(null, 'POST', 'auth/login', { username, password: DEMO_PASSWORD });
    return res.accessToken as string;
  }
}
