/**
 * Fixtures for the desktop-core tests: staff actors of one lab and orders driven through decide()
 * to the point where the offline steps (12-16) begin, exactly as the server would have them.
 */
import { randomUUID } from 'node:crypto';
import type { Command, CommandType, PayloadInput } from '../../../shared/domain/commands';
import { decide } from '../../../shared/domain/decide';
import type { Order, User } from '../../../shared/domain/entities';
import type { Actor } from '../../../shared/domain/state';
import type { Role } from '../../../shared/sop/roles';

export const LAB = '0000a000-0000-4000-8000-000000000001';
export const CUSTOMER = '0000c000-0000-4000-8000-000000000001';

/** A staff account as the fake server keeps it: the product's user, with the password it signs in with. */
export type StaffUser = Pick<User, 'id' | 'username' | 'name' | 'role' | 'labId' | 'active'> & {
  password: string;
};

export function actorOf(u: { id: string; role: Role; labId: string | null }): Actor {
  return { userId: u.id, role: u.role, labId: u.labId, customerId: null };
}

const staff = (n: number, username: string, role: Role, labId: string | null = LAB): StaffUser => ({
  id: `0000b000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  username,
  name: username.replace(/\d+$/, (d) => ` ${d}`).replace(/^./, (c) => c.toUpperCase()),
  role,
  labId,
  password: `rahasia-${username}-123`,
  active: true,
});

export const STAFF = {
  penyelia: staff(1, 'penyelia1', 'penyelia'),
  penyelia2: staff(2, 'penyelia2', 'penyelia'),
  mt: staff(3, 'mt1', 'mt'),
  analis: staff(4, 'analis1', 'analis'),
  analis2: staff(5, 'analis2', 'analis'),
  cs: staff(6, 'cs1', 'cs', null),
  ketuaTim: staff(7, 'ketuatim1', 'ketua_tim_pji', null),
  bendahara: staff(8, 'bendahara1', 'bendahara', null),
  admin: staff(9, 'admin1', 'admin_satker', null),
  kepala: staff(10, 'kepala1', 'kepala_balai', null),
} as const;

const pelanggan: Actor = {
  userId: '0000d000-0000-4000-8000-000000000001',
  role: 'pelanggan',
  labId: null,
  customerId: CUSTOMER,
};
const sistem: Actor = {
  userId: '0000d000-0000-4000-8000-000000000002',
  role: 'sistem',
  labId: null,
  customerId: null,
};

let counter = 0;

/**
 * Copies of an order with fresh ids (order, samples, analyses, numbers): many realistic orders
 * without deciding each one again (benchmarks).
 */
export function cloneWithFreshIds(template: Order, n: number): Order {
  let json = JSON.stringify(template);
  const ids = [template.id, ...template.samples.flatMap((s) => [s.id, ...s.analyses.map((a) => a.id)])];
  for (const id of ids) json = json.split(id).join(randomUUID());
  const o = JSON.parse(json) as Order;
  o.number = `ORD/PLG/2026/B${String(n).padStart(6, '0')}`;
  o.samples.forEach((s, i) => (s.number = `SPL/PLG/2026/B${n}-${i + 1}`));
  return o;
}

export function run<T extends CommandType>(
  state: Order | null,
  type: T,
  payload: PayloadInput<T>,
  actor: Actor,
  now = new Date(),
): Order {
  const d = decide(state, { id: randomUUID(), type, payload } as Command, actor, now);
  if (!d.ok) throw new Error(`${type}: ${d.message.en}`);
  return d.state as Order;
}

export interface OrderSpec {
  samples?: number;
  analyses?: number;
  penyeliaId?: string;
  mtId?: string;
  /** How far to take it: registered (step 11 done), received, assigned, in_testing. */
  stage?: 'registered' | 'received' | 'assigned' | 'in_testing';
  analystIds?: string[];
  now?: Date;
  labId?: string;
  customerId?: string;
}

/** An order paid and with every sample registered to the lab (SOP step 11 done), or further. */
export function orderInLab(spec: OrderSpec = {}): Order {
  const now = spec.now ?? new Date();
  const n = ++counter;
  const samples = Array.from({ length: spec.samples ?? 1 }, (_, i) => ({
    sampleId: randomUUID(),
    sampleTypeId: '0000e000-0000-4000-8000-000000000001',
    sampleTypeName: 'Karet remah SIR 20',
    description: `Bal karet nomor ${i + 1}`,
    customerLabel: `K-${n}-${i + 1}`,
    analyses: Array.from({ length: spec.analyses ?? 2 }, (_, j) => ({
      analysisId: randomUUID(),
      parameterId: `0000f000-0000-4000-8000-${(j + 1).toString(16).padStart(12, '0')}`,
      parameterName: ['Kadar kotoran', 'Kadar abu', 'Kadar zat menguap', 'PRI', 'Po', 'Nitrogen'][j % 6]!,
      unit: '%',
      method: 'SNI 1903:2017',
      requirement: { min: null, max: 0.2, text: null, source: 'SNI 1903:2017' },
      tariff: 75_000,
    })),
  }));
  const customer: Actor = spec.customerId ? { ...pelanggan, customerId: spec.customerId } : pelanggan;
  const lab = spec.labId ?? LAB;
  let o = run(null, 'order.submit', { orderId: randomUUID(), samples }, customer, now);
  o = run(
    o,
    'order.validate',
    { orderNumber: `ORD/PLG/2026/${String(n).padStart(5, '0')}` },
    actorOf(STAFF.cs),
    now,
  );
  o = run(o, 'tariff.approve', { adjustments: [] }, actorOf(STAFF.ketuaTim), now);
  o = run(o, 'billing.request', {}, customer, now);
  const code = `82${String(n).padStart(13, '0')}`;
  o = run(
    o,
    'billing.issue',
    { billingId: randomUUID(), code, expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString() },
    actorOf(STAFF.bendahara),
    now,
  );
  o = run(
    o,
    'payment.confirm_auto',
    { billingCode: code, ntpn: '0A1B2C3D4E5F6G7H', paidAt: now.toISOString() },
    sistem,
    now,
  );
  const penyeliaId = spec.penyeliaId ?? STAFF.penyelia.id;
  const mtId = spec.mtId ?? STAFF.mt.id;
  for (const [i, s] of o.samples.entries()) {
    o = run(
      o,
      'sample.register',
      { sampleId: s.id, sampleNumber: `SPL/PLG/2026/${n}-${i + 1}`, labId: lab, penyeliaId, mtId },
      actorOf(STAFF.cs),
      now,
    );
  }
  const stage = spec.stage ?? 'registered';
  if (stage === 'registered') return o;
  const penyelia: Actor = { userId: penyeliaId, role: 'penyelia', labId: lab, customerId: null };
  const mt: Actor = { userId: mtId, role: 'mt', labId: lab, customerId: null };
  for (const s of o.samples)
    o = run(o, 'sample.accept', { sampleId: s.id, condition: 'Segel utuh' }, penyelia, now);
  if (stage === 'received') return o;
  const analysts = spec.analystIds ?? [STAFF.analis.id];
  for (const s of o.samples) {
    o = run(
      o,
      'sample.assign_analysts',
      {
        sampleId: s.id,
        assignments: s.analyses.map((a, j) => ({
          analysisId: a.id,
          analystId: analysts[j % analysts.length]!,
        })),
      },
      penyelia,
      now,
    );
  }
  if (stage === 'assigned') return o;
  for (const s of o.samples) o = run(o, 'assignment.validate', { sampleId: s.id }, mt, now);
  return o;
}
