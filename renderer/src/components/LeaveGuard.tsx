import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Asks before leaving the page while `dirty`: stay (keep the changes on screen) or leave without saving.
 * A router holds one blocker at a time, so a page mounts one guard for all its forms.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={t('leaveGuard.title')}
      message={t('leaveGuard.message')}
      confirmLabel={t('leaveGuard.leave')}
      danger
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}
