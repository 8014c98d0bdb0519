/**
 * What signing adds to the E-LHU, read back with poppler and qpdf: the footer names the issuer of
 * the Kepala Balai's certificate (recorded in the issued report from the registered certificate; a
 * certificate of another issuer is refused); signing draws with the report's own font subsets
 * (pdffonts lists each face once); the visible signature block is the signature widget's
 * appearance stream.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SigningError, signElhu } from '../../../main/services/signing/index';
import { registeredCertificateIssuer } from '../../../server/reports/certificate-issuer';
import { demoElhuData } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import {
  KEPALA_BALAI,
  demoCertPem,
  requireTools,
  run,
  testFonts,
  throwawayKeystore,
} from '../../unit/elhu/helpers';
import { kepalaBalaiSignature, signAsKepalaBalai, openThrowawaySession } from '../../unit/elhu/demo-signing';

const dir = mkdtempSync(join(tmpdir(), 'elhu-appearance-'));
const file = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** The issuer's CN and O as openssl prints them ("issuer=C = ID, O = ..., CN = ..."). */
function opensslIssuer(pem: string): { cn: string; o: string } {
  const line = run('openssl', ['x509', '-noout', '-issuer', '-nameopt', 'sep_multiline,utf8'], {
    input: new TextEncoder().encode(pem),
  }).stdout;
  const attr = (k: string): string => new RegExp(`^\\s*${k}=(.*)$`, 'm').exec(line)?.[1]?.trim() ?? '';
  return { cn: attr('CN'), o: attr('O') };
}

describe('signing the E-LHU: issuer, fonts, signature appearance', () => {
  let unsigned: Uint8Array;
  let signed: Uint8Array;

  beforeAll(async () => {
    requireTools('pdftotext', 'pdffonts', 'qpdf', 'openssl');
    const data = demoElhuData({ complete: true });
    // As the server renders it at step 18: with the issuer of the certificate registered for the Kepala Balai.
    data.kepalaBalai = {
      ...data.kepalaBalai,
      ...KEPALA_BALAI,
      certificateIssuer: registeredCertificateIssuer(demoCertPem()),
    };
    unsigned = await renderElhu(data, testFonts());
    signed = await signAsKepalaBalai(unsigned);
  });

  it("names the issuer of the signer's certificate (CN and O) in every page's footer", () => {
    const { cn, o } = opensslIssuer(demoCertPem());
    expect(cn).not.toBe('');
    expect(o).not.toBe('');
    const pages = run('pdftotext', ['-layout', file('issuer.pdf', signed), '-'])
      .stdout.split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const p of pages) {
      expect(flat(p)).toContain(`diterbitkan oleh ${cn}, ${o}.`);
      expect(flat(p)).not.toContain('Penyelenggara Sertifikasi Elektronik');
    }
  });

  it('refuses to sign with a certificate from another issuer than the registered one, and returns nothing', async () => {
    const other = throwawayKeystore({
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2030-01-01T00:00:00Z'),
    });
    const session = openThrowawaySession(other);
    const attempt = signElhu(unsigned, session, kepalaBalaiSignature(unsigned));
    await expect(attempt).rejects.toBeInstanceOf(SigningError);
    await expect(attempt).rejects.toMatchObject({ code: 'certificate_mismatch' });
    await expect(attempt).rejects.toThrow(/Throwaway Test CA/);
    session.close();
  });

  it('embeds each font once: the signed file has the same three subsets as the issued one (pdffonts)', () => {
    const fonts = (bytes: Uint8Array, name: string): string[] =>
      run('pdffonts', [file(name, bytes)])
        .stdout.split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '')
        .map((l) => l.split(/\s+/)[0]!);
    const before = fonts(unsigned, 'fonts-issued.pdf');
    const after = fonts(signed, 'fonts-signed.pdf');
    expect(before.map((f) => f.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSans-Bold',
      'NotoSans-Italic',
      'NotoSans-Regular',
    ]);
    expect(after.sort()).toEqual(before.sort());
    expect(new Set(after.map((f) => f.replace(/^[A-Z]{6}\+/, ''))).size).toBe(after.length);
  });

  it("draws the signature block as the signature widget's appearance stream, not as page content (qpdf)", () => {
    const path = file('appearance.pdf', signed);
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', path]).stdout) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    const objects = json.qpdf[1];
    const widgets = Object.values(objects)
      .map((o) => o.value)
      .filter((v): v is Record<string, unknown> => !!v && v['/Subtype'] === '/Widget' && v['/FT'] === '/Sig');
    expect(widgets).toHaveLength(1);
    const ap = widgets[0]!['/AP'] as { '/N': string };
    const n = /^(\d+) 0 R$/.exec(ap['/N'])?.[1];
    expect(n).toBeDefined();
    const form = objects[`obj:${n} 0 R`] as { stream?: { dict: Record<string, unknown> } };
    expect(form.stream?.dict['/Subtype']).toBe('/Form');
    expect((form.stream?.dict['/Resources'] as { '/Font'?: Record<string, string> })['/Font']).toBeDefined();
    const stream = run('qpdf', [`--show-object=${n}`, '--filtered-stream-data', path]).stdout;
    expect(stream).toMatch(/ re f\b|\bre\nf\b|\bf\n/); // the box and the QR code's modules
    expect((stream.match(/Tj/g) ?? []).length).toBeGreaterThanOrEqual(5); // heading, name, NIP, time, statement
    // Text extraction shows the appearance; the page's own content streams do not carry the block.
    const text = flat(run('pdftotext', ['-layout', path, '-']).stdout);
    expect(text).toContain('Ditandatangani secara elektronik oleh:');
    expect(text).toContain(`NIP. ${KEPALA_BALAI.nip}`);
    const page = objects[(widgets[0]!['/P'] as string).replace(/^/, 'obj:')]?.value as {
      '/Contents': string | string[];
    };
    const contents = [page['/Contents']].flat();
    expect(contents.length).toBeGreaterThan(0);
    for (const ref of contents) {
      const body = run('qpdf', [`--show-object=${ref.split(' ')[0]}`, '--filtered-stream-data', path]).stdout;
      expect(body, `page content stream ${ref}`).not.toContain(stream.trim());
    }
  });
});
