/**
 * What changed after the signature: a signed E-LHU may only gain long-term validation data after
 * the revision the Kepala Balai signed (a DSS, document timestamps as invisible signature fields).
 * Every object of the signed revision must be unchanged, except the catalog (/DSS, /AcroForm), the
 * form (/Fields grows, /SigFlags) and the pages (/Annots grows); every annotation added must be an
 * invisible signature widget. Anything else (a page's content, an image, the metadata) is a change
 * to the signed report.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';

const str = (o: PDFObject | undefined): string => (o === undefined ? '' : o.toString());

function dictWithout(d: PDFDict, keys: string[]): string {
  const entries = [...d.entries()]
    .filter(([k]) => !keys.includes(k.asString()))
    .map(([k, v]) => `${k.asString()} ${str(v)}`);
  return entries.sort().join('\n');
}

function resolve(doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? doc.context.lookup(o) : o;
}

function grows(before: PDFArray | undefined, after: PDFArray | undefined): PDFObject[] | null {
  const b = before?.asArray() ?? [];
  const a = after?.asArray() ?? [];
  if (a.length < b.length || b.some((x, i) => str(x) !== str(a[i]))) return null;
  return a.slice(b.length);
}

function invisibleSigWidget(doc: PDFDocument, ref: PDFObject): boolean {
  const w = resolve(doc, ref);
  if (!(w instanceof PDFDict)) return false;
  if (w.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString() !== '/Widget') return false;
  if (w.lookupMaybe(PDFName.of('FT'), PDFName)?.asString() !== '/Sig') return false;
  const rect =
    w
      .lookupMaybe(PDFName.of('Rect'), PDFArray)
      ?.asArray()
      .map((n) => Number(n.toString())) ?? [];
  return rect.length === 4 && rect[0] === rect[2] && rect[1] === rect[3] && !w.has(PDFName.of('AP'));
}

/** Null when `after` only adds long-term validation data to `signed`; else what changed. */
export async function changesBeyondLtv(signed: Uint8Array, after: Uint8Array): Promise<string | null> {
  const opts = { updateMetadata: false, parseSpeed: Infinity } as const;
  const [before, now] = await Promise.all([PDFDocument.load(signed, opts), PDFDocument.load(after, opts)]);
  const rootBefore = before.context.trailerInfo.Root;
  const rootNow = now.context.trailerInfo.Root;
  if (str(rootBefore) !== str(rootNow)) return 'the document catalog was replaced';
  if (str(before.context.trailerInfo.Info) !== str(now.context.trailerInfo.Info))
    return 'the document information was replaced';

  const allowed = new Map<string, (b: PDFObject, a: PDFObject) => string | null>();
  const catalogRef = str(rootBefore);
  const acroBefore = before.catalog.get(PDFName.of('AcroForm'));
  const newWidgets: PDFObject[] = [];
  /** An array may only grow: what it gained is kept to check below, anything else is `refused`. */
  const onlyAdded = (b: PDFArray | undefined, a: PDFArray | undefined, refused: string): string | null => {
    const added = grows(b, a);
    if (!added) return refused;
    newWidgets.push(...added);
    return null;
  };
  const checkForm = (b: PDFObject | undefined, a: PDFObject | undefined): string | null => {
    if (!(b instanceof PDFDict) || !(a instanceof PDFDict))
      return b === undefined && a instanceof PDFDict ? null : 'the form was replaced';
    if (dictWithout(b, ['/Fields', '/SigFlags']) !== dictWithout(a, ['/Fields', '/SigFlags']))
      return 'the form was changed';
    return onlyAdded(
      resolve(before, b.get(PDFName.of('Fields'))) as PDFArray | undefined,
      resolve(now, a.get(PDFName.of('Fields'))) as PDFArray | undefined,
      'form fields were removed or replaced',
    );
  };
  allowed.set(catalogRef, (b, a) => {
    if (!(b instanceof PDFDict) || !(a instanceof PDFDict)) return 'the catalog is not a dictionary';
    if (dictWithout(b, ['/DSS', '/AcroForm']) !== dictWithout(a, ['/DSS', '/AcroForm']))
      return 'the document catalog was changed';
    return acroBefore instanceof PDFRef
      ? str(acroBefore) === str(a.get(PDFName.of('AcroForm')))
        ? null
        : 'the form was replaced'
      : checkForm(b.get(PDFName.of('AcroForm')), a.get(PDFName.of('AcroForm')));
  });
  if (acroBefore instanceof PDFRef) allowed.set(str(acroBefore), (b, a) => checkForm(b, a));
  const fieldsRef = (resolve(before, acroBefore) as PDFDict | undefined)?.get(PDFName.of('Fields'));
  if (fieldsRef instanceof PDFRef) {
    allowed.set(str(fieldsRef), (b, a) =>
      onlyAdded(b as PDFArray, a as PDFArray, 'form fields were removed or replaced'),
    );
  }
  for (const page of before.getPages()) {
    const annotsRef = page.node.get(PDFName.of('Annots'));
    allowed.set(str(page.ref), (b, a) => {
      if (!(b instanceof PDFDict) || !(a instanceof PDFDict)) return 'a page was replaced';
      if (dictWithout(b, ['/Annots']) !== dictWithout(a, ['/Annots'])) return 'a page was changed';
      if (annotsRef instanceof PDFRef)
        return str(annotsRef) === str(a.get(PDFName.of('Annots'))) ? null : 'page annotations were replaced';
      return onlyAdded(
        b.lookupMaybe(PDFName.of('Annots'), PDFArray),
        a.lookupMaybe(PDFName.of('Annots'), PDFArray),
        'page annotations were removed or replaced',
      );
    });
    if (annotsRef instanceof PDFRef) {
      allowed.set(str(annotsRef), (b, a) =>
        onlyAdded(b as PDFArray, a as PDFArray, 'page annotations were removed or replaced'),
      );
    }
  }

  for (const [ref, obj] of before.context.enumerateIndirectObjects()) {
    const later = now.context.lookup(ref);
    if (!later) return `object ${ref.toString()} was removed`;
    if (later === obj || str(later) === str(obj)) continue;
    const rule = allowed.get(ref.toString());
    if (!rule) return `object ${ref.toString()} was changed after signing`;
    const why = rule(obj, later);
    if (why) return why;
  }
  if (now.getPageCount() !== before.getPageCount()) return 'pages were added or removed';
  for (const w of newWidgets)
    if (!invisibleSigWidget(now, w)) return 'an annotation other than an invisible signature field was added';
  return null;
}
