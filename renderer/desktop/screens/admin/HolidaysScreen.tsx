/**
 * The unit's holiday list (libur nasional, cuti bersama), which the SOP's working-day clock skips
 * (step 14: 14 hari kerja). Edits are a draft on this screen until *Simpan* (Ctrl+S) sends the whole
 * list; offline the draft stays here, with "perlu koneksi".
 */
import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler, useHotkeys } from '@mantine/hooks';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { HolidaySchema, type HolidayEntry } from '../../../../shared/api/calendar';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDate } from '../../../lib/format';
import { useOnlineAction } from '../online/useOnlineAction';
import { QueryPage } from '../parts/ListScreen';
import { addHoliday, changed, removeHoliday, yearsOf } from './holiday-draft';

export function HolidaysScreen() {
  const { t, i18n } = useTranslation('admin');
  const q = useBridgeQuery('online.holidays', {}, { retry: false });
  const save = useOnlineAction('online.holidays.save');
  const [draft, setDraft] = useState<HolidayEntry[] | null>(null);
  useEffect(() => {
    if (q.data && draft === null) setDraft(q.data.holidays);
  }, [q.data, draft]);
  const list = draft ?? [];
  const years = useMemo(() => yearsOf(list), [list]);
  const [year, setYear] = useState<string | null>(null);
  const shownYear = year ?? String(new Date().getFullYear());
  const [form, setForm] = useState<{ date: string; name: string; kind: HolidayEntry['kind'] }>({
    date: '',
    name: '',
    kind: 'libur_nasional',
  });
  const [formError, setFormError] = useState<{ date?: string; name?: string }>({});
  const dirty = q.data && draft ? changed(q.data.holidays, draft) : false;

  const add = () => {
    const parsed = HolidaySchema.safeParse(form);
    if (!parsed.success) {
      const e: { date?: string; name?: string } = {};
      for (const i of parsed.error.issues)
        e[i.path[0] as 'date' | 'name'] = t('holidays.invalid.' + String(i.path[0]));
      setFormError(e);
      return;
    }
    const next = addHoliday(list, parsed.data);
    if (next === 'duplicate') return setFormError({ date: t('holidays.duplicate') });
    setDraft(next);
    setYear(parsed.data.date.slice(0, 4));
    setForm({ date: '', name: '', kind: form.kind });
    setFormError({});
  };
  const submit = async () => {
    if (!draft) return;
    const r = await save.run({ holidays: draft }, t('holidays.saved', { count: draft.length }));
    if (r) setDraft(r.holidays);
  };
  useHotkeys([['mod+S', () => void submit()]], []);
  const rows = list.filter((h) => h.date.startsWith(shownYear));
  return (
    <QueryPage
      title={t('holidays.title')}
      query={q}
      tools={
        <Group gap="xs">
          {dirty && (
            <Badge color="orange" variant="light" c="dark.7" tt="none">
              {t('holidays.unsaved')}
            </Badge>
          )}
          <Button
            size="compact-sm"
            leftSection={<IconDeviceFloppy size={14} />}
            disabled={!dirty}
            loading={save.busy}
            onClick={() => void submit()}
          >
            {t('holidays.save')} (Ctrl+S)
          </Button>
        </Group>
      }
      hint={t('holidays.hint')}
      intro={
        save.error && (
          <Text size="sm" c={save.offline ? 'dark.7' : 'red.9'} px="md" role="alert">
            {save.error}
          </Text>
        )
      }
    >
      <Box px="md" style={{ overflow: 'auto', flex: 1 }}>
        <Group align="flex-end" gap="xs" my="xs" onKeyDown={getHotkeyHandler([['Enter', add]])}>
          <TextInput
            label={t('holidays.date')}
            placeholder="2026-08-17"
            w={140}
            value={form.date}
            onChange={(e) => setForm({ ...form, date: e.currentTarget.value })}
            error={formError.date}
          />
          <TextInput
            label={t('holidays.name')}
            style={{ flex: 1 }}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={formError.name}
          />
          <Select
            label={t('holidays.kind')}
            w={170}
            allowDeselect={false}
            value={form.kind}
            onChange={(v) => setForm({ ...form, kind: (v ?? 'libur_nasional') as HolidayEntry['kind'] })}
            data={[
              { value: 'libur_nasional', label: t('holidays.libur_nasional') },
              { value: 'cuti_bersama', label: t('holidays.cuti_bersama') },
            ]}
          />
          <Button leftSection={<IconPlus size={14} />} variant="light" onClick={add}>
            {t('holidays.add')} (Enter)
          </Button>
        </Group>
        <Group gap="xs" mb="xs">
          <Select
            size="xs"
            w={110}
            aria-label={t('holidays.year')}
            allowDeselect={false}
            data={[...new Set([shownYear, ...years])].sort().reverse()}
            value={shownYear}
            onChange={(v) => setYear(v)}
          />
          <Text size="xs" c="dark.4">
            {t('holidays.countYear', { count: rows.length })}
          </Text>
        </Group>
        <Table fz={13} verticalSpacing={3} aria-label={t('holidays.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('holidays.date')}</Table.Th>
              <Table.Th>{t('holidays.name')}</Table.Th>
              <Table.Th w={160}>{t('holidays.kind')}</Table.Th>
              <Table.Th w={50}>
                <span className="visually-hidden">{t('holidays.remove')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((h) => (
              <Table.Tr key={h.date}>
                <Table.Td className="num">{formatDate(`${h.date}T05:00:00Z`, i18n.language)}</Table.Td>
                <Table.Td>{h.name}</Table.Td>
                <Table.Td>{t(`holidays.${h.kind}`)}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('holidays.remove')} ${h.name}`}
                    onClick={() => setDraft(removeHoliday(list, h.date))}
                  >
                    <IconTrash size={15} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </QueryPage>
  );
}
