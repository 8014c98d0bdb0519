/**
 * A PDF given as base64 (a report to sign, a file from the server), opened with pdf.js for the
 * screens that draw it page by page on canvases.
 */
import { useEffect, useState } from 'react';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The loaded pdf.js document, destroyed when the file changes or the screen closes. */
export function usePdf(base64: string | undefined): { doc: PDFDocumentProxy | null; error: unknown } {
  const [state, setState] = useState<{ doc: PDFDocumentProxy | null; error: unknown }>({
    doc: null,
    error: null,
  });
  useEffect(() => {
    if (!base64) return;
    let alive = true;
    // No eval: the Electron window's CSP forbids it.
    const task = getDocument({ data: base64ToBytes(base64), isEvalSupported: false });
    setState({ doc: null, error: null });
    task.promise.then(
      (doc) => alive && setState({ doc, error: null }),
      (error: unknown) => alive && setState({ doc: null, error }),
    );
    return () => {
      alive = false;
      void task.destroy();
    };
  }, [base64]);
  return state;
}
