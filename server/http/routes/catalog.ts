import { randomUUID } from 'node:crypto';
import type { ZodType, output } from 'zod';
import {
  API_PREFIX,
  CatalogResponseSchema,
  CreateLabRequestSchema,
  CreateParameterRequestSchema,
  CreateSampleTypeRequestSchema,
  IdParamsSchema,
  LabResponseSchema,
  ParameterResponseSchema,
  SampleTypeResponseSchema,
  UpdateLabRequestSchema,
  UpdateParameterRequestSchema,
  UpdateSampleTypeRequestSchema,
  UpdateUnitRequestSchema,
  UnitSettingsSchema,
} from '../../../shared/api/http';
import { reject, type Rejection } from '../../../shared/domain/rejections';
import { validateFormat } from '../../../shared/numbering';
import { readCatalog } from '../../catalog/repo';
import type { Trx } from '../../db/schema';
import { adminOperation, commandIdOf, type AppContext } from '../context';
import { fail } from '../errors';
import { readUpload } from './payments';

const PNG_ONLY = new Set(['image/png']);

const invalid = (id: string, en: string) => reject('invalid_payload', id, en);

export function catalogRoutes(app: AppContext): void {
  const { router, env } = app;
  const db = env.handle.db;
  const unitCode = env.config.unitCode;

  const find = async (kind: 'labs' | 'sample_types' | 'parameters', id: string) => {
    const catalog = await readCatalog(db, unitCode);
    const list =
      kind === 'labs' ? catalog.labs : kind === 'sample_types' ? catalog.sampleTypes : catalog.parameters;
    const item = list.find((x) => x.id === id);
    if (!item) throw fail.notFound('Data katalog tidak ditemukan.', 'Catalog entry not found.');
    return item;
  };

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/catalog`,
    summary:
      'Katalog: unit, laboratorium, jenis sampel, parameter dengan metode, syarat dan tarif / the catalog',
    tags: ['catalog', 'sync'],
    access: 'public',
    response: CatalogResponseSchema,
    handler: async () => readCatalog(db, unitCode),
  });

  router.add({
    method: 'PATCH',
    url: `${API_PREFIX}/catalog/unit`,
    summary: 'Ubah data unit dan format nomor / change the unit and its number formats',
    tags: ['catalog'],
    access: { permission: 'catalog.manage' },
    body: UpdateUnitRequestSchema,
    response: UnitSettingsSchema,
    handler: async ({ req, body, auth }) => {
      await adminOperation(app, auth, {
        commandId: commandIdOf(req),
        type: 'catalog.unit.update',
        entity: 'unit',
        entityId: unitCode,
        run: async (trx, at) => {
          for (const [kind, f] of Object.entries(body.numberFormats ?? {})) {
            const err = f ? validateFormat(f) : null;
            if (err)
              return invalid(
                `Format nomor ${kind} tidak valid: ${err}`,
                `Invalid ${kind} number format: ${err}`,
              );
          }
          const before = await trx
            .selectFrom('units')
            .selectAll()
            .where('code', '=', unitCode)
            .executeTakeFirstOrThrow();
          const formats = { ...(JSON.parse(before.number_formats) as object), ...(body.numberFormats ?? {}) };
          const after = {
            name: body.name ?? before.name,
            address: body.address ?? before.address,
            accreditation: body.accreditation !== undefined ? body.accreditation : before.accreditation,
            short_name: body.shortName ?? before.short_name,
            parent_lines: body.parentLines ? JSON.stringify(body.parentLines) : before.parent_lines,
            city: body.city ?? before.city,
            contact_line: body.contactLine ?? before.contact_line,
            time_zone: body.timeZone ?? before.time_zone,
            number_formats: JSON.stringify(formats),
            updated_at: at,
          };
          await trx.updateTable('units').set(after).where('code', '=', unitCode).execute();
          const { logo_png: _logo, ...beforeNoLogo } = before;
          return { before: beforeNoLogo, after: { ...beforeNoLogo, ...after } };
        },
      });
      return (await readCatalog(db, unitCode)).unit;
    },
  });

  router.add({
    method: 'PUT',
    url: `${API_PREFIX}/catalog/unit/logo`,
    summary: 'Logo unit untuk kop E-LHU (PNG, maks. 1 MB) / the unit logo for the report letterhead',
    tags: ['catalog'],
    access: { permission: 'catalog.manage' },
    multipart: { fields: { file: 'PNG, maks. 1 MB' } },
    response: UnitSettingsSchema,
    handler: async ({ req, auth }) => {
      const upload = await readUpload(req, 1024 * 1024, PNG_ONLY);
      await adminOperation(app, auth, {
        commandId: commandIdOf(req),
        type: 'catalog.unit.logo',
        entity: 'unit',
        entityId: unitCode,
        run: async (trx, at) => {
          await trx
            .updateTable('units')
            .set({ logo_png: upload.data, updated_at: at })
            .where('code', '=', unitCode)
            .execute();
          return { before: null, after: { logoSha256: upload.sha256, size: upload.data.length } };
        },
      });
      return (await readCatalog(db, unitCode)).unit;
    },
  });

  /**
   * A catalog entry kind: added (POST, 201) and changed or deactivated (PATCH) as audited
   * administrative operations, answered with the entry as the catalog now reads it.
   */
  function catalogEntries<C extends ZodType, U extends ZodType>(kind: CatalogKind<C, U>): void {
    const { entity } = kind;
    router.add({
      method: 'POST',
      url: `${API_PREFIX}/catalog/${kind.path}`,
      summary: kind.create.summary,
      tags: ['catalog'],
      access: { permission: 'catalog.manage' },
      body: kind.create.body,
      response: kind.response,
      status: 201,
      handler: async ({ req, body, auth }) => {
        const commandId = commandIdOf(req);
        const id = req.headers['idempotency-key'] ? commandId : randomUUID();
        await adminOperation(app, auth, {
          commandId,
          type: `catalog.${entity}.create`,
          entity,
          entityId: id,
          run: (trx) => kind.create.run(trx, body, id),
        });
        return { [kind.key]: await find(kind.table, id) };
      },
    });
    router.add({
      method: 'PATCH',
      url: `${API_PREFIX}/catalog/${kind.path}/:id`,
      summary: kind.update.summary,
      tags: ['catalog'],
      access: { permission: 'catalog.manage' },
      params: IdParamsSchema,
      body: kind.update.body,
      response: kind.response,
      handler: async ({ req, params, body, auth }) => {
        await adminOperation(app, auth, {
          commandId: commandIdOf(req),
          type: `catalog.${entity}.update`,
          entity,
          entityId: params.id,
          run: async (trx) =>
            (await kind.update.run(trx, body, params.id)) ??
            reject('not_found', 'Data katalog tidak ditemukan.', 'Catalog entry not found.'),
        });
        return { [kind.key]: await find(kind.table, params.id) };
      },
    });
  }

  catalogEntries({
    entity: 'lab',
    table: 'labs',
    path: 'labs',
    key: 'lab',
    response: LabResponseSchema,
    create: {
      summary: 'Tambah laboratorium / add a laboratory',
      body: CreateLabRequestSchema,
      run: async (trx, body, id) => {
        const taken = await trx
          .selectFrom('labs')
          .select('id')
          .where('code', '=', body.code)
          .executeTakeFirst();
        if (taken) return invalid('Kode laboratorium sudah dipakai.', 'Laboratory code already used.');
        const row = { id, code: body.code, name: body.name, active: 1 };
        await trx.insertInto('labs').values(row).execute();
        return { before: null, after: row };
      },
    },
    update: {
      summary: 'Ubah atau nonaktifkan laboratorium / change or deactivate a laboratory',
      body: UpdateLabRequestSchema,
      run: async (trx, body, id) => {
        const before = await trx.selectFrom('labs').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) return null;
        const after = {
          ...before,
          name: body.name ?? before.name,
          active: body.active === undefined ? before.active : body.active ? 1 : 0,
        };
        await trx
          .updateTable('labs')
          .set({ name: after.name, active: after.active })
          .where('id', '=', id)
          .execute();
        return { before, after };
      },
    },
  });

  catalogEntries({
    entity: 'sample_type',
    table: 'sample_types',
    path: 'sample-types',
    key: 'sampleType',
    response: SampleTypeResponseSchema,
    create: {
      summary: 'Tambah jenis sampel / add a sample type',
      body: CreateSampleTypeRequestSchema,
      run: async (trx, body, id) => {
        const lab = await trx.selectFrom('labs').select('id').where('id', '=', body.labId).executeTakeFirst();
        if (!lab) return invalid('Laboratorium tidak ditemukan.', 'Laboratory not found.');
        const row = { id, lab_id: body.labId, name: body.name, description: body.description, active: 1 };
        await trx.insertInto('sample_types').values(row).execute();
        return { before: null, after: row };
      },
    },
    update: {
      summary: 'Ubah atau nonaktifkan jenis sampel / change or deactivate a sample type',
      body: UpdateSampleTypeRequestSchema,
      run: async (trx, body, id) => {
        const before = await trx
          .selectFrom('sample_types')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!before) return null;
        const after = {
          ...before,
          name: body.name ?? before.name,
          description: body.description ?? before.description,
          active: body.active === undefined ? before.active : body.active ? 1 : 0,
        };
        await trx
          .updateTable('sample_types')
          .set({ name: after.name, description: after.description, active: after.active })
          .where('id', '=', id)
          .execute();
        return { before, after };
      },
    },
  });

  catalogEntries({
    entity: 'parameter',
    table: 'parameters',
    path: 'parameters',
    key: 'parameter',
    response: ParameterResponseSchema,
    create: {
      summary:
        'Tambah parameter uji (satuan, metode, syarat, U bawaan dengan k, ruang lingkup akreditasi, tarif PNBP) / add a test parameter (with default U and k, accreditation scope)',
      body: CreateParameterRequestSchema,
      run: async (trx, body, id) => {
        const st = await trx
          .selectFrom('sample_types')
          .select('id')
          .where('id', '=', body.sampleTypeId)
          .executeTakeFirst();
        if (!st) return invalid('Jenis sampel tidak ditemukan.', 'Sample type not found.');
        const count = await trx
          .selectFrom('parameters')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('sample_type_id', '=', body.sampleTypeId)
          .executeTakeFirstOrThrow();
        const row = {
          id,
          sample_type_id: body.sampleTypeId,
          name: body.name,
          unit: body.unit,
          method: body.method,
          requirement: body.requirement === null ? null : JSON.stringify(body.requirement),
          detection_limit: body.detectionLimit,
          uncertainty_expanded: body.uncertainty?.expanded ?? null,
          uncertainty_k: body.uncertainty?.coverageFactor ?? null,
          accredited: body.accredited ? 1 : 0,
          tariff: body.tariff,
          active: 1,
          sort: Number(count.n) + 1,
        };
        await trx.insertInto('parameters').values(row).execute();
        return { before: null, after: row };
      },
    },
    update: {
      summary:
        'Ubah parameter (tarif, metode, syarat, U bawaan dengan k, ruang lingkup akreditasi) atau nonaktifkan / change or deactivate a parameter',
      body: UpdateParameterRequestSchema,
      run: async (trx, body, id) => {
        const before = await trx.selectFrom('parameters').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) return null;
        const after = {
          ...before,
          name: body.name ?? before.name,
          unit: body.unit ?? before.unit,
          method: body.method ?? before.method,
          requirement:
            body.requirement === undefined
              ? before.requirement
              : body.requirement === null
                ? null
                : JSON.stringify(body.requirement),
          detection_limit: body.detectionLimit === undefined ? before.detection_limit : body.detectionLimit,
          uncertainty_expanded:
            body.uncertainty === undefined
              ? before.uncertainty_expanded
              : (body.uncertainty?.expanded ?? null),
          uncertainty_k:
            body.uncertainty === undefined
              ? before.uncertainty_k
              : (body.uncertainty?.coverageFactor ?? null),
          accredited: body.accredited === undefined ? before.accredited : body.accredited ? 1 : 0,
          tariff: body.tariff ?? before.tariff,
          active: body.active === undefined ? before.active : body.active ? 1 : 0,
        };
        const { id: _id, ...set } = after;
        await trx.updateTable('parameters').set(set).where('id', '=', id).execute();
        return { before, after };
      },
    },
  });
}

type Change = { before: unknown; after: unknown };

/** One kind of catalog entry: where it lives, how it is added and how it is changed. */
interface CatalogKind<C extends ZodType, U extends ZodType> {
  /** The audit entity (and the operation types `catalog.<entity>.create` / `.update`). */
  entity: 'lab' | 'sample_type' | 'parameter';
  table: 'labs' | 'sample_types' | 'parameters';
  path: string;
  /** The answer's field holding the entry. */
  key: string;
  response: ZodType;
  create: {
    summary: string;
    body: C;
    run: (trx: Trx, body: output<C>, id: string) => Promise<Change | Rejection>;
  };
  /** `null`: no such entry. */
  update: {
    summary: string;
    body: U;
    run: (trx: Trx, body: output<U>, id: string) => Promise<Change | null>;
  };
}
