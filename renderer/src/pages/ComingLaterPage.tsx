import { EmptyState, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An honest page for a feature that is not built yet. */
export function ComingLaterPage({ feature }: { feature: 'exchange' }) {
  const { t } = useTranslation();
  const text = { exchange: { title: t('comingLater.exchangeTitle'), description: t('comingLater.exchangeDescription') } }[feature];
  return (
    <Stack>
      <Title order={2}>{text.title}</Title>
      <EmptyState title={t('comingLater.heading')} description={text.description} />
    </Stack>
  );
}
