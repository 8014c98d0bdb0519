/**
 * Domain values with nothing on them yet, for the tests that build one by hand and name only the
 * fields they look at.
 */
import type { Analysis, Requirement, Sample } from '../../shared/domain/entities';
import { UNREGISTERED_SAMPLE, UNSTARTED_ANALYSIS } from '../../shared/domain/handlers/context';

/** A requirement with only the bounds or text a test gives. */
export function requirement(r: Partial<Requirement> = {}): Requirement {
  return { min: null, max: null, text: null, source: null, ...r };
}

/** An analysis of parameter `p-<id>` that nobody has started: no analyst, no result, no tariff. */
export function pendingAnalysis(id: string, over: Partial<Analysis> = {}): Analysis {
  return {
    id,
    version: 0,
    parameterId: `p-${id}`,
    parameterName: `Param ${id}`,
    unit: '%',
    method: 'SNI',
    requirement: null,
    detectionLimit: null,
    tariff: 0,
    ...UNSTARTED_ANALYSIS,
    statusSince: null,
    ...over,
  };
}

/** Sample `id` of a rubber order before CS registers it: no number, lab or staff, no analyses or reports. */
export function blankSample(id: string, over: Partial<Sample> = {}): Sample {
  return {
    id,
    version: 0,
    number: null,
    sampleTypeId: id,
    sampleTypeName: 'Karet remah SIR 20',
    description: 'Karet remah',
    customerLabel: `Bal ${id}`,
    ...UNREGISTERED_SAMPLE,
    analyses: [],
    reports: [],
    statusSince: null,
    ...over,
  };
}
