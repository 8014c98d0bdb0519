import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import demoCatalog from '../resources/demo-catalog.json' with { type: 'json' };
import {
  RequirementSchema,
  DetectionLimitSchema,
  ExpandedUncertaintySchema,
} from '../shared/domain/entities';
import type { Role } from '../shared/sop/roles';
import { hashPassword } from './auth/passwords';
import { actorOf } from './auth/service';
import { applyCommand, type ApplyRequest, type CommandEnv } from './commands/apply-command';
import { inTransaction } from './db/connect';
import { deterministicUuid } from './ids';

/**
 * Demo data of a BSPJI unit: the catalog of resources/demo-catalog.json, one staff account per
 * role (several analysts in three labs) and two active customers, all with the same known
 * password. Ids derive from the keys, so every demo database has the same ids.
 */
export interface DemoUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  labId: string | null;
  customerId: string | null;
  password: string;
}
export interface DemoData {
  unitCode: string;
  password: string;
  users: DemoUser[];
  labs: Record<string, string>;
  sampleTypes: Record<string, { id: string; labId: string; parameterIds: string[] }>;
}

const id = (key: string) => deterministicUuid(`sippt-demo:${key}`);

/** A file of resources/ (next to the sources, or under the working directory for a bundled server). */
function resource(path: string): string | null {
  for (const base of [
    fileURLToPath(new URL('../resources/', import.meta.url)),
    join(process.cwd(), 'resources'),
  ]) {
    const p = join(base, path);
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  return null;
}

export async function seedDemo(env: CommandEnv): Promise<DemoData> {
  const { handle, config } = env;
  const now = config.now().toISOString();
  const c = demoCatalog;
  const password = c.password;
  const unitCode = config.unitCode;
  const labs: Record<string, string> = Object.fromEntries(c.labs.map((l) => [l.code, id(`lab:${l.code}`)]));
  const sampleTypes: DemoData['sampleTypes'] = {};
  const staff = c.users.map((u) => ({
    id: id(`user:${u.username}`),
    username: u.username,
    name: u.name,
    role: u.role as Role,
    labId: 'lab' in u && u.lab ? labs[u.lab]! : null,
    nip: 'nip' in u && u.nip ? u.nip : null,
    // The demo Kepala Balai's TTE certificate (resources/demo-keystore), as Admin Satker registers it.
    certificate: 'certificate' in u && u.certificate ? resource(u.certificate) : null,
  }));
  const hashes = await Promise.all(
    [...staff, ...c.customers].map(() => hashPassword(password, config.scrypt)),
  );

  const letterhead = {
    short_name: c.unit.shortName,
    parent_lines: JSON.stringify(c.unit.parentLines),
    city: c.unit.city,
    contact_line: c.unit.contactLine,
    time_zone: c.unit.timeZone,
  };
  await inTransaction(handle, async (trx) => {
    await trx
      .insertInto('units')
      .values({
        code: unitCode,
        name: c.unit.name,
        address: c.unit.address,
        accreditation: c.unit.accreditation,
        number_formats: '{}',
        updated_at: now,
        ...letterhead,
      })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          name: c.unit.name,
          address: c.unit.address,
          accreditation: c.unit.accreditation,
          updated_at: now,
          ...letterhead,
        }),
      )
      .execute();
    for (const l of c.labs)
      await trx
        .insertInto('labs')
        .values({ id: labs[l.code]!, code: l.code, name: l.name, active: 1 })
        .execute();
    for (const t of c.sampleTypes) {
      const typeId = id(`sample-type:${t.key}`);
      const labId = labs[t.lab]!;
      await trx
        .insertInto('sample_types')
        .values({ id: typeId, lab_id: labId, name: t.name, description: t.description, active: 1 })
        .execute();
      const parameterIds: string[] = [];
      for (const [i, p] of t.parameters.entries()) {
        const pid = id(`parameter:${t.key}:${i}`);
        parameterIds.push(pid);
        const requirement = p.requirement === null ? null : RequirementSchema.parse(p.requirement);
        await trx
          .insertInto('parameters')
          .values({
            id: pid,
            sample_type_id: typeId,
            name: p.name,
            unit: p.unit,
            method: p.method,
            requirement: requirement && JSON.stringify(requirement),
            detection_limit: DetectionLimitSchema.parse('detectionLimit' in p ? p.detectionLimit : null),
            ...demoReportFields(p),
            tariff: p.tariff,
            active: 1,
            sort: i + 1,
          })
          .execute();
      }
      sampleTypes[t.key] = { id: typeId, labId, parameterIds };
    }
    for (const [i, u] of staff.entries()) {
      await trx
        .insertInto('users')
        .values({
          id: u.id,
          username: u.username,
          name: u.name,
          role: u.role,
          lab_id: u.labId,
          customer_id: null,
          nip: u.nip,
          active: 1,
          password_hash: hashes[i]!,
          certificate_pem: u.certificate,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });

  // Customers register and are activated through the command path, as in SOP steps 2 and 3.
  const admin = staff.find((u) => u.role === 'admin_satker')!;
  const customers: DemoUser[] = [];
  for (const [i, cu] of c.customers.entries()) {
    const customerId = id(`customer:${cu.username}`);
    const userId = id(`user:${cu.username}`);
    await registerDemoCustomer(cu, {
      userId,
      customerId,
      passwordHash: hashes[staff.length + i]!,
      adminId: admin.id,
      at: now,
      registerEnv: env,
      activateEnv: env,
      failure: 'demo customer',
    });
    customers.push({
      id: userId,
      username: cu.username,
      name: cu.contactName,
      role: 'pelanggan',
      labId: null,
      customerId,
      password,
    });
  }

  return {
    unitCode,
    password,
    users: [
      ...staff.map((u) => ({
        id: u.id,
        username: u.username,
        name: u.name,
        role: u.role,
        labId: u.labId,
        customerId: null,
        password,
      })),
      ...customers,
    ],
    labs,
    sampleTypes,
  };
}

/** A demo customer's profile, as they type it when they register. */
export interface DemoCustomerProfile {
  username: string;
  companyName: string;
  contactName: string;
  email: string;
  phone: string;
  address: string;
  npwp: string | null;
}

/**
 * A demo customer registered and then activated by the Admin Satker through the command path, as
 * in SOP steps 2 and 3; each step under its own environment, so a seed can date them in the past.
 */
export async function registerDemoCustomer(
  cu: DemoCustomerProfile,
  o: {
    userId: string;
    customerId: string;
    passwordHash: string;
    adminId: string;
    /** The account's created_at. */
    at: string;
    registerEnv: CommandEnv;
    activateEnv: CommandEnv;
    /** Said before the refusal if a step is not applied. */
    failure: string;
  },
): Promise<void> {
  const { userId, customerId } = o;
  // Each step must be applied: a refused one stops the seed, saying why.
  const apply = async (env: CommandEnv, req: Omit<ApplyRequest, 'clientId'>) => {
    const r = await applyCommand(env, { clientId: 'demo-seed', ...req });
    if (r.outcome.status !== 'applied') throw new Error(`${o.failure}: ${JSON.stringify(r.outcome)}`);
  };
  await apply(o.registerEnv, {
    command: {
      id: id(`cmd:register:${cu.username}`),
      type: 'account.register',
      aggregateId: customerId,
      payload: {
        companyName: cu.companyName,
        contactName: cu.contactName,
        email: cu.email,
        phone: cu.phone,
        address: cu.address,
        npwp: cu.npwp,
      },
    },
    actor: { userId, role: 'pelanggan', labId: null, customerId },
    onAccept: async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id: userId,
          username: cu.username,
          name: cu.contactName,
          role: 'pelanggan',
          lab_id: null,
          customer_id: customerId,
          nip: null,
          active: 1,
          password_hash: o.passwordHash,
          certificate_pem: null,
          created_at: o.at,
          updated_at: o.at,
        })
        .execute();
    },
  });
  await apply(o.activateEnv, {
    command: {
      id: id(`cmd:activate:${cu.username}`),
      type: 'account.activate',
      aggregateId: customerId,
      payload: { customerId },
    },
    actor: actorOf({ id: o.adminId, role: 'admin_satker', labId: null, customerId: null }),
  });
}

/** A demo parameter's default U (k) and accreditation scope, as the parameters table stores them (migration 0010). */
function demoReportFields(p: object): {
  uncertainty_expanded: number | null;
  uncertainty_k: number | null;
  accredited: number;
} {
  const u = 'uncertainty' in p ? ExpandedUncertaintySchema.nullable().parse(p.uncertainty) : null;
  return {
    uncertainty_expanded: u?.expanded ?? null,
    uncertainty_k: u?.coverageFactor ?? null,
    accredited: 'accredited' in p && p.accredited === false ? 0 : 1,
  };
}
