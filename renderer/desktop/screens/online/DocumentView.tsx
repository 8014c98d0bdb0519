/**
 * A file fetched from the server (online.report.file, online.proof.file) shown in the panel: a PDF
 * drawn with pdf.js page by page at the panel's width, an image as it is. Loading shows a
 * skeleton; a failure says why, with a retry.
 */
import { useEffect, useRef } from 'react';
import { Box, Image, Skeleton, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { ErrorState } from '../../../components/ErrorState';
import { usePdf } from '../../../components/use-pdf';

export interface FileData {
  base64: string;
  mime: string;
}

export function DocumentView({
  file,
  error,
  loading,
  onRetry,
  label,
}: {
  file: FileData | undefined;
  error: unknown;
  loading: boolean;
  onRetry: () => void;
  label: string;
}) {
  if (loading) return <Skeleton h={360} radius="sm" aria-label={label} />;
  if (error || !file) return <ErrorState error={error} onRetry={onRetry} />;
  if (file.mime.startsWith('image/'))
    return (
      <Image
        src={`data:${file.mime};base64,${file.base64}`}
        alt={label}
        radius="sm"
        fit="contain"
        mah={520}
      />
    );
  return <PdfPages base64={file.base64} label={label} />;
}

function PdfPages({ base64, label }: { base64: string; label: string }) {
  const { t } = useTranslation('online');
  const { doc, error: failure } = usePdf(base64);
  const { ref, width } = useElementSize();
  if (failure) return <ErrorState error={t('file.unreadable')} />;
  return (
    <Stack gap={6} ref={ref} role="document" aria-label={label}>
      {!doc || width === 0 ? (
        <Skeleton h={360} radius="sm" />
      ) : (
        Array.from({ length: Math.min(doc.numPages, 6) }, (_, i) => (
          <PdfPage key={i} doc={doc} n={i + 1} width={width} of={doc.numPages} />
        ))
      )}
      {doc && doc.numPages > 6 && (
        <Text size="xs" c="dark.4">
          {t('file.morePages', { count: doc.numPages - 6 })}
        </Text>
      )}
    </Stack>
  );
}

function PdfPage({ doc, n, width, of }: { doc: PDFDocumentProxy; n: number; width: number; of: number }) {
  const { t } = useTranslation('online');
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    void doc.getPage(n).then((page) => {
      if (cancelled || !canvas.current) return;
      const base = page.getViewport({ scale: 1 });
      const scale = (width / base.width) * (window.devicePixelRatio || 1);
      const vp = page.getViewport({ scale });
      const c = canvas.current;
      c.width = vp.width;
      c.height = vp.height;
      c.style.width = `${width}px`;
      const r = page.render({ canvas: c, viewport: vp });
      task = r;
      r.promise.catch(() => {});
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, n, width]);
  return (
    <Box style={{ border: '1px solid var(--mantine-color-gray-3)' }}>
      <canvas ref={canvas} aria-label={t('file.page', { n, of })} role="img" />
    </Box>
  );
}
