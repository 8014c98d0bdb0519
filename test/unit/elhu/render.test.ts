import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { demoElhuData, demoLogoPng } from '../../../shared/elhu/demo-data';
import { cachingFontkit, getInfoEntry } from '../../../shared/elhu/pdf-tools';
import { renderElhu } from '../../../shared/elhu/render';
import { parseSignatureBox, prepareElhuForSigning } from '../../../shared/elhu/stamp';
import { ELHU_INFO_KEYS, type ElhuFonts } from '../../../shared/elhu/types';
import { KEPALA_BALAI, SIGNING_TIME, testFonts } from './helpers';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
/** Fresh copies of the font bytes: a cold fontkit cache. */
const coldFonts = (f: ElhuFonts): ElhuFonts => ({
  regular: f.regular.slice(),
  bold: f.bold.slice(),
  italic: f.italic.slice(),
});

describe('renderElhu', () => {
  it('gives the same bytes for the same data (deterministic), whatever was rendered before', async () => {
    const fonts = testFonts();
    const data = demoElhuData({ logoPng: demoLogoPng() });
    const first = await renderElhu(data, coldFonts(fonts));
    await renderElhu(demoElhuData({ parameters: 60, serial: 9 }), fonts);
    const second = await renderElhu(data, fonts);
    const third = await renderElhu(demoElhuData({ logoPng: demoLogoPng() }), fonts);
    expect(sha(second)).toBe(sha(first));
    expect(sha(third)).toBe(sha(first));
    expect(Buffer.from(first).toString('latin1')).not.toMatch(/CreationDate\s*\(D:2026/);
  });

  it('gives the same bytes as plain fontkit (the parse cache, glyph memo and synchronous subset encoding change nothing)', async () => {
    const data = demoElhuData({ parameters: 25, logoPng: demoLogoPng() });
    const ours = await renderElhu(data, testFonts());
    const create = cachingFontkit.create;
    try {
      cachingFontkit.create = (b, name) => fontkit.create(b, name);
      const plain = await renderElhu(data, testFonts());
      expect(sha(plain)).toBe(sha(ours));
    } finally {
      cachingFontkit.create = create;
    }
  });

  it('gives different bytes for different data', async () => {
    const fonts = testFonts();
    const a = await renderElhu(demoElhuData({ serial: 1 }), fonts);
    const b = await renderElhu(demoElhuData({ serial: 2 }), fonts);
    expect(sha(a)).not.toBe(sha(b));
  });

  it('records the report number, verification URL, dates and the signature box in the document', async () => {
    const data = demoElhuData();
    const bytes = await renderElhu(data, testFonts());
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe(`Laporan Hasil Uji ${data.reportNumber}`);
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-13T17:00:00.000Z'); // 14 March 2025 00:00 WIB
    expect(getInfoEntry(doc, ELHU_INFO_KEYS.reportNumber)).toBe(data.reportNumber);
    expect(getInfoEntry(doc, ELHU_INFO_KEYS.verificationUrl)).toBe(data.verificationUrl);
    const box = parseSignatureBox(getInfoEntry(doc, ELHU_INFO_KEYS.signatureBox));
    expect(box).not.toBeNull();
    expect(box!.pageIndex).toBe(doc.getPageCount() - 1);
    const { width, height } = doc.getPage(box!.pageIndex).getSize();
    expect(box!.x).toBeGreaterThan(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    expect(box!.y).toBeGreaterThan(50);
    expect(box!.y + box!.height).toBeLessThan(height);
  });

  it('flows 60 parameters onto further pages', async () => {
    const bytes = await renderElhu(demoElhuData({ parameters: 60 }), testFonts());
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
  });

  it('prepares the same bytes for signing from the same report and stamp', async () => {
    const fonts = testFonts();
    const unsigned = await renderElhu(demoElhuData(), fonts);
    const stamp = { ...KEPALA_BALAI, signingTime: SIGNING_TIME, reason: 'Pengesahan', location: 'Palembang' };
    const opts = { documentHash: sha(unsigned), signatureLength: 8192 };
    const a = await prepareElhuForSigning(unsigned, stamp, coldFonts(fonts), opts);
    const b = await prepareElhuForSigning(unsigned, stamp, fonts, opts);
    expect(sha(a)).toBe(sha(b));
    const later = await prepareElhuForSigning(
      unsigned,
      { ...stamp, signingTime: new Date(SIGNING_TIME.getTime() + 1000) },
      fonts,
      opts,
    );
    expect(sha(later)).not.toBe(sha(a));
  });

  it('refuses to stamp a PDF that is not an E-LHU', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const other = await doc.save();
    await expect(
      prepareElhuForSigning(
        other,
        { ...KEPALA_BALAI, signingTime: SIGNING_TIME, reason: 'x', location: 'y' },
        testFonts(),
        {
          documentHash: sha(other),
          signatureLength: 8192,
        },
      ),
    ).rejects.toMatchObject({ code: 'not_an_elhu' });
  });
});
