/**
 * The shipped fonts and the font subsets embedded in reports. pdftotext reads text through the
 * ToUnicode maps, so it cannot see a subset whose glyph outlines are garbled: these tests compare
 * every embedded glyph with the same character's glyph in the shipped font.
 */
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFStream, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { demoElhuData, demoLogoPng } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import type { ElhuFonts } from '../../../shared/elhu/types';
import { testFonts } from './helpers';
import { signAsKepalaBalai } from './demo-signing';

type FkFont = ReturnType<typeof fontkit.create>;
interface FkGlyph {
  id: number;
  advanceWidth: number;
  path: { commands: unknown[]; bbox: { minX: number; minY: number; maxX: number; maxY: number } };
}

const open = (bytes: Uint8Array): FkFont => fontkit.create(bytes);
const glyphOf = (font: FkFont, cp: number): FkGlyph => font.glyphForCodePoint(cp) as unknown as FkGlyph;

describe('shipped fonts', () => {
  it('cover Latin, unit and requirement symbols, in all three styles', () => {
    const f = testFonts();
    for (const bytes of [f.regular, f.bold, f.italic]) {
      const font = open(bytes);
      const missing = [...'AZaz09ÀÿĀžƀɏḀỹÑñŁłŠšŽžĐđ≤≥≠≈±×÷°µ³²‰–—·•€™℃ΩαβΔ√∞→←‘’“”…'].filter(
        (c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!),
      );
      expect(missing).toEqual([]);
    }
  });

  it("have glyph data padded to even lengths (fontkit's subsetter writes a short loca from them)", () => {
    const f = testFonts();
    for (const bytes of [f.regular, f.bold, f.italic]) {
      const offsets = (open(bytes) as unknown as { loca: { offsets: number[] } }).loca.offsets;
      expect(offsets.filter((o) => o % 2 !== 0)).toEqual([]);
    }
  });
});

/** The embedded font subsets of a PDF with their ToUnicode maps: subset glyph id -> code point. */
async function embeddedSubsets(
  pdf: Uint8Array,
): Promise<{ name: string; font: FkFont; toUnicode: Map<number, number> }[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const out: { name: string; font: FkFont; toUnicode: Map<number, number> }[] = [];
  const bytesOf = (s: PDFRawStream): Uint8Array => {
    const filter = s.dict.lookup(PDFName.of('Filter'));
    return filter ? new Uint8Array(inflateSync(s.contents)) : s.contents;
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.lookup(PDFName.of('Subtype'))?.toString() !== '/Type0') continue;
    const descendant = obj.lookup(PDFName.of('DescendantFonts'));
    const cid = (descendant as unknown as { lookup(i: number, t: typeof PDFDict): PDFDict }).lookup(
      0,
      PDFDict,
    );
    const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = descriptor.lookup(PDFName.of('FontFile2'), PDFStream) as PDFRawStream;
    const cmap = new TextDecoder('latin1').decode(
      bytesOf(obj.lookup(PDFName.of('ToUnicode'), PDFStream) as PDFRawStream),
    );
    const toUnicode = new Map<number, number>();
    for (const m of cmap.matchAll(/<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4,8})>/g)) {
      const hex = m[2]!;
      // UTF-16BE: one unit, or a surrogate pair.
      const units = hex.match(/.{4}/g)!.map((u) => parseInt(u, 16));
      toUnicode.set(parseInt(m[1]!, 16), String.fromCharCode(...units).codePointAt(0)!);
    }
    out.push({ name: obj.lookup(PDFName.of('BaseFont'))!.toString(), font: open(bytesOf(file)), toUnicode });
  }
  return out;
}

function styleOf(name: string, fonts: ElhuFonts): Uint8Array {
  if (name.includes('Bold')) return fonts.bold;
  if (name.includes('Italic')) return fonts.italic;
  return fonts.regular;
}

async function checkSubsets(pdf: Uint8Array): Promise<{ checked: number; bad: string[] }> {
  const fonts = testFonts();
  let checked = 0;
  const bad: string[] = [];
  for (const { name, font, toUnicode } of await embeddedSubsets(pdf)) {
    const full = open(styleOf(name, fonts));
    for (const [gid, cp] of toUnicode) {
      const sub = font.getGlyph(gid) as unknown as FkGlyph;
      const orig = glyphOf(full, cp);
      checked++;
      const same =
        sub.advanceWidth === orig.advanceWidth &&
        sub.path.commands.length === orig.path.commands.length &&
        JSON.stringify(sub.path.bbox) === JSON.stringify(orig.path.bbox);
      if (!same) bad.push(`${name} ${String.fromCodePoint(cp)} (gid ${gid})`);
    }
  }
  return { checked, bad };
}

describe('embedded font subsets', () => {
  it("draw every character with the shipped font's glyph, in the report and in the signature block", async () => {
    const data = demoElhuData({ logoPng: demoLogoPng() });
    data.customer.name = 'PT Kopi Ñusantara Łódź & Šmíd';
    data.results[1]!.requirement = '≤ 1,0 °C ± 0,1 m³';
    const unsigned = await renderElhu(data, testFonts());
    const a = await checkSubsets(unsigned);
    expect(a.checked).toBeGreaterThan(150);
    expect(a.bad).toEqual([]);

    const signed = await signAsKepalaBalai(unsigned);
    const b = await checkSubsets(signed);
    // Signing draws with the report's own subsets (shared/elhu/reused-fonts.ts): no glyph added.
    expect(b.checked).toBe(a.checked);
    expect(b.bad).toEqual([]);
  });
});
