import { useEffect, useState, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { DatesProvider } from '@mantine/dates';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createQueryClient, useApiQuery } from '../api/queries';
import { ConfirmProvider } from '../components/confirm';
import { applyLanguage } from '../i18n';
import { applyLargeText, theme } from './theme';
import { notifyError } from './notify';

/** Applies the stored preferences (language, larger text) once settings are loaded, and on every change. */
function PreferencesSync() {
  const settings = useApiQuery('settings.get', {});
  const language = settings.data?.language;
  const largeText = settings.data?.largeText;
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);
  useEffect(() => {
    if (largeText !== undefined) applyLargeText(largeText);
  }, [largeText]);
  return null;
}

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** Everything a page needs around it: theme, notifications, query cache, dates locale, preferences, the confirm dialog. */
export function AppProviders({ children, queryClient, env }: { children: ReactNode; queryClient?: QueryClient; env?: 'default' | 'test' }) {
  const [client] = useState(() => queryClient ?? createQueryClient(notifyError));
  return (
    <MantineProvider theme={theme} env={env}>
      <Notifications position="top-right" />
      <QueryClientProvider client={client}>
        <PreferencesSync />
        <LocalizedDates>
          <ConfirmProvider>{children}</ConfirmProvider>
        </LocalizedDates>
      </QueryClientProvider>
    </MantineProvider>
  );
}
