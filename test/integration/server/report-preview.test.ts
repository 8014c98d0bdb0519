/**
 * Issue 12: CS (and Ketua Tim PJI) preview the unsigned E-LHU before choosing the Kepala Balai:
 * rendered through the PDF worker pool, every page marked "DRAFT / BELUM DITERBITKAN"; anyone else
 * gets the same 404 as a report that does not exist.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from './harness';
import { suiteFlow, USERS } from './flow';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sippt-preview-'));
  try {
    writeFileSync(join(dir, 'p.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDialect('E-LHU preview before the signature request', (dialect) => {
  const { s, f } = suiteFlow(dialect);
  let url: string;
  let missing: string;
  beforeAll(async () => {
    const id = await f.toPaid();
    const o = await f.sampleTo(id, 0, 'report_numbered');
    const sample = o.samples[0]!;
    url = `${f.reportPath(o, 0)}/preview`;
    missing = `orders/${id}/samples/${sample.id}/reports/00000000-0000-4000-8000-000000000000/preview`;
  }, 180_000);

  it('CS and Ketua Tim get the draft PDF, marked DRAFT / BELUM DITERBITKAN, with the report number', async () => {
    for (const user of [USERS.cs, USERS.ketua]) {
      const r = await s.as(user).get(url);
      expect(r.status, user).toBe(200);
      expect(String(r.headers['content-type'])).toContain('application/pdf');
      expect(String(r.headers['content-disposition'])).toMatch(/^inline; filename="DRAFT_E-LHU_/);
      const text = pdfText(Buffer.from(r.raw));
      expect(text).toContain('DRAFT / BELUM DITERBITKAN');
      const o = await f.order(url.split('/')[1]!);
      expect(text).toContain(f.reportOf(o, 0).number);
    }
  });

  it('the Kepala Balai to be chosen can be named (?kepalaBalaiId=); an unknown one is a 404', async () => {
    const kepala = s.user(USERS.kepala);
    const r = await s.as(USERS.cs).get(`${url}?kepalaBalaiId=${kepala.id}`);
    expect(r.status).toBe(200);
    expect(pdfText(Buffer.from(r.raw)).replace(/\s+/g, ' ')).toContain(kepala.name);
    expect((await s.as(USERS.cs).get(`${url}?kepalaBalaiId=${s.user(USERS.cs).id}`)).status).toBe(404);
  });

  it('others get the same 404 as a report that does not exist', async () => {
    const none = await s.as(USERS.cs).get(missing);
    expect(none.status).toBe(404);
    for (const user of [USERS.customer, USERS.customer2, USERS.kepala, USERS.analisKaret1, USERS.bendahara]) {
      const r = await s.as(user).get(url);
      expect(r.status, user).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
  });
});
