import { randomUUID } from 'node:crypto';
import type { PayloadOf, RequestOf } from '../../../shared/domain/commands';
import type { Rejection } from '../../../shared/domain/rejections';
import type { Trx } from '../../db/schema';
import { parameterFacts } from '../../catalog/repo';
import { invalid } from './common';

type Requested = RequestOf<'order.submit'>['samples'];
type Resolved = PayloadOf<'order.submit'>['samples'];

/**
 * An order's samples as the catalog has them: the type's name, and each parameter's name, unit,
 * method, requirement, limits, scope and tariff, whatever the client sent. Active entries only,
 * each parameter of its sample's type.
 */
export async function resolveSamples(trx: Trx, samples: Requested): Promise<Resolved | Rejection> {
  const typeIds = new Set(samples.map((s) => s.sampleTypeId));
  const paramIds = new Set(samples.flatMap((s) => s.analyses.map((a) => a.parameterId)));
  if (paramIds.size > 5000) return invalid('Terlalu banyak parameter.', 'Too many parameters.');
  const types = await trx
    .selectFrom('sample_types')
    .selectAll()
    .where('id', 'in', [...typeIds])
    .execute();
  const params = await trx
    .selectFrom('parameters')
    .selectAll()
    .where('id', 'in', [...paramIds])
    .execute();
  const typeById = new Map(types.map((t) => [t.id, t]));
  const paramById = new Map(params.map((p) => [p.id, p]));
  const resolved: Resolved = [];
  for (const s of samples) {
    const t = typeById.get(s.sampleTypeId);
    if (!t || t.active !== 1)
      return invalid(
        'Jenis sampel tidak ada di katalog atau tidak aktif.',
        'Sample type not in the catalog or inactive.',
      );
    const analyses: Resolved[number]['analyses'] = [];
    for (const a of s.analyses) {
      const p = paramById.get(a.parameterId);
      if (!p || p.active !== 1 || p.sample_type_id !== t.id) {
        return invalid(
          `Parameter tidak tersedia untuk jenis sampel "${t.name}".`,
          `Parameter not available for sample type "${t.name}".`,
        );
      }
      const { name, ...facts } = parameterFacts(p);
      analyses.push({
        analysisId: a.analysisId ?? randomUUID(),
        parameterId: p.id,
        parameterName: name,
        ...facts,
        subcontractor: a.subcontractor,
      });
    }
    resolved.push({
      sampleId: s.sampleId ?? randomUUID(),
      sampleTypeId: t.id,
      sampleTypeName: t.name,
      description: s.description,
      customerLabel: s.customerLabel,
      analyses,
      sampling: s.sampling,
    });
  }
  return resolved;
}
