import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';

/**
 * The first thing to do before any plan: declare the office's profile in Cài đặt. Shown on the start page and the
 * plans list while no profile is stored (nothing while it is loading or when it failed to load).
 */
export function FirstRunHint() {
  const { t } = useTranslation();
  const self = useApiQuery('org.getSelf', {});
  if (self.data !== null) return null;
  return (
    <Alert color="blue" title={t('plans.firstRunTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('plans.firstRunText')}</Text>
        <Anchor component={Link} to="/settings" size="sm" fw={500}>
          {t('plans.firstRunLink')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
