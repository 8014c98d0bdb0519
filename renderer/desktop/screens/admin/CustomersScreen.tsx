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
import { ReasonDialog } from '../../../components/ReasonDialog';
import { formatDateTime } from '../../../lib/format';
import { msg } from '../../../lib/message';
import { PanelFrame } from '../online/PanelFrame';
import { useOnlineAction } from '../online/useOnlineAction';
import { OnlinePage, SidePanel, WithSidePanel } from '../online/OnlinePage';
import { WorkListBody } from '../online/WorkListBody';
import { textColumn, WorkTable, type WorkColumn } from '../online/WorkTable';

type Status = 'pending_activation' | 'active' | 'deactivated';

export function CustomersScreen() {
  const { t, i18n } = useTranslation('admin');
  const [status, setStatus] = useState<Status>('pending_activation');
  const q = useBridgeQuery('online.customers', { status }, { retry: false });
  const rows = q.data?.customers ?? [];
  const [openId, setOpenId] = useState<string | null>(null);
  const open = rows.find((c) => c.id === openId) ?? null;
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
        '170px',
        (c) => formatDateTime(c.registeredAt, i18n.language),
        { num: true },
      ),
    ],
    [t, i18n.language],
  );
  return (
    <WithSidePanel
      panel={
        open && (
          <SidePanel label={open.companyName}>
            <CustomerPanel key={open.id} customer={open} onDone={() => setOpenId(null)} />
          </SidePanel>
        )
      }
    >
      <OnlinePage
        title={t('customers.title')}
        error={q.error}
        onRetry={() => void q.refetch()}
        tools={
          <SegmentedControl
            size="xs"
            aria-label={t('customers.filter')}
            value={status}
            onChange={(v) => {
              setStatus(v as Status);
              setOpenId(null);
            }}
            data={(['pending_activation', 'active', 'deactivated'] as const).map((s) => ({
              value: s,
              label: msg(STATUS_LABELS[s], i18n.language),
            }))}
          />
        }
      >
        <WorkListBody
          query={q}
          count={rows.length}
          empty={{
            title: status === 'pending_activation' ? t('customers.emptyWaiting') : t('customers.empty'),
            hint: t('customers.emptyHint'),
          }}
        >
          <WorkTable
            label={t('customers.title')}
            rows={rows}
            rowKey={(c) => c.id}
            columns={columns}
            openKey={openId}
            onOpen={(c) => setOpenId(c.id)}
          />
        </WorkListBody>
      </OnlinePage>
    </WithSidePanel>
  );
}

function CustomerPanel({ customer: c, onDone }: { customer: Customer; onDone: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const activate = useOnlineAction('online.customer.activate');
  const deactivate = useOnlineAction('online.customer.deactivate');
  const [asking, setAsking] = useState(false);
  const pending = c.status === 'pending_activation';
  const submit = async () => {
    if (!pending) return;
    const r = await activate.run({ customerId: c.id }, t('customers.activated', { name: c.companyName }));
    if (r) onDone();
  };
  const fact = (label: string, value: string | null) => (
    <Stack gap={0}>
      <Text size="xs" c="dark.4">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Stack>
  );
  return (
    <PanelFrame
      title={pending ? t('customers.activateTitle') : t('customers.account')}
      onClose={onDone}
      error={activate.error}
      offline={activate.offline}
      onSubmitKey={() => void submit()}
      actions={
        <>
          {pending ? (
            <Button
              leftSection={<IconUserCheck size={16} />}
              loading={activate.busy}
              onClick={() => void submit()}
            >
              {t('customers.activate')} (Ctrl+Enter)
            </Button>
          ) : c.status === 'active' ? (
            <Button
              color="red"
              variant="light"
              leftSection={<IconUserOff size={16} />}
              onClick={() => setAsking(true)}
            >
              {t('customers.deactivate')}
            </Button>
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
      <ReasonDialog
        danger={false}
        opened={asking}
        title={t('customers.deactivate')}
        consequence={t('customers.deactivateConsequence')}
        confirmLabel={t('customers.deactivate')}
        onClose={() => setAsking(false)}
        onConfirm={async (reason) => {
          await deactivate.runOrThrow({ customerId: c.id, reason }, t('customers.deactivated'));
          setAsking(false);
          onDone();
        }}
      />
    </PanelFrame>
  );
}
