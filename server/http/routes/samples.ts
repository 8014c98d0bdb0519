import {
  API_PREFIX,
  AcceptSampleRequestSchema,
  AnalysisParamsSchema,
  AssignAnalystsRequestSchema,
  EmptyBodySchema,
  ReasonBodySchema,
  RegisterSampleRequestSchema,
  RetestRequestSchema,
  SampleParamsSchema,
  SaveResultRequestSchema,
} from '../../../shared/api/http';
import type { AppContext } from '../context';
import { commandsOn } from '../order-command-route';

/** Steps 11-16 of one sample: registration, checks, assignment, results, verification, validation. */
export function sampleRoutes(app: AppContext): void {
  const base = `${API_PREFIX}/orders/:orderId/samples/:sampleId`;

  const onSample = commandsOn(app, {
    url: base,
    tags: ['samples'],
    params: SampleParamsSchema,
    ids: ({ sampleId }) => ({ sampleId }),
  });
  const onAnalysis = commandsOn(app, {
    url: `${base}/analyses/:analysisId`,
    tags: ['results'],
    params: AnalysisParamsSchema,
    ids: ({ sampleId, analysisId }) => ({ sampleId, analysisId }),
  });

  onSample(
    'sample.register',
    'POST',
    'register',
    'Langkah 11: CS meregistrasi sampel (nomor sampel, lab, Penyelia, MT) / step 11: register the sample',
    RegisterSampleRequestSchema,
  );
  onSample(
    'sample.accept',
    'POST',
    'accept',
    'Langkah 12: Penyelia menerima sampel (kondisi) / step 12: accept the sample',
    AcceptSampleRequestSchema,
  );
  onSample(
    'sample.reject',
    'POST',
    'reject',
    'Penyelia menolak sampel (alasan) / reject the sample (with a reason)',
    ReasonBodySchema,
  );
  onSample(
    'sample.assign_analysts',
    'POST',
    'assign',
    'Langkah 12: Penyelia menunjuk analis per parameter / step 12: assign analysts',
    AssignAnalystsRequestSchema,
  );
  onSample(
    'assignment.validate',
    'POST',
    'assignment/validate',
    'Langkah 13: MT memvalidasi penugasan / step 13: validate the assignment',
    EmptyBodySchema,
  );
  onSample(
    'assignment.return',
    'POST',
    'assignment/return',
    'MT mengembalikan penugasan ke Penyelia (alasan) / return the assignment',
    ReasonBodySchema,
  );
  onAnalysis(
    'result.save',
    'PUT',
    'result',
    'Langkah 14: analis menyimpan hasil (draf) / step 14: save a result (draft)',
    SaveResultRequestSchema,
  );
  onAnalysis(
    'result.submit',
    'POST',
    'submit',
    'Langkah 14: analis mengirim hasil / step 14: submit the result',
    EmptyBodySchema,
  );
  onSample(
    'results.verify',
    'POST',
    'results/verify',
    'Langkah 15: Penyelia memverifikasi hasil / step 15: verify the results',
    EmptyBodySchema,
  );
  onAnalysis(
    'analysis.request_retest',
    'POST',
    'retest',
    'Penyelia meminta uji ulang (alasan) / request a retest (with a reason)',
    RetestRequestSchema,
  );
  onSample(
    'results.validate',
    'POST',
    'results/validate',
    'Langkah 16: MT memvalidasi hasil / step 16: validate the results',
    EmptyBodySchema,
  );
  onSample(
    'results.return',
    'POST',
    'results/return',
    'MT mengembalikan hasil ke Penyelia (alasan) / return the results',
    ReasonBodySchema,
  );
}
