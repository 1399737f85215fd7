/**
 * Above every page: the data's state when it is not simply open. Read-only (a write-protected file or folder): she
 * can read and print, not save. Not opened at all (a full disk, another program holding the file, a damaged file…):
 * the backend's Vietnamese message, which says what to do.
 */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';

export function DataStateBanner() {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {}, { staleTime: Infinity });
  if (info.data?.readOnly) {
    return (
      <Alert color="orange" title={t('dataState.readOnlyTitle')} mb="sm" data-testid="read-only-banner">
        {t('dataState.readOnly')}
      </Alert>
    );
  }
  if (info.error) {
    return (
      <Alert color="red" title={t('dataState.notOpenedTitle')} mb="sm" data-testid="data-error-banner">
        {info.error.message}
      </Alert>
    );
  }
  return null;
}
