import { DEFAULT_NUMBER_FORMATS } from '../../shared/numbering';
import { RequirementSchema } from '../../shared/domain/entities';
import type { CatalogResponse } from '../../shared/api/http';
import type { Db, ParameterRow, Trx } from '../db/schema';
import type { ElhuUnit } from '../../shared/elhu/types';

/** The catalog as clients see it: the unit with its number formats, labs, sample types, parameters. */
export async function readCatalog(db: Db, unitCode: string): Promise<CatalogResponse> {
  const [unit, labs, types, params] = await Promise.all([
    db
      .selectFrom('units')
      .select([
        'code',
        'name',
        'address',
        'accreditation',
        'number_formats',
        'short_name',
        'parent_lines',
        'city',
        'contact_line',
        'time_zone',
      ])
      .select((eb) => eb.case().when('logo_png', 'is not', null).then(1).else(null).end().as('logo_png'))
      .where('code', '=', unitCode)
      .executeTakeFirst(),
    db.selectFrom('labs').selectAll().orderBy('code').execute(),
    db.selectFrom('sample_types').selectAll().orderBy('name').execute(),
    db
      .selectFrom('parameters')
      .selectAll()
      .orderBy('sample_type_id')
      .orderBy('sort')
      .orderBy('name')
      .execute(),
  ]);
  return {
    unit: {
      code: unitCode,
      name: unit?.name ?? `Unit ${unitCode}`,
      address: unit?.address ?? '-',
      accreditation: unit?.accreditation ?? null,
      shortName: unit?.short_name ?? '',
      parentLines: unit ? (JSON.parse(unit.parent_lines) as string[]) : [],
      city: unit?.city ?? '',
      contactLine: unit?.contact_line ?? '',
      timeZone: (unit?.time_zone ?? 'WIB') as 'WIB' | 'WITA' | 'WIT',
      hasLogo: unit?.logo_png != null,
      numberFormats: {
        ...DEFAULT_NUMBER_FORMATS,
        ...(unit ? (JSON.parse(unit.number_formats) as object) : {}),
      },
    },
    labs: labs.map((l) => ({ id: l.id, code: l.code, name: l.name, active: l.active === 1 })),
    sampleTypes: types.map((t) => ({
      id: t.id,
      labId: t.lab_id,
      name: t.name,
      description: t.description,
      active: t.active === 1,
    })),
    parameters: params.map((p) => ({
      id: p.id,
      sampleTypeId: p.sample_type_id,
      ...parameterFacts(p),
      active: p.active === 1,
    })),
  };
}

/** The server's unit row exists from the first start (Admin Satker fills in its name and address). */
export async function ensureUnit(db: Db, unitCode: string, now: Date): Promise<void> {
  await db
    .insertInto('units')
    .values({
      code: unitCode,
      name: `Balai Standardisasi dan Pelayanan Jasa Industri (${unitCode})`,
      address: '-',
      accreditation: null,
      number_formats: '{}',
      updated_at: now.toISOString(),
      // The letterhead keeps the database's defaults (migration 0002): empty, WIB, no logo.
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** The unit as the E-LHU letterhead prints it. */
export async function readElhuUnit(db: Db | Trx, unitCode: string): Promise<ElhuUnit> {
  const u = await db.selectFrom('units').selectAll().where('code', '=', unitCode).executeTakeFirst();
  if (!u) throw new Error(`unit ${unitCode} missing`);
  return {
    name: u.name,
    shortName: u.short_name || u.name,
    parentLines: JSON.parse(u.parent_lines) as string[],
    address: u.address,
    contactLine: u.contact_line,
    accreditationNumber: u.accreditation,
    city: u.city || u.name,
    timeZone: (['WIB', 'WITA', 'WIT'].includes(u.time_zone) ? u.time_zone : 'WIB') as ElhuUnit['timeZone'],
    logoPng: u.logo_png ? new Uint8Array(u.logo_png) : null,
    signatureStatement: u.signature_statement,
  };
}

/**
 * What a catalog parameter row says of the test, as the catalog answers it and as an order copies
 * it at submission (server/commands/prepare/catalog.ts): one reading of the row for both.
 */
export function parameterFacts(p: ParameterRow) {
  return {
    name: p.name,
    unit: p.unit,
    method: p.method,
    requirement: p.requirement === null ? null : RequirementSchema.parse(JSON.parse(p.requirement)),
    detectionLimit: p.detection_limit,
    uncertainty:
      p.uncertainty_expanded !== null && p.uncertainty_k !== null
        ? { expanded: p.uncertainty_expanded, coverageFactor: p.uncertainty_k }
        : null,
    accredited: p.accredited !== 0,
    tariff: p.tariff,
  };
}
