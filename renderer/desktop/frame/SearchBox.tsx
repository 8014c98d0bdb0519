/**
 * The top bar's search (Ctrl+K) by order, sample or LHU number over the working copy
 * (`worklist.page` with `search`). Arrow keys pick a result; Enter opens the sample.
 */
import { forwardRef, useEffect, useState } from 'react';
import { Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../bridge/hooks';
import { StepChip } from '../../components/StepChip';

export const SearchBox = forwardRef<
  HTMLInputElement,
  { onOpen: (orderId: string, sampleId: string) => void; hideCustomer: boolean }
>(function SearchBox({ onOpen, hideCustomer }, ref) {
  const { t } = useTranslation('frame');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 150);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const enabled = q.length >= 2;
  const found = useBridgeQuery('worklist.page', { search: q, limit: 8 }, { enabled });
  const rows = enabled ? (found.data?.rows ?? []) : [];

  useEffect(() => {
    if (rows.length > 0) combobox.selectFirstOption();
  }, [found.data]);

  return (
    <Combobox
      store={combobox}
      width={520}
      position="bottom-start"
      onOptionSubmit={(value) => {
        const [orderId, sampleId] = value.split('|');
        if (orderId && sampleId) {
          onOpen(orderId, sampleId);
          setText('');
          combobox.closeDropdown();
        }
      }}
    >
      <Combobox.Target>
        <TextInput
          ref={ref}
          w={340}
          size="sm"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={15} aria-hidden />}
          rightSection={found.isFetching && enabled ? <Loader size={12} /> : <Kbd size="xs">Ctrl K</Kbd>}
          rightSectionWidth={58}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => text && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setText('');
              combobox.closeDropdown();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={text.trim().length === 0}>
        <Combobox.Options aria-label={t('search.label')}>
          {!enabled ? (
            <Combobox.Empty>{t('search.typeMore')}</Combobox.Empty>
          ) : rows.length === 0 && !found.isFetching ? (
            <Combobox.Empty>{t('search.nothing')}</Combobox.Empty>
          ) : (
            rows.map((r) => (
              // The highlighted result is light blue with dark text (styles.css .search-option):
              // Mantine's filled blue left the step chip and the grey lines below 4.5:1.
              <Combobox.Option key={r.id} value={`${r.order_id}|${r.id}`} className="search-option">
                {/* Two lines for every result (the number, then order · type · customer) and a
                    step chip that never shrinks: results line up whatever their lengths. */}
                <Group gap="sm" wrap="nowrap" justify="space-between">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} className="num" style={{ textAlign: 'left' }} truncate>
                      {r.sample_number ?? r.order_number ?? '—'}
                    </Text>
                    <Text size="xs" c="gray.7" truncate>
                      {[r.order_number, r.sample_type_name, hideCustomer ? null : r.customer_label]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </div>
                  <div style={{ flexShrink: 0 }}>
                    <StepChip step={r.step ?? null} size="xs" nativeTip />
                  </div>
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
        {rows.length > 0 && (
          <Combobox.Footer>
            <Text size="xs" c="gray.7">
              {t('search.hint')}
            </Text>
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
});
