/**
 * The catalog: labs, sample types and their parameters (method, requirement, detection limit,
 * PNBP tariff). A parameter opens in the panel to change its method, detection limit, tariff or
 * to retire it; new labs, sample types and parameters are added with the server's own schemas.
 * Orders already submitted keep what they were submitted with.
 */
import { useMemo, useState, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  type TableProps,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CreateLabRequestSchema,
  CreateParameterRequestSchema,
  CreateSampleTypeRequestSchema,
  type CatalogResponse,
} from '../../../../shared/api/http';
import type { Parameter } from '../../../../shared/domain/entities';
import { formatRequirement } from '../../../../shared/elhu/judgment';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatNumber, formatRupiah } from '../../../lib/format';
import { ActionPanel } from '../parts/ActionPanel';
import { IdSelect } from '../parts/IdSelect';
import { QueryPage } from '../parts/ListScreen';
import { useCreateForm, useStepAction } from '../parts/panel-action';
import { firstPart, FormPanel, TextField } from './FormPanel';
import { messageIn, readUncertainty } from './catalog-uncertainty';

type Panel =
  | { kind: 'parameter'; id: string }
  | { kind: 'newParameter' }
  | { kind: 'newLab' }
  | { kind: 'newSampleType' }
  | null;

/** The "new …" buttons of the catalog's tools, each labelled as the panel it opens; the parameter's is the filled one. */
const NEW_ENTRIES = [
  { kind: 'newLab', variant: 'light' },
  { kind: 'newSampleType', variant: 'light' },
  { kind: 'newParameter', variant: undefined },
] as const;

export function CatalogScreen() {
  const { t } = useTranslation('admin');
  const q = useBridgeQuery('online.catalog', {}, { retry: false });
  const [panel, setPanel] = useState<Panel>(null);
  const [tab, setTab] = useState<string | null>('parameters');
  const c = q.data;
  const typeName = useMemo(() => new Map((c?.sampleTypes ?? []).map((s) => [s.id, s.name])), [c]);
  const labCode = useMemo(() => new Map((c?.labs ?? []).map((l) => [l.id, l.code])), [c]);
  const param = panel?.kind === 'parameter' ? c?.parameters.find((p) => p.id === panel.id) : undefined;
  return (
    <QueryPage
      title={t('catalog.title')}
      query={q}
      skeletonRows={12}
      side={
        panel && c
          ? {
              label: t('catalog.title'),
              content:
                panel.kind === 'parameter' && param ? (
                  <ParameterEdit key={param.id} p={param} onDone={() => setPanel(null)} />
                ) : panel.kind === 'newParameter' ? (
                  <NewParameter catalog={c} onDone={() => setPanel(null)} />
                ) : panel.kind === 'newLab' ? (
                  <NewLab onDone={() => setPanel(null)} />
                ) : panel.kind === 'newSampleType' ? (
                  <NewSampleType catalog={c} onDone={() => setPanel(null)} />
                ) : null,
            }
          : null
      }
      tools={
        <Group gap="xs">
          {NEW_ENTRIES.map((n) => (
            <Button
              key={n.kind}
              size="compact-sm"
              variant={n.variant}
              leftSection={<IconPlus size={14} />}
              onClick={() => setPanel({ kind: n.kind })}
            >
              {t(`catalog.${n.kind}`)}
            </Button>
          ))}
        </Group>
      }
    >
      {c && (
        <Tabs
          value={tab}
          onChange={setTab}
          px="md"
          style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
        >
          <Tabs.List>
            <Tabs.Tab value="parameters">{t('catalog.parameters', { count: c.parameters.length })}</Tabs.Tab>
            <Tabs.Tab value="types">{t('catalog.types', { count: c.sampleTypes.length })}</Tabs.Tab>
            <Tabs.Tab value="labs">{t('catalog.labs', { count: c.labs.length })}</Tabs.Tab>
          </Tabs.List>
          <CatalogPanel
            value="parameters"
            label={t('catalog.parametersTitle')}
            stickyHeader
            highlightOnHover
            head={
              <>
                <Table.Th>{t('catalog.col.type')}</Table.Th>
                <Table.Th>{t('catalog.col.parameter')}</Table.Th>
                <Table.Th>{t('catalog.col.method')}</Table.Th>
                <Table.Th>{t('catalog.col.requirement')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('catalog.col.loq')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('catalog.col.uncertainty')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('catalog.col.tariff')}</Table.Th>
              </>
            }
          >
            {c.parameters.map((p) => (
              <Table.Tr
                key={p.id}
                data-inactive={!p.active || undefined}
                style={{ color: p.active ? undefined : 'var(--mantine-color-dark-3)' }}
              >
                <Table.Td>{typeName.get(p.sampleTypeId) ?? '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setPanel({ kind: 'parameter', id: p.id })}
                    aria-label={`${t('catalog.edit')} ${p.name}`}
                  >
                    {p.name}
                  </Button>
                  {!p.active && (
                    <Badge size="xs" color="gray" variant="light" c="dark.5" tt="none">
                      {t('catalog.inactive')}
                    </Badge>
                  )}
                  {p.accredited === false && (
                    <Badge size="xs" color="orange" variant="light" c="orange.9" tt="none" ml={4}>
                      {t('catalog.outsideScope')}
                    </Badge>
                  )}
                </Table.Td>
                <TextCell>{p.method}</TextCell>
                <TextCell>
                  {formatRequirement(p.requirement) || '—'} {p.requirement ? p.unit : ''}
                </TextCell>
                <NumberCell>{p.detectionLimit === null ? '—' : formatNumber(p.detectionLimit)}</NumberCell>
                <NumberCell nowrap>
                  {p.uncertainty
                    ? `± ${formatNumber(p.uncertainty.expanded)} (k = ${formatNumber(p.uncertainty.coverageFactor)})`
                    : '—'}
                </NumberCell>
                <NumberCell nowrap>{formatRupiah(p.tariff)}</NumberCell>
              </Table.Tr>
            ))}
          </CatalogPanel>
          <CatalogPanel value="types" label={t('catalog.typesTitle')}>
            {c.sampleTypes.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td w={90}>{labCode.get(s.labId) ?? '—'}</Table.Td>
                <Table.Td>{s.name}</Table.Td>
                <TextCell dim>{s.description}</TextCell>
              </Table.Tr>
            ))}
          </CatalogPanel>
          <CatalogPanel value="labs" label={t('catalog.labsTitle')}>
            {c.labs.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td w={90} className="num">
                  {l.code}
                </Table.Td>
                <Table.Td>{l.name}</Table.Td>
              </Table.Tr>
            ))}
          </CatalogPanel>
        </Tabs>
      )}
    </QueryPage>
  );
}

/** One tab of the catalog: its table (the header cells `head`, if any, and the rows), scrolling inside the tab. */
function CatalogPanel({
  value,
  label,
  head,
  children,
  ...table
}: { value: string; label: string; head?: ReactNode; children: ReactNode } & Pick<
  TableProps,
  'stickyHeader' | 'highlightOnHover'
>) {
  return (
    <Tabs.Panel value={value} style={{ overflow: 'auto', flex: 1 }}>
      <Table fz={13} verticalSpacing={3} aria-label={label} {...table}>
        {head && (
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
        )}
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Tabs.Panel>
  );
}

/** A cell of small text (a method, a requirement); `dim` greys a description. */
function TextCell({ dim = false, children }: { dim?: boolean; children: ReactNode }) {
  return (
    <Table.Td>
      <Text size="xs" c={dim ? 'dark.4' : undefined}>
        {children}
      </Text>
    </Table.Td>
  );
}

/** A number column's cell: digits aligned on the right; `nowrap` keeps "± U (k = …)" and rupiah on one line. */
function NumberCell({ nowrap = false, children }: { nowrap?: boolean; children: ReactNode }) {
  return (
    <Table.Td className="num" style={{ textAlign: 'right', ...(nowrap ? { whiteSpace: 'nowrap' } : {}) }}>
      {children}
    </Table.Td>
  );
}

/** Why U and k were refused, and under which of the two fields. */
type UncertaintyProblem = Extract<ReturnType<typeof readUncertainty>, { ok: false }>;

/** U and k side by side, with the error under the field that needs fixing. */
function UncertaintyFields(props: {
  unit: string;
  expanded: number | string;
  coverageFactor: number | string;
  onExpanded: (v: number | string) => void;
  onCoverageFactor: (v: number | string) => void;
  problem: UncertaintyProblem | null;
}) {
  const { t, i18n } = useTranslation('admin');
  const err = (f: 'expanded' | 'coverageFactor') =>
    props.problem?.field === f ? messageIn(props.problem.message, i18n.language) : undefined;
  return (
    <Group gap="xs" align="flex-start" grow>
      <NumberInput
        label={`${t('catalog.uncertaintyU')}${props.unit ? ` (${props.unit})` : ''}`}
        description={t('catalog.uncertaintyHint')}
        value={props.expanded}
        onChange={props.onExpanded}
        decimalSeparator=","
        hideControls
        error={err('expanded')}
      />
      <NumberInput
        label={t('catalog.coverageFactor')}
        description={t('catalog.coverageFactorHint')}
        value={props.coverageFactor}
        onChange={props.onCoverageFactor}
        decimalSeparator=","
        hideControls
        error={err('coverageFactor')}
      />
    </Group>
  );
}

function ParameterEdit({ p, onDone }: { p: Parameter; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const [uValue, setUValue] = useState<number | string>(p.uncertainty?.expanded ?? '');
  const [kValue, setKValue] = useState<number | string>(p.uncertainty?.coverageFactor ?? '');
  const [accredited, setAccredited] = useState(p.accredited !== false);
  const [uProblem, setUProblem] = useState<UncertaintyProblem | null>(null);
  const [method, setMethod] = useState(p.method);
  const [tariff, setTariff] = useState<number | string>(p.tariff);
  const [loq, setLoq] = useState<number | string>(p.detectionLimit ?? '');
  const [active, setActive] = useState(p.active);
  const step = useStepAction('online.parameter.update', onDone, () => {
    const patch: Record<string, unknown> = {};
    if (method.trim() !== p.method) patch.method = method.trim();
    if (Number(tariff) !== p.tariff) patch.tariff = Number(tariff);
    if (loq !== '' && Number(loq) !== p.detectionLimit) patch.detectionLimit = Number(loq);
    if (active !== p.active) patch.active = active;
    const u = readUncertainty(uValue, kValue);
    setUProblem(u.ok ? null : u);
    if (!u.ok) return null;
    const was = p.uncertainty ?? null;
    if (u.value?.expanded !== was?.expanded || u.value?.coverageFactor !== was?.coverageFactor)
      patch.uncertainty = u.value;
    if (accredited !== (p.accredited !== false)) patch.accredited = accredited;
    return { input: { parameterId: p.id, patch }, success: t('catalog.saved', { name: p.name }) };
  });
  return (
    <ActionPanel title={p.name} submitLabel={t('catalog.save')} {...step}>
      <TextInput
        label={t('catalog.col.method')}
        value={method}
        onChange={(e) => setMethod(e.currentTarget.value)}
      />
      <NumberInput
        label={t('catalog.col.tariffRp')}
        value={tariff}
        onChange={setTariff}
        min={0}
        step={1000}
        thousandSeparator="."
        decimalSeparator=","
        allowDecimal={false}
        hideControls
      />
      <NumberInput
        label={`${t('catalog.col.loq')} (${p.unit})`}
        value={loq}
        onChange={setLoq}
        min={0}
        decimalSeparator=","
        hideControls
      />
      <UncertaintyFields
        unit={p.unit}
        expanded={uValue}
        coverageFactor={kValue}
        onExpanded={setUValue}
        onCoverageFactor={setKValue}
        problem={uProblem}
      />
      <Switch
        label={t('catalog.accreditedLabel')}
        description={t('catalog.accreditedHint')}
        checked={accredited}
        onChange={(e) => setAccredited(e.currentTarget.checked)}
      />
      <Switch
        label={t('catalog.activeLabel')}
        checked={active}
        onChange={(e) => setActive(e.currentTarget.checked)}
      />
    </ActionPanel>
  );
}

function NewParameter({ catalog, onDone }: { catalog: CatalogResponse; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const [uValue, setUValue] = useState<number | string>('');
  const [kValue, setKValue] = useState<number | string>('');
  const [uProblem, setUProblem] = useState<UncertaintyProblem | null>(null);
  const { form, panel } = useCreateForm('online.parameter.create', CreateParameterRequestSchema, {
    defaultValues: {
      sampleTypeId: '',
      name: '',
      unit: '',
      method: '',
      requirement: null,
      detectionLimit: null,
      accredited: true,
      tariff: 0,
    },
    // U and k are checked here (readUncertainty), beside the schema's fields.
    input: (v) => {
      const u = readUncertainty(uValue, kValue);
      setUProblem(u.ok ? null : u);
      return u.ok ? { ...v, uncertainty: u.value } : null;
    },
    success: (v) => t('catalog.created', { name: v.name }),
    onDone,
  });
  return (
    <FormPanel title={t('catalog.newParameter')} submitLabel={t('catalog.create')} {...panel}>
      <IdSelect
        form={form}
        name="sampleTypeId"
        label={t('catalog.col.type')}
        requiredMessage={t('catalog.required')}
        searchable
        data={catalog.sampleTypes.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
      />
      <TextField form={form} name="name" label={t('catalog.col.parameter')} required />
      <TextField form={form} name="unit" label={t('catalog.unit')} />
      <TextField form={form} name="method" label={t('catalog.col.method')} required />
      <Controller
        control={form.control}
        name="detectionLimit"
        render={({ field }) => (
          <NumberInput
            label={t('catalog.col.loq')}
            value={field.value ?? ''}
            onChange={(v) => field.onChange(v === '' ? null : Number(v))}
            decimalSeparator=","
            hideControls
          />
        )}
      />
      <UncertaintyFields
        unit=""
        expanded={uValue}
        coverageFactor={kValue}
        onExpanded={setUValue}
        onCoverageFactor={setKValue}
        problem={uProblem}
      />
      <Controller
        control={form.control}
        name="accredited"
        render={({ field }) => (
          <Switch
            label={t('catalog.accreditedLabel')}
            description={t('catalog.accreditedHint')}
            checked={field.value !== false}
            onChange={(e) => field.onChange(e.currentTarget.checked)}
          />
        )}
      />
      <Controller
        control={form.control}
        name="tariff"
        render={({ field, fieldState }) => (
          <NumberInput
            label={t('catalog.col.tariffRp')}
            withAsterisk
            value={field.value as number}
            onChange={(v) => field.onChange(Number(v))}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            hideControls
            error={firstPart(fieldState.error?.message)}
          />
        )}
      />
      <Text size="xs" c="dark.4">
        {t('catalog.requirementLater')}
      </Text>
    </FormPanel>
  );
}

function NewLab({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('admin');
  const { form, panel } = useCreateForm('online.lab.create', CreateLabRequestSchema, {
    defaultValues: { code: '', name: '' },
    input: (v) => v,
    success: (v) => t('catalog.created', { name: v.name }),
    onDone,
  });
  return (
    <FormPanel title={t('catalog.newLab')} submitLabel={t('catalog.create')} {...panel}>
      <TextField
        form={form}
        name="code"
        label={t('catalog.code')}
        description={t('catalog.codeHint')}
        required
        errorText={t('catalog.codeHint')}
      />
      <TextField form={form} name="name" label={t('catalog.name')} required />
    </FormPanel>
  );
}

function NewSampleType({ catalog, onDone }: { catalog: CatalogResponse; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const { form, panel } = useCreateForm('online.sampleType.create', CreateSampleTypeRequestSchema, {
    defaultValues: { labId: '', name: '', description: '' },
    input: (v) => v,
    success: (v) => t('catalog.created', { name: v.name }),
    onDone,
  });
  return (
    <FormPanel title={t('catalog.newSampleType')} submitLabel={t('catalog.create')} {...panel}>
      <IdSelect
        form={form}
        name="labId"
        label="Lab"
        requiredMessage={t('catalog.required')}
        data={catalog.labs.map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }))}
      />
      <TextField form={form} name="name" label={t('catalog.name')} required />
      <TextField form={form} name="description" label={t('catalog.description')} />
    </FormPanel>
  );
}
