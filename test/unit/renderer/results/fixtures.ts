import type { Analysis, Order, Sample } from '../../../../shared/domain/entities';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function analysis(over: Partial<Analysis> = {}): Analysis {
  return {
    id: uuid(),
    version: 0,
    parameterId: uuid(),
    parameterName: 'Kadar air',
    unit: '%',
    method: 'SNI 01-2891-1992',
    requirement: { min: null, max: 12, text: null, source: null },
    tariff: 50000,
    status: 'submitted',
    analystId: 'analis-1',
    result: {
      value: '10,5',
      numeric: 10.5,
      unit: '%',
      notes: '',
      belowDetectionLimit: false,
      detectionLimit: null,
      testedOn: null,
    },
    enteredBy: 'analis-1',
    submittedAt: '2026-03-14T03:42:00.000Z',
    verifiedBy: null,
    validatedBy: null,
    retestOf: null,
    retestReason: null,
    statusSince: null,
    detectionLimit: null,
    ...over,
  };
}

export function sample(analyses: Analysis[], over: Partial<Sample> = {}): Sample {
  return {
    id: uuid(),
    version: 1,
    number: 'KRT-0001',
    sampleTypeId: uuid(),
    sampleTypeName: 'Karet',
    description: 'Sarung tangan karet',
    customerLabel: 'PT A',
    status: 'in_testing',
    labId: 'lab-1',
    penyeliaId: 'penyelia-1',
    mtId: 'mt-1',
    receivedAt: null,
    condition: null,
    analyses,
    reports: [],
    statusSince: null,
    ...over,
  };
}

export function returns(list: Partial<Order['returns'][number]>[]): Pick<Order, 'returns'> {
  return {
    returns: list.map((r) => ({
      at: '2026-03-14T03:00:00.000Z',
      by: 'mt-1',
      role: 'mt',
      command: 'assignment.return',
      entity: 'sample',
      entityId: 'x',
      reason: 'Analis belum kompeten untuk metode ini',
      ...r,
    })),
  };
}
