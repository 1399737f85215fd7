/**
 * Says when revisions of this plan were found damaged on disk and set aside: the plan opened at its newest intact
 * revision, the damaged ones stay in the history, marked, and cannot be restored.
 */
import { useState } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';

export function DamagedRevisionsNotice({ planId }: { planId: string }) {
  const { t } = useTranslation('editor');
  const [closed, setClosed] = useState(false);
  const damaged = useApiQuery('plan.damagedRevisions', { id: planId });
  const items = damaged.data?.items ?? [];
  if (closed || !items.length) return null;
  return (
    <Alert color="orange" py={6} withCloseButton closeButtonLabel={t('damaged.close')} onClose={() => setClosed(true)} title={t('damaged.title')} data-testid="damaged-revisions">
      {t('damaged.body', { revisions: items.map((r) => r.revision).join(', ') })}
    </Alert>
  );
}
