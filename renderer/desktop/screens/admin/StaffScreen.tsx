/**
 * Staff accounts: every account with role and lab; a new account (react-hook-form with the
 * server's CreateUserRequestSchema: the lab is required for lab roles, the NIP for a Kepala
 * Balai, as the server checks); deactivate or reactivate one (their sessions end at once).
 */
import { useState } from 'react';
import { Badge, Box, Button, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CreateUserRequestSchema, STAFF_ROLES, type PublicUser } from '../../../../shared/api/http';
import { useBridgeQuery } from '../../../bridge/hooks';
import { useOnlineAction } from '../online/useOnlineAction';
import { QueryPage } from '../parts/ListScreen';
import { useCreateForm } from '../parts/panel-action';
import { FormPanel, SelectField, TextField } from './FormPanel';
import { roleLabel } from '../../../lib/sop-labels';

export function StaffScreen() {
  const { t, i18n } = useTranslation('admin');
  const users = useBridgeQuery('online.users', {}, { retry: false });
  const catalog = useBridgeQuery('online.catalog', {}, { retry: false, staleTime: 5 * 60_000 });
  const labName = (id: string | null) =>
    id ? (catalog.data?.labs.find((l) => l.id === id)?.code ?? '…') : '—';
  const [creating, setCreating] = useState(false);
  const toggle = useOnlineAction('online.user.update');
  const roleName = (r: string) => roleLabel(r, i18n.language);
  return (
    <QueryPage
      title={t('staff.title')}
      query={users}
      skeletonRows={10}
      side={
        creating
          ? {
              label: t('staff.new'),
              content: (
                <NewStaffForm
                  labs={(catalog.data?.labs ?? []).map((l) => ({
                    value: l.id,
                    label: `${l.code} · ${l.name}`,
                  }))}
                  roleLabel={roleName}
                  onDone={() => setCreating(false)}
                />
              ),
            }
          : null
      }
      tools={
        <Button size="compact-sm" leftSection={<IconUserPlus size={14} />} onClick={() => setCreating(true)}>
          {t('staff.new')}
        </Button>
      }
      intro={
        toggle.error && (
          <Text size="sm" c="red.8" px="md" role="alert">
            {toggle.error}
          </Text>
        )
      }
    >
      <Box style={{ overflow: 'auto', flex: 1 }} px="md">
        <Table fz={13} verticalSpacing={4} stickyHeader highlightOnHover aria-label={t('staff.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.col.name')}</Table.Th>
              <Table.Th>{t('staff.col.username')}</Table.Th>
              <Table.Th>{t('staff.col.role')}</Table.Th>
              <Table.Th>{t('staff.col.lab')}</Table.Th>
              <Table.Th>{t('staff.col.status')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('staff.col.action')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data?.users ?? []).map((u) => (
              <StaffRow
                key={u.id}
                user={u}
                role={roleName(u.role)}
                lab={labName(u.labId)}
                onToggle={() =>
                  void toggle.run(
                    { userId: u.id, patch: { active: !u.active } },
                    u.active
                      ? t('staff.deactivated', { name: u.name })
                      : t('staff.reactivated', { name: u.name }),
                  )
                }
              />
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </QueryPage>
  );
}

/** One account: who, role and lab, whether it is active, and the button that turns that around. */
function StaffRow({
  user: u,
  role,
  lab,
  onToggle,
}: {
  user: PublicUser;
  role: string;
  lab: string;
  onToggle: () => void;
}) {
  const { t } = useTranslation('admin');
  const turn = u.active ? t('staff.deactivate') : t('staff.reactivate');
  return (
    <Table.Tr>
      <Table.Td>{u.name}</Table.Td>
      <Table.Td>{u.username}</Table.Td>
      <Table.Td>{role}</Table.Td>
      <Table.Td>{lab}</Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          color={u.active ? 'teal' : 'gray'}
          c={u.active ? 'teal.9' : 'dark.5'}
          tt="none"
        >
          {u.active ? t('staff.active') : t('staff.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-xs"
          variant="subtle"
          color={u.active ? 'red' : 'sippt'}
          aria-label={`${turn} ${u.name}`}
          onClick={onToggle}
        >
          {turn}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function NewStaffForm({
  labs,
  roleLabel,
  onDone,
}: {
  labs: { value: string; label: string }[];
  roleLabel: (r: string) => string;
  onDone: () => void;
}) {
  const { t } = useTranslation('admin');
  const { form, panel } = useCreateForm('online.user.create', CreateUserRequestSchema, {
    defaultValues: { username: '', password: '', name: '', role: 'analis', labId: null, nip: null },
    input: (v) => ({ ...v, nip: v.nip || null, labId: v.labId || null }),
    success: (v) => t('staff.created', { name: v.name }),
    onDone,
  });
  return (
    <FormPanel title={t('staff.new')} submitLabel={t('staff.create')} fitButton {...panel}>
      <TextField form={form} name="name" label={t('staff.col.name')} required />
      <TextField form={form} name="username" label={t('staff.col.username')} required autoComplete="off" />
      <TextField
        form={form}
        name="password"
        label={t('staff.password')}
        required
        autoComplete="new-password"
        secret
      />
      <SelectField
        form={form}
        name="role"
        label={t('staff.col.role')}
        required
        data={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
      />
      <SelectField
        form={form}
        name="labId"
        label={t('staff.col.lab')}
        description={t('staff.labHint')}
        data={labs}
      />
      <TextField
        form={form}
        name="nip"
        label="NIP"
        description={t('staff.nipHint')}
        options={{ setValueAs: (v: string) => (v ? v : null) }}
      />
    </FormPanel>
  );
}
