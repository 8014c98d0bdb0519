/**
 * What the report says, read back with poppler's pdftotext: every item of ISO/IEC 17025:2017
 * clause 7.8.2.1 (DESIGN.md), page numbering, the end mark, and long tables over several pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSigningSession, sha256Hex, signElhu } from '../../../main/services/signing/index';
import { demoElhuData, demoLogoPng } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import type { ElhuData } from '../../../shared/elhu/types';
import { DEMO_PASSPHRASE, KEPALA_BALAI, SIGNING_TIME, demoFingerprint, demoP12, requireTools, run, testFonts } from '../../unit/elhu/helpers';

let dir: string;

function pdfPages(bytes: Uint8Array, name: string): string[] {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const info = run('pdfinfo', [path]).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const out: string[] = [];
  for (let p = 1; p <= pages; p++) out.push(run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), path, '-']).stdout);
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
      ['f) method', /Kadar kotoran \(b\/b\) % 0,092 maks\. 0,16 SNI 1903:2017 Lampiran A Memenuhi \(ISO 249\)/],
      ['f) method (other)', 'ISO 289-1:2015'],
      ['g) sample identification', 'SPL/PLG/2025/0001'],
      ['g) sample description', 'Karet remah SIR 20 dalam bentuk bandela 35 kg'],
      ['g) sample type', 'Karet remah (crumb rubber) SIR 20'],
      ['g) customer marking', 'Lot 2025-02-B / Bandela no. 117'],
      ['g) sample condition', 'Kondisi Contoh saat Diterima : Baik, tersegel, berlabel'],
      ['h) date received', 'Tanggal Diterima : 3 Maret 2025'],
      ['i) test dates', 'Tanggal Pengujian : 4 Maret 2025 s.d. 8 Maret 2025'],
      ['j) date of issue', 'Tanggal Terbit Laporan : 14 Maret 2025'],
      ['j) date of issue above the signature', 'Palembang, 14 Maret 2025'],
      ['l) results relate only to the sample', 'Hasil uji ini hanya berlaku untuk contoh yang diuji'],
      ['not reproduced except in full', 'tidak boleh digandakan, kecuali secara lengkap'],
      ['m) results with units (header)', /Parameter Satuan Hasil Uji Persyaratan Metode Uji Keterangan/],
      ['m) a result with its unit', /Kadar kotoran \(b\/b\) % 0,092 maks\. 0,16/],
      ['m) below detection limit', /Kadar tembaga \(Cu\) mg\/kg < 0,5 maks\. 8/],
      ['requirement source', 'Persyaratan mengacu pada SNI 1903:2017'],
      ['conformity', 'Tidak memenuhi'],
      ['decision rule', 'tanpa memperhitungkan ketidakpastian pengukuran'],
      ['n) deviations', 'Tidak ada penyimpangan, penambahan atau pengecualian dari metode uji'],
      ['o) authorised by: title', 'Kepala Balai Standardisasi dan Pelayanan Jasa Industri'],
      ['o) authorised by: name', KEPALA_BALAI.name],
      ['o) authorised by: NIP', `NIP. ${KEPALA_BALAI.nip}`],
      ['verification', data.verificationUrl],
    ];
    const missing = items.filter(([, want]) => (typeof want === 'string' ? !all.includes(want) : !want.test(all))).map(([k]) => k);
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
    for (const page of tablePages) expect(flat(page)).toMatch(/Parameter Satuan Hasil Uji Persyaratan Metode Uji Keterangan/);
    expect(flat(p[1]!)).toContain('C. HASIL PENGUJIAN (lanjutan)');
    // All 60 rows, in order, each once.
    const text = flat(p.join('\n'));
    expect(text).toContain('Warna / bau - ulangan 6');
    expect(text).toContain('51 Kadar kotoran (b/b) - ulangan');
    const rowNumbers = p.flatMap((page) => [...page.matchAll(/^\s{0,3}(\d{1,2})\s{2,}\S/gm)].map((m) => Number(m[1])));
    expect(rowNumbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(flat(p[n - 1]!)).toContain('--- Akhir Laporan ---');
  });

  it('shows the signature block with the statement on the signed report', async () => {
    const unsigned = await renderElhu(data, testFonts());
    const session = openSigningSession({ p12: demoP12(), passphrase: DEMO_PASSPHRASE, expectedCertificateFingerprint: demoFingerprint() });
    const signed = await signElhu(unsigned, session, { ...KEPALA_BALAI, signingTime: SIGNING_TIME, expectedDocumentHash: sha256Hex(unsigned), fonts: testFonts(), location: 'Palembang' });
    session.close();
    const last = flat(pdfPages(signed, 'signed.pdf').at(-1)!);
    expect(last).toContain('Ditandatangani secara elektronik oleh:');
    expect(last).toContain('14 Maret 2025 10:15:42 WIB');
    expect(last).toMatch(/Dokumen ini telah ditandatangani secara elektronik/);
    expect(last.match(/NIP\. 197503122000031002/g)).toHaveLength(2);
  });
});
