/** Every keyboard shortcut in one list (UI.md: "shortcuts are shown on the buttons and in tooltips"). */
import { Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const GROUPS: { title: string; rows: [string[], string][] }[] = [
  {
    title: 'groupGlobal',
    rows: [
      [['Ctrl', 'K'], 'search'],
      [['Alt', '1…9'], 'nav'],
      [['Ctrl', 'Shift', 'S'], 'syncNow'],
      [['Ctrl', 'Enter'], 'confirm'],
      [['Esc'], 'cancel'],
      [['?'], 'help'],
    ],
  },
  {
    title: 'groupList',
    rows: [
      [['↑', '↓'], 'rows'],
      [['PgUp', 'PgDn'], 'page'],
      [['Home', 'End'], 'ends'],
      [['Enter'], 'open'],
      [['Space'], 'select'],
    ],
  },
  {
    title: 'groupSample',
    rows: [
      [['Alt', 'H'], 'history'],
      [['Alt', '←'], 'back'],
    ],
  },
];

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('frame');
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{t('shortcuts.title')}</Text>} size="md">
      <Stack gap="md">
        {GROUPS.map((g) => (
          <div key={g.title}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
              {t(`shortcuts.${g.title}`)}
            </Text>
            <Table withRowBorders={false} verticalSpacing={3}>
              <Table.Tbody>
                {g.rows.map(([keys, what]) => (
                  <Table.Tr key={what}>
                    <Table.Td w={150}>
                      {keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' + '}
                          <Kbd size="xs">{k}</Kbd>
                        </span>
                      ))}
                    </Table.Td>
                    <Table.Td>{t(`shortcuts.${what}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
    </Modal>
  );
}
