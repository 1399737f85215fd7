import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client';
import { i18n } from '../i18n';

/** Show an error to the user: the contract's Vietnamese message, under a translated title. */
export function notifyError(err: unknown, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? i18n.t('common:errors.title'),
    message: errorMessage(err),
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
