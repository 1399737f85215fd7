import { Alert, Button, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';

/** Shown when a page crashes: what happened, and a way back. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Stack p="xl" maw={640}>
      <Alert color="red" title={t('errors.pageCrashed')}>
        {errorMessage(error)}
      </Alert>
      <Button
        w="fit-content"
        onClick={() => {
          window.location.hash = '#/plans';
          window.location.reload();
        }}
      >
        {t('errors.backToPlans')}
      </Button>
    </Stack>
  );
}
