/** Samples in the lab: registration, receipt and assignment (steps 11-13). */
import { reject } from '../rejections';
import { activeAnalyses } from '../state';
import { moveSample, syncOrderWithSamples, type Handlers } from './context';

export const SAMPLE_HANDLERS = {
  'sample.register': (ctx) => {
    const s = ctx.sample!;
    const p = ctx.payload;
    if (p.penyeliaId === p.mtId) {
      return reject(
        'forbidden',
        'Penyelia dan MT sampel harus orang yang berbeda.',
        "A sample's Penyelia and MT must be different people.",
      );
    }
    s.number = p.sampleNumber;
    s.labId = p.labId;
    s.penyeliaId = p.penyeliaId;
    s.mtId = p.mtId;
    s.receivedAt = ctx.at;
    s.condition = null;
    moveSample(ctx, 'registered');
    syncOrderWithSamples(ctx);
  },
  'sample.accept': (ctx) => {
    ctx.sample!.condition = ctx.payload.condition;
    moveSample(ctx, 'received');
  },
  'sample.reject': (ctx) => moveSample(ctx, 'rejected', ctx.payload.reason),
  'sample.assign_analysts': (ctx) => {
    const s = ctx.sample!;
    const active = activeAnalyses(s);
    const given = new Map(ctx.payload.assignments.map((a) => [a.analysisId, a.analystId]));
    for (const id of given.keys()) {
      if (!active.some((a) => a.id === id))
        return reject(
          'invalid_payload',
          `Parameter ${id} tidak ada pada sampel.`,
          `Analysis ${id} is not in this sample.`,
        );
    }
    for (const [, analystId] of given) {
      if (analystId === s.penyeliaId || analystId === s.mtId) {
        return reject(
          'forbidden',
          'Penyelia atau MT sampel tidak boleh menjadi analisnya (pemisahan tugas).',
          "The sample's Penyelia or MT may not be its analyst (separation of duties).",
        );
      }
    }
    for (const a of active) {
      const analystId = given.get(a.id) ?? a.analystId;
      if (!analystId) {
        return reject(
          'invalid_payload',
          `Parameter "${a.parameterName}" belum diberi analis.`,
          `Analysis "${a.parameterName}" has no analyst yet.`,
        );
      }
      a.analystId = analystId;
    }
    moveSample(ctx, 'assigned');
  },
  'assignment.validate': (ctx) => moveSample(ctx, 'in_testing'),
  'assignment.return': (ctx) => moveSample(ctx, 'received', ctx.payload.reason),
} satisfies Partial<Handlers>;
