import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('notFound.title')} description={t('notFound.description')}>
      <EmptyState.Actions>
        <Button component={Link} to="/plans">
          {t('errors.backToPlans')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
