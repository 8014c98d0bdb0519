/**
 * The E-LHU preview with pdf.js: the cached unsigned document (`signing.document`, base64) drawn
 * page by page on a canvas, with zoom (fit width by default) and "Halaman x dari y".
 * PageUp/PageDown turn pages, Ctrl+plus/minus zoom, when the preview has focus.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ActionIcon, Box, Center, Group, Loader, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import {
  IconArrowsHorizontal,
  IconChevronLeft,
  IconChevronRight,
  IconZoomIn,
  IconZoomOut,
  type TablerIcon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RenderTask } from 'pdfjs-dist';
import { ErrorState } from '../../../components/ErrorState';
import { useBridgeQuery } from '../../../bridge/hooks';
import { usePdf } from '../../../components/use-pdf';
import { fitScale, nextZoom, type Zoom } from './preview-zoom';

export function PdfPreview({ reportId, reportNumber }: { reportId: string; reportNumber: string }) {
  const { t } = useTranslation('signing');
  const q = useBridgeQuery('signing.document', { reportId }, { staleTime: Infinity });
  const { doc, error } = usePdf(q.data?.base64);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [rendering, setRendering] = useState(false);
  // The scale last drawn (what "fit" came to), for the zoom label and the next step from fit.
  const [scale, setScale] = useState(1);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { ref: area, width } = useElementSize();

  useEffect(() => setPage(1), [reportId]);

  const pages = doc?.numPages ?? q.data?.pages ?? null;

  useEffect(() => {
    if (!doc || !canvas.current || width === 0) return;
    let task: RenderTask | null = null;
    let alive = true;
    setRendering(true);
    void doc.getPage(Math.min(page, doc.numPages)).then((p) => {
      if (!alive || !canvas.current) return;
      const base = p.getViewport({ scale: 1 });
      const s = zoom === 'fit' ? fitScale(base.width, width) : zoom;
      setScale(s);
      const viewport = p.getViewport({ scale: s });
      const dpr = window.devicePixelRatio || 1;
      const c = canvas.current;
      c.width = Math.floor(viewport.width * dpr);
      c.height = Math.floor(viewport.height * dpr);
      c.style.width = `${Math.floor(viewport.width)}px`;
      c.style.height = `${Math.floor(viewport.height)}px`;
      task = p.render({ canvas: c, viewport, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined });
      task.promise.then(
        () => alive && setRendering(false),
        () => alive && setRendering(false),
      );
    });
    return () => {
      alive = false;
      task?.cancel();
    };
  }, [doc, page, zoom, width]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!pages) return;
    if (e.key === 'PageDown') setPage((p) => Math.min(p + 1, pages));
    else if (e.key === 'PageUp') setPage((p) => Math.max(p - 1, 1));
    else if ((e.ctrlKey || e.metaKey) && (e.key === '+' || e.key === '='))
      setZoom((z) => nextZoom(z, 'in', scale));
    else if ((e.ctrlKey || e.metaKey) && e.key === '-') setZoom((z) => nextZoom(z, 'out', scale));
    else return;
    e.preventDefault();
  };

  const failure = q.error ?? error;

  return (
    <Stack gap={0} h="100%" onKeyDown={onKey}>
      <Group
        justify="space-between"
        px="sm"
        py={6}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        wrap="nowrap"
      >
        <Text size="sm" fw={600} truncate>
          {reportNumber}
        </Text>
        <Group gap={4} wrap="nowrap">
          <PreviewTool
            label={t('preview.prev')}
            keys="PageUp"
            icon={IconChevronLeft}
            disabled={!pages || page <= 1}
            onClick={() => setPage((p) => Math.max(1, p - 1))}
          />
          <Text size="sm" miw={120} ta="center" aria-live="polite">
            {pages ? t('preview.page', { page, pages }) : '—'}
          </Text>
          <PreviewTool
            label={t('preview.next')}
            keys="PageDown"
            icon={IconChevronRight}
            disabled={!pages || page >= pages}
            onClick={() => setPage((p) => Math.min(pages ?? 1, p + 1))}
          />
          <Box w={12} />
          <PreviewTool
            label={t('preview.zoomOut')}
            keys="Ctrl+−"
            icon={IconZoomOut}
            onClick={() => setZoom((z) => nextZoom(z, 'out', scale))}
          />
          <Text size="xs" miw={44} ta="center" c="gray.7">
            {`${Math.round(scale * 100)}%`}
          </Text>
          <PreviewTool
            label={t('preview.zoomIn')}
            keys="Ctrl++"
            icon={IconZoomIn}
            onClick={() => setZoom((z) => nextZoom(z, 'in', scale))}
          />
          <PreviewTool
            label={t('preview.fitWidth')}
            icon={IconArrowsHorizontal}
            active={zoom === 'fit'}
            onClick={() => setZoom('fit')}
          />
        </Group>
      </Group>
      <Box
        ref={area}
        tabIndex={0}
        role="region"
        aria-label={t('preview.label', { number: reportNumber })}
        style={{ flex: 1, overflow: 'auto', background: 'var(--mantine-color-gray-2)', position: 'relative' }}
      >
        {failure ? (
          <ErrorState
            error={failure}
            title={t('preview.error')}
            onRetry={() => void q.refetch()}
            retrying={q.isFetching}
          />
        ) : !doc ? (
          <Center p="md">
            <Skeleton
              w={Math.max(200, width - 32)}
              h={Math.max(260, (width - 32) * 1.414)}
              role="status"
              aria-label={t('preview.loading')}
            />
          </Center>
        ) : (
          <Center p="md" style={{ minWidth: 'fit-content' }}>
            <canvas
              ref={canvas}
              style={{ background: 'white', boxShadow: '0 1px 4px rgba(0,0,0,.25)' }}
              aria-hidden
            />
            {rendering ? <Loader size="sm" pos="absolute" top={16} right={16} aria-hidden /> : null}
          </Center>
        )}
      </Box>
    </Stack>
  );
}

/**
 * A toolbar button of the preview: the icon, its name for screen readers, and the name with its
 * key in the tooltip. `active` marks the zoom mode in force.
 */
function PreviewTool({
  label,
  keys,
  icon: Icon,
  active = false,
  disabled,
  onClick,
}: {
  label: string;
  keys?: string;
  icon: TablerIcon;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <Tooltip label={keys ? `${label} (${keys})` : label}>
      <ActionIcon
        variant={active ? 'light' : 'subtle'}
        aria-label={label}
        disabled={disabled}
        onClick={onClick}
      >
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
