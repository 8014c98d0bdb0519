/** Test results: entry, verification, validation and retests (steps 14-16). */
import { reject } from '../rejections';
import { activeAnalyses } from '../state';
import type { CommandType } from '../commands';
import type { Analysis, Sample } from '../entities';
import { emit, moveAnalysis, moveSample, UNSTARTED_ANALYSIS, type Ctx, type Handlers } from './context';

/**
 * The Penyelia's or the MT's ruling on a sample's results, on all its active analyses at once: each
 * is signed (or its verification undone), gets a new version and moves on, and then the sample.
 */
function moveTogether(
  ctx: Ctx<CommandType>,
  active: Analysis[],
  sign: Partial<Pick<Analysis, 'verifiedBy' | 'validatedBy'>>,
  to: Analysis['status'],
  sampleTo: Sample['status'],
  reason: string | null = null,
) {
  for (const a of active) {
    Object.assign(a, sign);
    a.version += 1;
    moveAnalysis(ctx, a, to);
  }
  moveSample(ctx, sampleTo, reason);
}

export const RESULTS_HANDLERS = {
  'result.save': (ctx) => {
    const a = ctx.analysis!;
    a.result = ctx.payload.result;
    a.enteredBy = ctx.actor.userId;
    if (a.status !== 'draft') moveAnalysis(ctx, a, 'draft');
    else emit(ctx, 'analysis', a.id, 'draft', 'draft');
  },
  'result.submit': (ctx) => {
    const a = ctx.analysis!;
    if (!a.result)
      return reject('invalid_transition', 'Isi hasil sebelum mengirim.', 'Enter a result before submitting.');
    a.submittedAt = ctx.at;
    moveAnalysis(ctx, a, 'submitted');
  },
  'results.verify': (ctx) => {
    const s = ctx.sample!;
    const active = activeAnalyses(s);
    const waiting = active.filter((a) => a.status !== 'submitted');
    if (waiting.length > 0) {
      return reject(
        'invalid_transition',
        `Masih ada ${waiting.length} parameter yang hasilnya belum dikirim analis.`,
        `${waiting.length} analyses still have no submitted result.`,
      );
    }
    if (active.some((a) => a.enteredBy === ctx.actor.userId || a.analystId === ctx.actor.userId)) {
      return reject(
        'forbidden',
        'Anda tidak boleh memverifikasi hasil yang Anda masukkan sendiri.',
        'You may not verify results you entered yourself.',
      );
    }
    moveTogether(ctx, active, { verifiedBy: ctx.actor.userId }, 'verified', 'results_verified');
  },
  'analysis.request_retest': (ctx) => {
    const s = ctx.sample!;
    const old = ctx.analysis!;
    const p = ctx.payload;
    if (s.analyses.some((a) => a.id === p.newAnalysisId))
      return reject(
        'invalid_payload',
        'Id analisis baru sudah dipakai.',
        'The new analysis id is already used.',
      );
    const analystId = p.analystId ?? old.analystId;
    if (analystId === s.penyeliaId || analystId === s.mtId) {
      return reject(
        'forbidden',
        'Penyelia atau MT sampel tidak boleh menjadi analisnya.',
        "The sample's Penyelia or MT may not be its analyst.",
      );
    }
    old.retestReason = p.reason;
    moveAnalysis(ctx, old, 'retest', p.reason);
    s.analyses.push({
      ...old,
      id: p.newAnalysisId,
      version: 0,
      ...UNSTARTED_ANALYSIS,
      analystId,
      retestOf: old.id,
      retestReason: p.reason,
      statusSince: ctx.at,
    });
    emit(ctx, 'analysis', p.newAnalysisId, null, 'pending');
  },
  'results.validate': (ctx) => {
    const s = ctx.sample!;
    const active = activeAnalyses(s);
    if (
      active.some(
        (a) =>
          a.enteredBy === ctx.actor.userId ||
          a.verifiedBy === ctx.actor.userId ||
          a.analystId === ctx.actor.userId,
      )
    ) {
      return reject(
        'forbidden',
        'Validasi MT harus oleh orang lain dari analis dan Penyelia yang memverifikasi.',
        'MT validation needs a person other than the analyst and the verifying Penyelia.',
      );
    }
    moveTogether(ctx, active, { validatedBy: ctx.actor.userId }, 'validated', 'results_validated');
  },
  'results.return': (ctx) => {
    moveTogether(
      ctx,
      activeAnalyses(ctx.sample!),
      { verifiedBy: null },
      'submitted',
      'in_testing',
      ctx.payload.reason,
    );
  },
} satisfies Partial<Handlers>;
