/**
 * Admin Satker's "Pekerjaan saya" (step 3): customer accounts waiting for activation, newest
 * first; the open one's data beside the list, *Aktifkan* (Ctrl+Enter). Active accounts can be
 * deactivated with a reason (their sessions end).
 */
import { useMemo, useState } from 'react';
import { Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/entities';
import { STATUS_LABELS } from '../../../../shared/domain/states';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime } from '../../../lib/format';
import { msg } from '../../../lib/message';
import { useOnlineAction } from '../online/useOnlineAction';
import { textColumn, type WorkColumn } from '../online/WorkTable';
import { ActionFrame } from '../parts/ActionPanel';
import { ListScreen } from '../parts/ListScreen';
import { useStepAction } from '../parts/panel-action';
import { ReasonButton } from '../parts/ReasonAction';

type Status = 'pending_activation' | 'active' | 'deactivated';

export function CustomersScreen() {
  const { t, i18n } = useTranslation('admin');
  const [status, setStatus] = useState<Status>('pending_activation');
  const q = useBridgeQuery('online.customers', { status }, { retry: false });
  const rows = q.data?.customers ?? [];
  const columns = useMemo<WorkColumn<Customer>[]>(
    () => [
      textColumn('company', t('customers.col.company'), 'minmax(160px, 1.2fr)', (c) => c.companyName, {
        strong: true,
      }),
      textColumn('contact', t('customers.col.contact'), 'minmax(120px, 0.8fr)', (c) => c.contactName),
      textColumn('email', t('customers.col.email'), 'minmax(150px, 1fr)', (c) => c.email),
      textColumn(
        'registered',
        t('customers.col.registered'),
        '196px',
        (c) => formatDateTime(c.registeredAt, i18n.language),
        { num: true },
      ),
    ],
    [t, i18n.language],
  );
  return (
    <ListScreen
      title={t('customers.title')}
      tools={
        <SegmentedControl
          size="xs"
          aria-label={t('customers.filter')}
          value={status}
          onChange={(v) => setStatus(v as Status)}
          data={(['pending_activation', 'active', 'deactivated'] as const).map((s) => ({
            value: s,
            label: msg(STATUS_LABELS[s], i18n.language),
          }))}
        />
      }
      query={q}
      rows={rows}
      rowKey={(c) => c.id}
      columns={columns}
      empty={{
        title: status === 'pending_activation' ? t('customers.emptyWaiting') : t('customers.empty'),
        hint: t('customers.emptyHint'),
      }}
      panel={{
        label: (c) => c.companyName,
        render: (c, done) => <CustomerPanel customer={c} onDone={done} />,
      }}
      closeOn={status}
    />
  );
}

function CustomerPanel({ customer: c, onDone }: { customer: Customer; onDone: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const deactivate = useOnlineAction('online.customer.deactivate');
  const pending = c.status === 'pending_activation';
  const activate = useStepAction('online.customer.activate', onDone, () =>
    pending
      ? { input: { customerId: c.id }, success: t('customers.activated', { name: c.companyName }) }
      : null,
  );
  const fact = (label: string, value: string | null) => (
    <Stack gap={0}>
      <Text size="xs" c="dark.4">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Stack>
  );
  return (
    <ActionFrame
      title={pending ? t('customers.activateTitle') : t('customers.account')}
      {...activate}
      actions={
        <>
          {pending ? (
            <Button
              leftSection={<IconUserCheck size={16} />}
              loading={activate.action.busy}
              onClick={() => void activate.submit()}
            >
              {t('customers.activate')} (Ctrl+Enter)
            </Button>
          ) : c.status === 'active' ? (
            <ReasonButton
              label={t('customers.deactivate')}
              icon={<IconUserOff size={16} />}
              consequence={t('customers.deactivateConsequence')}
              send={(reason) =>
                deactivate.runOrThrow({ customerId: c.id, reason }, t('customers.deactivated'))
              }
              onDone={onDone}
            />
          ) : null}
        </>
      }
    >
      <Text component="h2" fw={700} size="md" m={0}>
        {c.companyName}
      </Text>
      {fact(t('customers.col.contact'), c.contactName)}
      {fact(t('customers.col.email'), c.email)}
      {fact(t('customers.phone'), c.phone)}
      {fact('NPWP', c.npwp)}
      {fact(t('customers.address'), c.address)}
      {fact(t('customers.col.registered'), formatDateTime(c.registeredAt, i18n.language))}
    </ActionFrame>
  );
}
