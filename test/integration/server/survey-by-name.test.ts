/**
 * Issue 12: the survey (step 21) takes the nine IKM elements by name ({scores: {persyaratan: 4, …}}),
 * not an unlabeled array; a missing or unknown element is refused with a message naming it; the
 * stored form stays the scores in IKM_ELEMENTS order (records and the IKM index read it).
 */
import { beforeAll, expect, it } from 'vitest';
import { IKM_ELEMENTS } from '../../../shared/domain/entities';
import { describeEachDialect } from './harness';
import { namedScores, ok, suiteFlow, USERS } from './flow';

describeEachDialect('survey by element name', (dialect) => {
  const { s, f } = suiteFlow(dialect);
  let orderId: string;
  beforeAll(async () => {
    orderId = await f.toPaid(USERS.customer, f.oneSample());
    await f.sampleTo(orderId, 0, 'released');
  }, 120_000);

  const send = (body: unknown) => s.as(USERS.customer).post(`orders/${orderId}/survey`, body);

  it('the unlabeled array is refused', async () => {
    const r = await send({ scores: [4, 4, 4, 4, 4, 4, 4, 4, 4] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('bad_request');
  });

  it('a missing element is refused with its name', async () => {
    const scores = namedScores([4, 4, 4, 4, 4, 4, 4, 4, 4]) as Record<string, number>;
    delete scores.pengaduan;
    const r = await send({ scores });
    expect(r.status).toBe(400);
    expect(r.body.error.message.id).toContain('pengaduan');
    expect(r.body.error.message.en).toContain('pengaduan');
    expect(r.body.error.issues[0].path).toBe('body.scores.pengaduan');
  });

  it('an unknown element is refused with its name and the nine that exist', async () => {
    const r = await send({ scores: { ...namedScores([4, 4, 4, 4, 4, 4, 4, 4, 4]), keramahan: 4 } });
    expect(r.status).toBe(400);
    expect(r.body.error.message.id).toContain('keramahan');
    expect(r.body.error.message.en).toContain('unknown IKM element "keramahan"');
    expect(r.body.error.message.en).toContain('persyaratan');
  });

  it('a score out of range names its element', async () => {
    const r = await send({ scores: { ...namedScores([4, 4, 4, 4, 4, 4, 4, 4, 4]), waktu: 5 } });
    expect(r.status).toBe(400);
    expect(r.body.error.message.en).toContain('"waktu"');
  });

  it('the named form is accepted and stored in IKM_ELEMENTS order', async () => {
    const byName = {
      persyaratan: 4,
      prosedur: 3,
      waktu: 2,
      biaya: 4,
      produk: 1,
      kompetensi: 4,
      perilaku: 3,
      pengaduan: 2,
      sarana: 4,
    };
    // Sent in another key order: the names decide, not the order.
    const shuffled = Object.fromEntries(Object.entries(byName).reverse());
    const o = ok(await send({ scores: shuffled, comment: 'Baik.' })).order;
    expect(o.survey.scores).toEqual(IKM_ELEMENTS.map((e) => byName[e.key]));
    expect(o.survey.comment).toBe('Baik.');
  });
});
