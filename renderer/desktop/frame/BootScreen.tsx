import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** While the engine answers its first call (a second at most): the app's name, not a blank page. */
export function BootScreen() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Stack align="center" gap="xs">
        <Text fw={700} size="xl">
          {t('appName')}
        </Text>
        <Loader size="sm" aria-label={t('loading')} />
      </Stack>
    </Center>
  );
}
