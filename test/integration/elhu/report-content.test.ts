/**
 * What the report says, read back with poppler's pdftotext: every item of ISO/IEC 17025:2017
 * clause 7.8.2.1 (DESIGN.md), page numbering, the end mark, and long tables over several pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../main/services/signing/index';
import { demoElhuData, demoLogoPng } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import { prepareElhuForSigning } from '../../../shared/elhu/stamp';
import type { ElhuData } from '../../../shared/elhu/types';
import { KEPALA_BALAI, requireTools, run, testFonts } from '../../unit/elhu/helpers';
import { signAsKepalaBalai } from '../../unit/elhu/demo-signing';

let dir: string | undefined;

/**
 * Page texts in layout mode; `-nodiag` leaves out the diagonal draft mark, which would interleave
 * with the columns. 'raw' keeps the content-stream order instead (the draft mark then reads whole).
 */
function pdfPages(bytes: Uint8Array, name: string, mode: 'layout' | 'raw' = 'layout'): string[] {
  dir ??= mkdtempSync(join(tmpdir(), 'elhu-text-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const info = run('pdfinfo', [path]).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const out: string[] = [];
  for (let p = 1; p <= pages; p++)
    out.push(
      run('pdftotext', [
        ...(mode === 'raw' ? ['-raw'] : ['-layout', '-nodiag']),
        '-f',
        String(p),
        '-l',
        String(p),
        path,
        '-',
      ]).stdout,
    );
  return out;
}

/** Text with runs of spaces collapsed, so phrases that wrap in columns still match word by word. */
const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe('E-LHU content (pdftotext)', () => {
  let data: ElhuData;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    requireTools('pdftotext', 'pdfinfo');
    dir = mkdtempSync(join(tmpdir(), 'elhu-text-'));
    data = demoElhuData({ logoPng: demoLogoPng() });
    pages = pdfPages(await renderElhu(data, testFonts()), 'report.pdf');
    all = flat(pages.join('\n'));
  });

  it('holds each item of ISO/IEC 17025 7.8.2.1', () => {
    const items: [string, string | RegExp][] = [
      ['a) title', 'LAPORAN HASIL UJI'],
      ['b) laboratory name', 'BALAI STANDARDISASI DAN PELAYANAN JASA INDUSTRI PALEMBANG'],
      ['b) laboratory address', 'Jl. Perindustrian II No. 12, Km 9, Sukarami, Palembang 30152'],
      ['accreditation', 'LP-123-IDN'],
      ['c) where tested', 'Tempat Pengujian : Laboratorium Pengujian Kimia dan Fisika Karet'],
      ['d) report number', `Nomor: ${data.reportNumber}`],
      ['d) end of report', '--- Akhir Laporan ---'],
      ['e) customer name', 'Nama Pelanggan : PT Sumber Karet Musi Jaya'],
      ['e) customer contact', 'Siti Rahmawati · +62 711 5540 123 · qc@sumberkaretmusi.co.id'],
      ['e) customer address', 'Jl. Lingkar Selatan No. 88'],
      ['order number', 'Nomor Order : ORD/PLG/2025/03/0001'],
      [
        'f) method',
        /Kadar kotoran \(b\/b\) % 0,092 maks\. 0,16 SNI 1903:2017 Lampiran A Memenuhi \(ISO 249\)/,
      ],
      ['f) method (other)', 'ISO 289-1:2015'],
      ['g) sample identification', 'SPL/PLG/2025/0001'],
      ['g) sample description', 'Karet remah SIR 20 dalam bentuk bandela 35 kg'],
      ['g) sample type', 'Karet remah (crumb rubber) SIR 20'],
      ['g) customer marking', 'Lot 2025-02-B / Bandela no. 117'],
      ['g) sample condition', 'Kondisi Contoh saat Diterima : Baik, tersegel, berlabel'],
      ['h) date received', 'Tanggal Diterima : 3 Maret 2025'],
      ['i) test dates', 'Tanggal Pengujian : 4 Maret 2025 s.d. 8 Maret 2025'],
      ['j) no date of issue before signing', 'Tanggal Terbit Laporan : (belum diterbitkan)'],
      ['j) no date of issue above the signature', 'Palembang, (belum diterbitkan)'],
      ['l) results relate only to the sample', 'Hasil uji ini hanya berlaku untuk contoh yang diuji'],
      ['not reproduced except in full', 'tidak boleh digandakan, kecuali secara lengkap'],
      ['m) results with units (header)', /Parameter Satuan Hasil Uji Persyaratan Metode Uji Keterangan/],
      ['m) a result with its unit', /Kadar kotoran \(b\/b\) % 0,092 maks\. 0,16/],
      ['m) below detection limit', /Kadar tembaga \(Cu\) mg\/kg < 0,5 maks\. 8/],
      ['requirement source', 'Persyaratan mengacu pada SNI 1903:2017'],
      ['conformity', 'Tidak memenuhi'],
      ['decision rule', 'tanpa memperhitungkan ketidakpastian pengukuran'],
      ['decision rule (named)', 'aturan keputusan penerimaan sederhana sesuai ILAC-G8:09/2019'],
      [
        'sampling by the customer',
        'Pengambilan Contoh : Contoh diambil oleh pelanggan; hasil hanya berlaku untuk contoh sebagaimana diterima',
      ],
      [
        'sampling by the customer (statement)',
        'Contoh diambil oleh pelanggan. Hasil hanya berlaku untuk contoh sebagaimana diterima',
      ],
      ['n) deviations', 'Tidak ada penyimpangan, penambahan atau pengecualian dari metode uji'],
      ['o) authorised by: title', 'Kepala Balai Standardisasi dan Pelayanan Jasa Industri'],
      ['o) authorised by: name', KEPALA_BALAI.name],
      ['o) authorised by: NIP', `NIP. ${KEPALA_BALAI.nip}`],
      ['verification', data.verificationUrl],
    ];
    const missing = items
      .filter(([, want]) => (typeof want === 'string' ? !all.includes(want) : !want.test(all)))
      .map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('puts the report number and "Halaman x dari y" on every page, and the end mark once at the end', () => {
    expect(pages.length).toBe(2);
    pages.forEach((p, i) => {
      const t = flat(p);
      expect(t).toContain(`Laporan Hasil Uji No. ${data.reportNumber}`);
      expect(t).toContain(`Halaman ${i + 1} dari ${pages.length}`);
      expect(t).toContain('BSPJI Palembang'); // footer statement on every page
    });
    expect(all.match(/--- Akhir Laporan ---/g)).toHaveLength(1);
    expect(flat(pages[pages.length - 1]!)).toContain('--- Akhir Laporan ---');
  });

  it('names the replaced report and the reason on an amended report', async () => {
    const amended = demoElhuData({ amended: true });
    const text = flat(pdfPages(await renderElhu(amended, testFonts()), 'amended.pdf').join('\n'));
    expect(text).toContain(`PERUBAHAN ATAS LHU No. ${amended.replaces!.number}`);
    expect(text).toContain(`menggantikan Laporan Hasil Uji No. ${amended.replaces!.number}`);
    expect(text).toContain('Alasan perubahan: Koreksi penulisan alamat pelanggan');
  });

  it('flows 60 parameters onto several pages with the table header repeated and correct page numbers', async () => {
    const big = demoElhuData({ parameters: 60 });
    const p = pdfPages(await renderElhu(big, testFonts()), 'long.pdf');
    expect(p.length).toBeGreaterThanOrEqual(3);
    const n = p.length;
    p.forEach((page, i) => {
      const t = flat(page);
      expect(t).toContain(`Halaman ${i + 1} dari ${n}`);
      expect(t).toContain(`Laporan Hasil Uji No. ${big.reportNumber}`);
      expect(t).not.toMatch(new RegExp(`Halaman \\d+ dari (?!${n}\\b)\\d+`));
    });
    // Every page with result rows starts them under the column header.
    const tablePages = p.filter((page) => /Kadar|Plastisitas|Viskositas|Warna/.test(page));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages)
      expect(flat(page)).toMatch(/Parameter Satuan Hasil Uji Persyaratan Metode Uji Keterangan/);
    expect(flat(p[1]!)).toContain('C. HASIL PENGUJIAN (lanjutan)');
    // All 60 rows, in order, each once.
    const text = flat(p.join('\n'));
    expect(text).toContain('Warna / bau - ulangan 6');
    expect(text).toContain('51 Kadar kotoran (b/b) -');
    const rowNumbers = p.flatMap((page) =>
      [...page.matchAll(/^\s{0,3}(\d{1,2})\s{2,}\S/gm)].map((m) => Number(m[1])),
    );
    expect(rowNumbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(flat(p[n - 1]!)).toContain('--- Akhir Laporan ---');
  });

  it('shows the signature block with the statement on the signed report', async () => {
    const unsigned = await renderElhu(data, testFonts());
    const signed = await signAsKepalaBalai(unsigned);
    const last = flat(pdfPages(signed, 'signed.pdf').at(-1)!);
    expect(last).toContain('Ditandatangani secara elektronik oleh:');
    expect(last).toContain('14 Maret 2025 10:15:42 WIB');
    expect(last).toMatch(/Dokumen ini telah ditandatangani secara elektronik/);
    expect(last.match(/NIP\. 197503122000031002/g)).toHaveLength(2);
  });
});

describe('E-LHU content: date of issue, draft mark and the items of 7.8 (pdftotext)', () => {
  let complete: ElhuData;
  let unsigned: Uint8Array;
  let signed: Uint8Array;
  /** A signing date other than the day the server prepared the report (14 March): the printed date must follow the signature. */
  const signedAt = new Date('2025-03-17T01:30:00Z');

  beforeAll(async () => {
    requireTools('pdftotext', 'pdfinfo', 'pdffonts');
    dir ??= mkdtempSync(join(tmpdir(), 'elhu-text-'));
    complete = demoElhuData({ logoPng: demoLogoPng(), complete: true });
    unsigned = await renderElhu(complete, testFonts());
    signed = await signAsKepalaBalai(unsigned, { signingTime: signedAt });
  });

  it('marks every page of the unsigned report "DRAFT / BELUM DITERBITKAN" and prints no date of issue', () => {
    const pages = pdfPages(unsigned, 'draft.pdf', 'raw');
    const plain = pdfPages(unsigned, 'draft-nodiag.pdf');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p) => expect(p.replace(/\s+/g, '')).toContain('DRAFT/BELUMDITERBITKAN'));
    pages.forEach((p) =>
      expect(flat(p)).toContain(
        'DRAFT: laporan ini belum ditandatangani secara elektronik dan belum diterbitkan',
      ),
    );
    const all = flat(plain.join('\n'));
    expect(all).toContain('Tanggal Terbit Laporan : (belum diterbitkan)');
    expect(all).toContain('Palembang, (belum diterbitkan)');
    expect(all).not.toMatch(/\d{1,2} Maret 2025 \(belum/);
    expect(all).not.toContain('17 Maret 2025');
    expect(all).not.toContain('Dokumen ini telah ditandatangani secara elektronik');
  });

  it('prints the signature date as the date of issue on the signed report, without the draft mark', () => {
    const raw = flat(pdfPages(signed, 'signed-raw.pdf', 'raw').join('\n'));
    expect(raw.replace(/\s+/g, '')).not.toContain('BELUMDITERBITKAN');
    expect(raw).not.toContain('belum diterbitkan');
    expect(raw).not.toContain('DRAFT');
    const all = flat(pdfPages(signed, 'signed-complete.pdf').join('\n'));
    expect(all).toContain('Tanggal Terbit Laporan : 17 Maret 2025');
    expect(all).toContain('Palembang, 17 Maret 2025');
    expect(all).toContain('17 Maret 2025 08:30:00 WIB');
    expect(all).not.toContain('14 Maret 2025');
  });

  it('puts the electronic-signature statement, naming the certificate issuer and UU ITE, in every page footer of the signed report', () => {
    const pages = pdfPages(signed, 'signed-footer.pdf');
    pages.forEach((p) => {
      const t = flat(p);
      expect(t).toContain(
        'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh',
      );
      expect(t).toContain('UU ITE No. 11 Tahun 2008 Pasal 5 ayat 1');
    });
  });

  it("uses the unit's own statement and the issuer of the registered certificate recorded in the issued report", async () => {
    const data = demoElhuData({ complete: true });
    data.unit = {
      ...data.unit,
      signatureStatement:
        'Ditandatangani dengan sertifikat dari {penerbit} (UU ITE No. 11/2008 Pasal 5 ayat 1).',
    };
    data.kepalaBalai = {
      ...data.kepalaBalai,
      certificateIssuer: 'Balai Sertifikasi Elektronik (BSrE), BSSN',
    };
    const u = await renderElhu(data, testFonts());
    const prepared = await prepareElhuForSigning(
      u,
      {
        ...KEPALA_BALAI,
        signingTime: signedAt,
        reason: 'Pengesahan',
        location: 'Palembang',
        certificateIssuer: 'Balai Sertifikasi Elektronik (BSrE), BSSN',
      },
      testFonts(),
      { documentHash: sha256Hex(u), signatureLength: 8192 },
    );
    const pages = pdfPages(prepared, 'unit-statement.pdf');
    pages.forEach((p) =>
      expect(flat(p)).toContain(
        'Ditandatangani dengan sertifikat dari Balai Sertifikasi Elektronik (BSrE), BSSN (UU ITE No. 11/2008 Pasal 5 ayat 1).',
      ),
    );
  });

  it('states the guard-band decision rule, the undecided zone, U with k, sampling by the lab, the accreditation scope and the subcontractor', () => {
    const all = flat(pdfPages(signed, 'signed-items.pdf').join('\n'));
    const items: [string, string | RegExp][] = [
      ['7.8.6 decision rule', 'aturan keputusan pita pengaman (guard band) w = U sesuai ILAC-G8:09/2019'],
      [
        '7.8.6 undecided zone',
        /Kadar nitrogen \(b\/b\) % 0,58 maks\. 0,6 SNI 1903:2017 Lampiran F Tidak dapat ± 0,04 \(ISO 1656\) diputuskan/,
      ],
      [
        '7.8.6 not met beyond U',
        /Kadar zat menguap \(b\/b\) % 0,86 maks\. 0,8 SNI 1903:2017 Lampiran C Tidak memenuhi/,
      ],
      [
        '7.8.3.1 c) U under the result',
        /Kadar kotoran \(b\/b\) % 0,092 maks\. 0,16 SNI 1903:2017 Lampiran A Memenuhi ± 0,008/,
      ],
      ['7.8.3.1 c) coverage factor', 'ketidakpastian pengukuran diperluas (U) dengan faktor cakupan k = 2'],
      ['7.8.2.1 h) sampled by the lab', 'Pengambilan Contoh : Oleh laboratorium (BSPJI Palembang)'],
      ['7.8.2.2 sampling date', 'Tanggal Pengambilan Contoh : 1 Maret 2025'],
      [
        '7.8.2.2 sampling plan',
        'Rencana Pengambilan Contoh : Rencana Pengambilan Contoh No. RPC/PLG/2025/014',
      ],
      ['7.8.2.2 sampling method', 'Metode Pengambilan Contoh : SNI 1903:2017 butir 7'],
      ['accreditation scope mark', /Warna \/ bau \*\)/],
      ['accreditation scope footnote', '*) Parameter di luar ruang lingkup akreditasi KAN No. LP-123-IDN.'],
      [
        '7.8.2.1 p) subcontracted result',
        /Viskositas Mooney ML\(1\+4\) MU 78,5 - ISO 289-1:2015 - 100 °C S1\)/,
      ],
      [
        '7.8.2.1 p) the external laboratory',
        'S1) Pengujian dilakukan oleh laboratorium subkontrak (penyedia eksternal): Laboratorium Pengujian Balai Besar Kimia dan Kemasan, Jakarta.',
      ],
    ];
    const missing = items
      .filter(([, want]) => (typeof want === 'string' ? !all.includes(want) : !want.test(all)))
      .map(([k]) => k);
    expect(missing).toEqual([]);
    expect(all).not.toContain('Contoh diambil oleh pelanggan');
  });

  it("keeps the decision-rule note on the page of the results table's last row", async () => {
    for (const parameters of [10, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 60]) {
      const pages = pdfPages(
        await renderElhu(demoElhuData({ parameters }), testFonts()),
        `keep-${parameters}.pdf`,
      );
      const noteIndex = pages.findIndex((p) => flat(p).includes('Pernyataan kesesuaian'));
      const lastRow = pages.findIndex((p) => new RegExp(`^\\s{0,3}${parameters}\\s{2,}\\S`, 'm').test(p));
      expect([parameters, noteIndex]).toEqual([parameters, lastRow]);
    }
  });
});

describe('E-LHU fonts (pdffonts)', () => {
  it('names every embedded subset with the six-letter tag ISO 32000 asks for, before and after signing', async () => {
    requireTools('pdffonts');
    dir ??= mkdtempSync(join(tmpdir(), 'elhu-text-'));
    const unsigned = await renderElhu(demoElhuData({ complete: true }), testFonts());
    const signed = await signAsKepalaBalai(unsigned);
    for (const [name, bytes] of [
      ['fonts-unsigned.pdf', unsigned],
      ['fonts-signed.pdf', signed],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const rows = run('pdffonts', [path])
        .stdout.split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '');
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        const [font] = row.split(/\s+/);
        expect(font).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold|Italic)$/);
        expect(row).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
      }
    }
  });
});
