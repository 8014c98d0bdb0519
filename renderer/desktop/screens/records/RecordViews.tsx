/**
 * One record on screen, per kind: its figures on top, then its tables (RecordTable). Numbers in
 * Indonesian formats, statuses in the glossary's words, the performance's P90 drawn against the
 * step's standard time as a bar (amber from 80%, red over), with the words beside it.
 */
import type { ReactNode } from 'react';
import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  IkmReport,
  OrderRegister,
  PerformanceReport,
  ReportRegister,
  RevenueReport,
  SampleRegister,
} from '../../../../shared/api/records';
import type { RecordReport } from '../../../../shared/api/records';
import { STATUS_LABELS } from '../../../../shared/domain/states';
import { formatDate, formatDateTime, formatDuration, formatNumber, formatRupiah } from '../../../lib/format';
import { msg } from '../../../lib/message';
import { RECORD_ROWS_SHOWN, RecordTable, type RecordColumn } from './RecordTable';

type Lang = string;
/** A name on one line (rows stay about 32 px), the whole of it on hover. */
function OneLine({ text, w }: { text: string; w: number }) {
  return (
    <Text size="13px" truncate="end" maw={w} title={text}>
      {text}
    </Text>
  );
}

const statusText = (s: string, lang: Lang) =>
  msg(STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? { id: s, en: s }, lang);

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Paper withBorder px="sm" py={6} radius="sm">
      <Text size="xs" c="dark.4">
        {label}
      </Text>
      <Text fw={700} size="lg" className="num">
        {value}
      </Text>
    </Paper>
  );
}

function Figures({ children }: { children: ReactNode }) {
  return (
    <Group gap="sm" px="md" pb="xs" wrap="wrap">
      {children}
    </Group>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box px="md" pb="md">
      <Title order={2} size="h6" mb={4}>
        {title}
      </Title>
      <Paper withBorder radius="sm">
        {children}
      </Paper>
    </Box>
  );
}

/** Whether a record holds nothing for its period (the screen then says so). */
export function isEmptyRecord(r: RecordReport): boolean {
  switch (r.kind) {
    case 'orders':
    case 'samples':
    case 'reports':
      return r.rows.length === 0;
    case 'revenue':
      return r.payments.length === 0;
    case 'performance':
      return r.totals.timings === 0 && r.steps.every((s) => s.count === 0);
    case 'ikm':
      return r.count === 0;
  }
}

export function RecordView({ report }: { report: RecordReport }) {
  switch (report.kind) {
    case 'orders':
      return <OrdersView r={report} />;
    case 'samples':
      return <SamplesView r={report} />;
    case 'reports':
      return <ReportsView r={report} />;
    case 'revenue':
      return <RevenueView r={report} />;
    case 'performance':
      return <PerformanceView r={report} />;
    case 'ikm':
      return <IkmView r={report} />;
  }
}

function useRecordsT() {
  const { t, i18n } = useTranslation('records');
  return { t, lang: i18n.language };
}

const more = (t: (k: string, o?: Record<string, unknown>) => string, total: number) =>
  t('more', { shown: RECORD_ROWS_SHOWN, total: formatNumber(total) });

function OrdersView({ r }: { r: OrderRegister }) {
  const { t, lang } = useRecordsT();
  type Row = OrderRegister['rows'][number];
  const columns: RecordColumn<Row>[] = [
    {
      id: 'number',
      header: t('orders.col.number'),
      cell: (x) => (
        <Text size="13px" fw={600} className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.number ?? t('notNumbered')}
        </Text>
      ),
    },
    {
      id: 'submitted',
      header: t('orders.col.submitted'),
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }} title={formatDateTime(x.submittedAt, lang)}>
          {formatDate(x.submittedAt, lang)}
        </span>
      ),
    },
    {
      id: 'customer',
      header: t('orders.col.customer'),
      minWidth: 140,
      cell: (x) => <OneLine text={x.customerName} w={210} />,
    },
    {
      id: 'types',
      header: t('orders.col.types'),
      minWidth: 120,
      cell: (x) => <OneLine text={x.sampleTypes.join('; ')} w={160} />,
    },
    {
      id: 'samples',
      header: t('orders.col.samples'),
      align: 'right',
      cell: (x) => formatNumber(x.sampleCount, lang),
    },
    {
      id: 'parameters',
      header: t('orders.col.parameters'),
      align: 'right',
      cell: (x) => formatNumber(x.parameterCount, lang),
    },
    { id: 'total', header: t('orders.col.total'), align: 'right', cell: (x) => formatRupiah(x.total) },
    {
      id: 'status',
      header: t('orders.col.status'),
      minWidth: 110,
      cell: (x) => <OneLine text={statusText(x.status, lang)} w={150} />,
    },
    {
      id: 'paid',
      header: t('orders.col.paid'),
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.paidAt ? formatDate(x.paidAt, lang) : '—'}
        </span>
      ),
    },
  ];
  return (
    <Stack gap={0}>
      <Figures>
        <Figure label={t('orders.count')} value={formatNumber(r.totals.orders, lang)} />
        <Figure label={t('orders.samples')} value={formatNumber(r.totals.samples, lang)} />
        <Figure label={t('orders.amount')} value={formatRupiah(r.totals.amount)} />
      </Figures>
      <Section title={t('orders.label')}>
        <RecordTable
          label={t('orders.label')}
          rows={r.rows}
          columns={columns}
          footer={[
            t('total'),
            '',
            '',
            '',
            formatNumber(r.totals.samples, lang),
            formatNumber(
              r.rows.reduce((n, x) => n + x.parameterCount, 0),
              lang,
            ),
            formatRupiah(r.totals.amount),
            '',
            '',
          ]}
          moreText={more(t, r.rows.length)}
        />
      </Section>
    </Stack>
  );
}

function SamplesView({ r }: { r: SampleRegister }) {
  const { t, lang } = useRecordsT();
  type Row = SampleRegister['rows'][number];
  const columns: RecordColumn<Row>[] = [
    {
      id: 'number',
      header: t('samples.col.number'),
      minWidth: 150,
      cell: (x) => (
        <Text size="13px" fw={600} className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.number ?? t('notNumbered')}
        </Text>
      ),
    },
    {
      id: 'order',
      header: t('samples.col.order'),
      minWidth: 140,
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.orderNumber ?? '—'}
        </span>
      ),
    },
    {
      id: 'received',
      header: t('samples.col.received'),
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(x.receivedAt, lang)}
        </span>
      ),
    },
    {
      id: 'customer',
      header: t('samples.col.customer'),
      minWidth: 150,
      cell: (x) => <OneLine text={x.customerName} w={240} />,
    },
    {
      id: 'type',
      header: t('samples.col.type'),
      minWidth: 120,
      cell: (x) => <OneLine text={x.sampleType} w={180} />,
    },
    {
      id: 'lab',
      header: t('samples.col.lab'),
      minWidth: 110,
      cell: (x) => <OneLine text={x.labName} w={200} />,
    },
    {
      id: 'parameters',
      header: t('samples.col.parameters'),
      align: 'right',
      cell: (x) => formatNumber(x.parameterCount, lang),
    },
    {
      id: 'status',
      header: t('samples.col.status'),
      minWidth: 100,
      cell: (x) => <OneLine text={statusText(x.status, lang)} w={170} />,
    },
    {
      id: 'report',
      header: t('samples.col.report'),
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.reportNumber ?? '—'}
        </span>
      ),
    },
  ];
  return (
    <Stack gap={0}>
      <Figures>
        <Figure label={t('samples.count')} value={formatNumber(r.totals.samples, lang)} />
        <Figure label={t('samples.parameters')} value={formatNumber(r.totals.parameters, lang)} />
        {Object.entries(r.totals.byLab).map(([lab, n]) => (
          <Figure key={lab} label={lab} value={formatNumber(n, lang)} />
        ))}
      </Figures>
      <Section title={t('samples.label')}>
        <RecordTable
          label={t('samples.label')}
          rows={r.rows}
          columns={columns}
          moreText={more(t, r.rows.length)}
        />
      </Section>
    </Stack>
  );
}

function ReportsView({ r }: { r: ReportRegister }) {
  const { t, lang } = useRecordsT();
  type Row = ReportRegister['rows'][number];
  const when = (iso: string | null) => (
    <span className="num" style={{ whiteSpace: 'nowrap' }}>
      {iso ? formatDate(iso, lang) : '—'}
    </span>
  );
  const columns: RecordColumn<Row>[] = [
    {
      id: 'number',
      header: t('reports.col.number'),
      minWidth: 170,
      cell: (x) => (
        <Text size="13px" fw={600} className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.number}
        </Text>
      ),
    },
    {
      id: 'sample',
      header: t('reports.col.sample'),
      minWidth: 140,
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.sampleNumber ?? '—'}
        </span>
      ),
    },
    {
      id: 'customer',
      header: t('reports.col.customer'),
      minWidth: 150,
      cell: (x) => <OneLine text={x.customerName} w={240} />,
    },
    {
      id: 'lab',
      header: t('reports.col.lab'),
      minWidth: 100,
      cell: (x) => <OneLine text={x.labName} w={200} />,
    },
    { id: 'numbered', header: t('reports.col.numbered'), cell: (x) => when(x.numberedAt) },
    { id: 'signed', header: t('reports.col.signed'), cell: (x) => when(x.signedAt) },
    { id: 'released', header: t('reports.col.releasedAt'), cell: (x) => when(x.releasedAt) },
    {
      id: 'status',
      header: t('reports.col.status'),
      minWidth: 100,
      cell: (x) => <OneLine text={statusText(x.status, lang)} w={170} />,
    },
    {
      id: 'replaces',
      header: t('reports.col.replaces'),
      cell: (x) =>
        x.replacesNumber ? <span title={x.amendReason ?? undefined}>{x.replacesNumber}</span> : '—',
    },
  ];
  return (
    <Stack gap={0}>
      <Figures>
        <Figure label={t('reports.count')} value={formatNumber(r.totals.reports, lang)} />
        <Figure label={t('reports.released')} value={formatNumber(r.totals.released, lang)} />
        <Figure label={t('reports.amended')} value={formatNumber(r.totals.amended, lang)} />
      </Figures>
      <Section title={t('reports.label')}>
        <RecordTable
          label={t('reports.label')}
          rows={r.rows}
          columns={columns}
          moreText={more(t, r.rows.length)}
        />
      </Section>
    </Stack>
  );
}

function RevenueView({ r }: { r: RevenueReport }) {
  const { t, lang } = useRecordsT();
  type Lab = RevenueReport['byLab'][number];
  type Param = RevenueReport['byParameter'][number];
  const labs: RecordColumn<Lab>[] = [
    {
      id: 'lab',
      header: t('revenue.col.lab'),
      minWidth: 200,
      cell: (x) => <OneLine text={x.labName} w={200} />,
    },
    {
      id: 'samples',
      header: t('revenue.col.samples'),
      align: 'right',
      cell: (x) => formatNumber(x.samples, lang),
    },
    { id: 'count', header: t('revenue.col.count'), align: 'right', cell: (x) => formatNumber(x.count, lang) },
    { id: 'amount', header: t('revenue.col.amount'), align: 'right', cell: (x) => formatRupiah(x.amount) },
  ];
  const params: RecordColumn<Param>[] = [
    { id: 'parameter', header: t('revenue.col.parameter'), minWidth: 200, cell: (x) => x.parameterName },
    {
      id: 'type',
      header: t('revenue.col.type'),
      minWidth: 140,
      cell: (x) => <OneLine text={x.sampleType} w={180} />,
    },
    {
      id: 'lab',
      header: t('revenue.col.lab'),
      minWidth: 120,
      cell: (x) => <OneLine text={x.labName} w={200} />,
    },
    { id: 'count', header: t('revenue.col.count'), align: 'right', cell: (x) => formatNumber(x.count, lang) },
    { id: 'amount', header: t('revenue.col.amount'), align: 'right', cell: (x) => formatRupiah(x.amount) },
  ];
  return (
    <Stack gap={0}>
      <Figures>
        <Figure label={t('revenue.amount')} value={formatRupiah(r.totals.amount)} />
        <Figure label={t('revenue.orders')} value={formatNumber(r.totals.orders, lang)} />
        <Figure label={t('revenue.billed')} value={formatRupiah(r.totals.billed)} />
      </Figures>
      <Section title={t('revenue.byLab')}>
        <RecordTable
          label={t('revenue.byLab')}
          rows={r.byLab}
          columns={labs}
          footer={[
            t('total'),
            formatNumber(
              r.byLab.reduce((n, x) => n + x.samples, 0),
              lang,
            ),
            formatNumber(
              r.byLab.reduce((n, x) => n + x.count, 0),
              lang,
            ),
            formatRupiah(r.totals.amount),
          ]}
        />
      </Section>
      <Section title={t('revenue.byParameter')}>
        <RecordTable
          label={t('revenue.byParameter')}
          rows={r.byParameter}
          columns={params}
          moreText={more(t, r.byParameter.length)}
        />
      </Section>
    </Stack>
  );
}

type Step = PerformanceReport['steps'][number];

/** P90 against the standard as a bar: amber from 80% of it, red over it (UI.md, the SOP clock). */
function P90Bar({ s, text }: { s: Step; text: (v: number | null) => string }) {
  const { t } = useRecordsT();
  const std = s.standard.value;
  if (s.p90 === null || std === null || std <= 0 || s.standard.unit === 'none')
    return (
      <Text size="xs" c="dark.4">
        —
      </Text>
    );
  const ratio = s.p90 / std;
  const color =
    ratio > 1
      ? 'var(--mantine-color-red-7)'
      : ratio >= 0.8
        ? 'var(--mantine-color-yellow-6)'
        : 'var(--mantine-color-teal-6)';
  const label = t('performance.chartOf', { step: s.step, p90: text(s.p90), standard: text(std) });
  return (
    <Group gap={6} wrap="nowrap" role="img" aria-label={label} title={label}>
      <Box
        w={120}
        h={10}
        bg="gray.2"
        style={{ borderRadius: 5, overflow: 'hidden', position: 'relative', flexShrink: 0 }}
      >
        <Box h={10} w={`${Math.min(100, ratio * 100)}%`} style={{ background: color }} />
      </Box>
      <Text size="xs" className="num" c={ratio > 1 ? 'red.8' : undefined}>
        {ratio > 9.99 ? '>999%' : `${formatNumber(Math.round(ratio * 100))}%`}
      </Text>
    </Group>
  );
}

function PerformanceView({ r }: { r: PerformanceReport }) {
  const { t, lang } = useRecordsT();
  // Minutes in words past the hour ("3 hari 1 jam"): 4.391 menit says little at a glance.
  const amount = (unit: 'minutes' | 'working_days', v: number | null) =>
    v === null
      ? '—'
      : unit === 'minutes'
        ? v >= 60
          ? formatDuration(v * 60_000, lang)
          : t('performance.minutes', { value: formatNumber(v, lang, 1) })
        : t('performance.days', { value: formatNumber(v, lang, 1) });
  const columns: RecordColumn<Step>[] = [
    { id: 'step', header: t('performance.col.step'), align: 'right', cell: (x) => x.step },
    {
      id: 'activity',
      header: t('performance.col.activity'),
      minWidth: 260,
      cell: (x) => (
        <Text size="13px" lineClamp={2} title={msg(x.activity, lang)}>
          {msg(x.activity, lang)}
        </Text>
      ),
    },
    {
      id: 'standard',
      header: t('performance.col.standard'),
      align: 'right',
      cell: (x) =>
        x.standard.unit === 'none' ? t('performance.noStandard') : amount(x.standard.unit, x.standard.value),
    },
    {
      id: 'count',
      header: t('performance.col.count'),
      align: 'right',
      cell: (x) => formatNumber(x.count, lang),
    },
    {
      id: 'median',
      header: t('performance.col.median'),
      align: 'right',
      cell: (x) => amount(x.unit, x.median),
    },
    { id: 'p90', header: t('performance.col.p90'), align: 'right', cell: (x) => amount(x.unit, x.p90) },
    {
      id: 'chart',
      header: t('performance.col.chart'),
      minWidth: 170,
      cell: (x) => <P90Bar s={x} text={(v) => amount(x.unit, v)} />,
    },
    {
      id: 'over',
      header: t('performance.col.over'),
      align: 'right',
      cell: (x) =>
        x.over > 0 ? (
          <Badge color="red" variant="light" size="sm">
            {formatNumber(x.over, lang)}
          </Badge>
        ) : (
          '0'
        ),
    },
  ];
  type Over = PerformanceReport['overruns'][number];
  const overs: RecordColumn<Over>[] = [
    { id: 'step', header: t('performance.col.step'), align: 'right', cell: (x) => x.step },
    {
      id: 'order',
      header: t('performance.col.order'),
      minWidth: 140,
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.orderNumber ?? '—'}
        </span>
      ),
    },
    {
      id: 'sample',
      header: t('performance.col.sample'),
      minWidth: 140,
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }}>
          {x.sampleNumber ?? '—'}
        </span>
      ),
    },
    {
      id: 'customer',
      header: t('performance.col.customer'),
      minWidth: 150,
      cell: (x) => <OneLine text={x.customerName} w={240} />,
    },
    {
      id: 'finished',
      header: t('performance.col.finished'),
      cell: (x) => (
        <span className="num" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(x.finishedAt, lang)}
        </span>
      ),
    },
    {
      id: 'actual',
      header: t('performance.col.actual'),
      align: 'right',
      cell: (x) => amount(x.unit, x.actual),
    },
    {
      id: 'standard',
      header: t('performance.col.standard'),
      align: 'right',
      cell: (x) => amount(x.unit, x.standard),
    },
    {
      id: 'late',
      header: t('performance.col.late'),
      align: 'right',
      cell: (x) => (
        <Text size="13px" c="red.8">
          {amount(x.unit, Math.round((x.actual - x.standard) * 10) / 10)}
        </Text>
      ),
    },
  ];
  return (
    <Stack gap={0}>
      <Figures>
        <Figure label={t('performance.timings')} value={formatNumber(r.totals.timings, lang)} />
        <Figure label={t('performance.over')} value={formatNumber(r.totals.over, lang)} />
        <Figure
          label={t('performance.ordersOver')}
          value={`${formatNumber(r.totals.ordersOver, lang)} / ${formatNumber(r.totals.orders, lang)}`}
        />
      </Figures>
      <Section title={t('performance.steps')}>
        <RecordTable label={t('performance.steps')} rows={r.steps} columns={columns} />
      </Section>
      <Section title={t('performance.overruns')}>
        {r.overruns.length === 0 ? (
          <Text size="sm" p="sm" c="dark.4">
            {t('performance.noOverruns')}
          </Text>
        ) : (
          <RecordTable
            label={t('performance.overruns')}
            rows={r.overruns}
            columns={overs}
            moreText={more(t, r.overruns.length)}
          />
        )}
      </Section>
    </Stack>
  );
}

function IkmView({ r }: { r: IkmReport }) {
  const { t, lang } = useRecordsT();
  type El = IkmReport['elements'][number];
  type Month = IkmReport['byMonth'][number];
  const category = (c: IkmReport['category']) =>
    c ? `${c.grade} · ${msg(c.label, lang)}` : t('ikm.noSurvey');
  const elements: RecordColumn<El>[] = [
    { id: 'element', header: t('ikm.col.element'), minWidth: 260, cell: (x) => msg(x.label, lang) },
    {
      id: 'mean',
      header: t('ikm.col.mean'),
      align: 'right',
      cell: (x) => (x.mean === null ? '—' : formatNumber(x.mean, lang, 2)),
    },
  ];
  const months: RecordColumn<Month>[] = [
    { id: 'month', header: t('ikm.col.month'), cell: (x) => <span className="num">{x.month}</span> },
    { id: 'count', header: t('ikm.col.count'), align: 'right', cell: (x) => formatNumber(x.count, lang) },
    {
      id: 'index',
      header: t('ikm.col.index'),
      align: 'right',
      cell: (x) => (x.index === null ? '—' : formatNumber(x.index, lang, 2)),
    },
    { id: 'category', header: t('ikm.col.category'), minWidth: 140, cell: (x) => category(x.category) },
  ];
  return (
    <Stack gap={0}>
      <Figures>
        <Figure label={t('ikm.index')} value={r.index === null ? '—' : formatNumber(r.index, lang, 2)} />
        <Figure label={t('ikm.category')} value={category(r.category)} />
        <Figure label={t('ikm.responses')} value={formatNumber(r.count, lang)} />
      </Figures>
      <Section title={t('ikm.elements')}>
        <RecordTable label={t('ikm.elements')} rows={r.elements} columns={elements} />
      </Section>
      <Section title={t('ikm.byMonth')}>
        <RecordTable label={t('ikm.byMonth')} rows={r.byMonth} columns={months} />
      </Section>
    </Stack>
  );
}
