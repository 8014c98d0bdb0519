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
import { formatDate, formatDateTime, formatDuration, formatNumber, formatRupiah } from '../../../lib/format';
import { msg } from '../../../lib/message';
import {
  Code,
  codeColumn,
  countColumn,
  leadColumn,
  nameColumn,
  rightColumn,
  rupiahColumn,
} from './recordColumns';
import { RECORD_ROWS_SHOWN, RecordTable, type RecordColumn } from './RecordTable';
import { statusLabel } from '../../../lib/sop-labels';

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

type FigureItem = [label: string, value: ReactNode];

/** A record on screen: its figures on top, then its tables. */
function RecordPage({ figures, children }: { figures: FigureItem[]; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Group gap="sm" px="md" pb="xs" wrap="wrap">
        {figures.map(([label, value], i) => (
          <Figure key={i} label={label} value={value} />
        ))}
      </Group>
      {children}
    </Stack>
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
  const lang = i18n.language;
  /** A number in the reader's language. */
  const n = (v: number, digits?: number) => formatNumber(v, lang, digits);
  return { t, lang, n };
}

const more = (t: (k: string, o?: Record<string, unknown>) => string, total: number) =>
  t('more', { shown: RECORD_ROWS_SHOWN, total: formatNumber(total) });

const sum = <T,>(rows: readonly T[], value: (row: T) => number) => rows.reduce((n, x) => n + value(x), 0);

/** A titled table; the title names the table for a screen reader too. */
function TableSection<T>({
  title,
  ...table
}: { title: string } & Omit<Parameters<typeof RecordTable<T>>[0], 'label' | 'moreText'>) {
  const { t } = useRecordsT();
  return (
    <Section title={title}>
      <RecordTable label={title} moreText={more(t, table.rows.length)} {...table} />
    </Section>
  );
}

function OrdersView({ r }: { r: OrderRegister }) {
  const { t, lang, n } = useRecordsT();
  type Row = OrderRegister['rows'][number];
  const columns: RecordColumn<Row>[] = [
    leadColumn('number', t('orders.col.number'), (x) => x.number ?? t('notNumbered')),
    {
      id: 'submitted',
      header: t('orders.col.submitted'),
      cell: (x) => (
        <Code text={formatDate(x.submittedAt, lang)} title={formatDateTime(x.submittedAt, lang)} />
      ),
    },
    nameColumn('customer', t('orders.col.customer'), [140, 210], (x) => x.customerName),
    nameColumn('types', t('orders.col.types'), [120, 160], (x) => x.sampleTypes.join('; ')),
    countColumn('samples', t('orders.col.samples'), (x) => x.sampleCount, lang),
    countColumn('parameters', t('orders.col.parameters'), (x) => x.parameterCount, lang),
    rupiahColumn('total', t('orders.col.total'), (x) => x.total),
    nameColumn('status', t('orders.col.status'), [110, 150], (x) => statusLabel(x.status, lang)),
    codeColumn('paid', t('orders.col.paid'), (x) => formatDate(x.paidAt, lang)),
  ];
  return (
    <RecordPage
      figures={[
        [t('orders.count'), n(r.totals.orders)],
        [t('orders.samples'), n(r.totals.samples)],
        [t('orders.amount'), formatRupiah(r.totals.amount)],
      ]}
    >
      <TableSection
        title={t('orders.label')}
        rows={r.rows}
        columns={columns}
        footer={[
          t('total'),
          '',
          '',
          '',
          n(r.totals.samples),
          n(sum(r.rows, (x) => x.parameterCount)),
          formatRupiah(r.totals.amount),
          '',
          '',
        ]}
      />
    </RecordPage>
  );
}

function SamplesView({ r }: { r: SampleRegister }) {
  const { t, lang, n } = useRecordsT();
  type Row = SampleRegister['rows'][number];
  const columns: RecordColumn<Row>[] = [
    leadColumn('number', t('samples.col.number'), (x) => x.number ?? t('notNumbered'), 150),
    codeColumn('order', t('samples.col.order'), (x) => x.orderNumber, 140),
    codeColumn('received', t('samples.col.received'), (x) => formatDateTime(x.receivedAt, lang)),
    nameColumn('customer', t('samples.col.customer'), [150, 240], (x) => x.customerName),
    nameColumn('type', t('samples.col.type'), [120, 180], (x) => x.sampleType),
    nameColumn('lab', t('samples.col.lab'), [110, 200], (x) => x.labName),
    countColumn('parameters', t('samples.col.parameters'), (x) => x.parameterCount, lang),
    nameColumn('status', t('samples.col.status'), [100, 170], (x) => statusLabel(x.status, lang)),
    codeColumn('report', t('samples.col.report'), (x) => x.reportNumber),
  ];
  return (
    <RecordPage
      figures={[
        [t('samples.count'), n(r.totals.samples)],
        [t('samples.parameters'), n(r.totals.parameters)],
        ...Object.entries(r.totals.byLab).map(([lab, count]): FigureItem => [lab, n(count)]),
      ]}
    >
      <TableSection title={t('samples.label')} rows={r.rows} columns={columns} />
    </RecordPage>
  );
}

function ReportsView({ r }: { r: ReportRegister }) {
  const { t, lang, n } = useRecordsT();
  type Row = ReportRegister['rows'][number];
  const columns: RecordColumn<Row>[] = [
    leadColumn('number', t('reports.col.number'), (x) => x.number, 170),
    codeColumn('sample', t('reports.col.sample'), (x) => x.sampleNumber, 140),
    nameColumn('customer', t('reports.col.customer'), [150, 240], (x) => x.customerName),
    nameColumn('lab', t('reports.col.lab'), [100, 200], (x) => x.labName),
    codeColumn('numbered', t('reports.col.numbered'), (x) => formatDate(x.numberedAt, lang)),
    codeColumn('signed', t('reports.col.signed'), (x) => formatDate(x.signedAt, lang)),
    codeColumn('released', t('reports.col.releasedAt'), (x) => formatDate(x.releasedAt, lang)),
    nameColumn('status', t('reports.col.status'), [100, 170], (x) => statusLabel(x.status, lang)),
    {
      id: 'replaces',
      header: t('reports.col.replaces'),
      cell: (x) =>
        x.replacesNumber ? <span title={x.amendReason ?? undefined}>{x.replacesNumber}</span> : '—',
    },
  ];
  return (
    <RecordPage
      figures={[
        [t('reports.count'), n(r.totals.reports)],
        [t('reports.released'), n(r.totals.released)],
        [t('reports.amended'), n(r.totals.amended)],
      ]}
    >
      <TableSection title={t('reports.label')} rows={r.rows} columns={columns} />
    </RecordPage>
  );
}

function RevenueView({ r }: { r: RevenueReport }) {
  const { t, lang, n } = useRecordsT();
  type Lab = RevenueReport['byLab'][number];
  type Param = RevenueReport['byParameter'][number];
  const labs: RecordColumn<Lab>[] = [
    nameColumn('lab', t('revenue.col.lab'), [200, 200], (x) => x.labName),
    countColumn('samples', t('revenue.col.samples'), (x) => x.samples, lang),
    countColumn('count', t('revenue.col.count'), (x) => x.count, lang),
    rupiahColumn('amount', t('revenue.col.amount'), (x) => x.amount),
  ];
  const params: RecordColumn<Param>[] = [
    { id: 'parameter', header: t('revenue.col.parameter'), minWidth: 200, cell: (x) => x.parameterName },
    nameColumn('type', t('revenue.col.type'), [140, 180], (x) => x.sampleType),
    nameColumn('lab', t('revenue.col.lab'), [120, 200], (x) => x.labName),
    countColumn('count', t('revenue.col.count'), (x) => x.count, lang),
    rupiahColumn('amount', t('revenue.col.amount'), (x) => x.amount),
  ];
  return (
    <RecordPage
      figures={[
        [t('revenue.amount'), formatRupiah(r.totals.amount)],
        [t('revenue.orders'), n(r.totals.orders)],
        [t('revenue.billed'), formatRupiah(r.totals.billed)],
      ]}
    >
      <TableSection
        title={t('revenue.byLab')}
        rows={r.byLab}
        columns={labs}
        footer={[
          t('total'),
          n(sum(r.byLab, (x) => x.samples)),
          n(sum(r.byLab, (x) => x.count)),
          formatRupiah(r.totals.amount),
        ]}
      />
      <TableSection title={t('revenue.byParameter')} rows={r.byParameter} columns={params} />
    </RecordPage>
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
  const { t, lang, n } = useRecordsT();
  // Minutes in words past the hour ("3 hari 1 jam"): 4.391 menit says little at a glance.
  const amount = (unit: 'minutes' | 'working_days', v: number | null) =>
    v === null
      ? '—'
      : unit === 'minutes'
        ? v >= 60
          ? formatDuration(v * 60_000, lang)
          : t('performance.minutes', { value: n(v, 1) })
        : t('performance.days', { value: n(v, 1) });
  const columns: RecordColumn<Step>[] = [
    rightColumn('step', t('performance.col.step'), (x) => x.step),
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
    rightColumn('standard', t('performance.col.standard'), (x) =>
      x.standard.unit === 'none' ? t('performance.noStandard') : amount(x.standard.unit, x.standard.value),
    ),
    countColumn('count', t('performance.col.count'), (x) => x.count, lang),
    rightColumn('median', t('performance.col.median'), (x) => amount(x.unit, x.median)),
    rightColumn('p90', t('performance.col.p90'), (x) => amount(x.unit, x.p90)),
    {
      id: 'chart',
      header: t('performance.col.chart'),
      minWidth: 170,
      cell: (x) => <P90Bar s={x} text={(v) => amount(x.unit, v)} />,
    },
    rightColumn('over', t('performance.col.over'), (x) =>
      x.over > 0 ? (
        <Badge color="red" variant="light" size="sm">
          {n(x.over)}
        </Badge>
      ) : (
        '0'
      ),
    ),
  ];
  type Over = PerformanceReport['overruns'][number];
  const overs: RecordColumn<Over>[] = [
    rightColumn('step', t('performance.col.step'), (x) => x.step),
    codeColumn('order', t('performance.col.order'), (x) => x.orderNumber, 140),
    codeColumn('sample', t('performance.col.sample'), (x) => x.sampleNumber, 140),
    nameColumn('customer', t('performance.col.customer'), [150, 240], (x) => x.customerName),
    codeColumn('finished', t('performance.col.finished'), (x) => formatDateTime(x.finishedAt, lang)),
    rightColumn('actual', t('performance.col.actual'), (x) => amount(x.unit, x.actual)),
    rightColumn('standard', t('performance.col.standard'), (x) => amount(x.unit, x.standard)),
    rightColumn('late', t('performance.col.late'), (x) => (
      <Text size="13px" c="red.8">
        {amount(x.unit, Math.round((x.actual - x.standard) * 10) / 10)}
      </Text>
    )),
  ];
  return (
    <RecordPage
      figures={[
        [t('performance.timings'), n(r.totals.timings)],
        [t('performance.over'), n(r.totals.over)],
        [t('performance.ordersOver'), `${n(r.totals.ordersOver)} / ${n(r.totals.orders)}`],
      ]}
    >
      <TableSection title={t('performance.steps')} rows={r.steps} columns={columns} />
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
    </RecordPage>
  );
}

function IkmView({ r }: { r: IkmReport }) {
  const { t, lang, n } = useRecordsT();
  type El = IkmReport['elements'][number];
  type Month = IkmReport['byMonth'][number];
  const category = (c: IkmReport['category']) =>
    c ? `${c.grade} · ${msg(c.label, lang)}` : t('ikm.noSurvey');
  const index = (v: number | null) => (v === null ? '—' : n(v, 2));
  const elements: RecordColumn<El>[] = [
    { id: 'element', header: t('ikm.col.element'), minWidth: 260, cell: (x) => msg(x.label, lang) },
    rightColumn('mean', t('ikm.col.mean'), (x) => index(x.mean)),
  ];
  const months: RecordColumn<Month>[] = [
    { id: 'month', header: t('ikm.col.month'), cell: (x) => <span className="num">{x.month}</span> },
    countColumn('count', t('ikm.col.count'), (x) => x.count, lang),
    rightColumn('index', t('ikm.col.index'), (x) => index(x.index)),
    { id: 'category', header: t('ikm.col.category'), minWidth: 140, cell: (x) => category(x.category) },
  ];
  return (
    <RecordPage
      figures={[
        [t('ikm.index'), index(r.index)],
        [t('ikm.category'), category(r.category)],
        [t('ikm.responses'), n(r.count)],
      ]}
    >
      <TableSection title={t('ikm.elements')} rows={r.elements} columns={elements} />
      <TableSection title={t('ikm.byMonth')} rows={r.byMonth} columns={months} />
    </RecordPage>
  );
}
