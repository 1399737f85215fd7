import { Suspense } from 'react';
import { AppShell, Burger, Center, Group, Loader, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataStateBanner } from './DataStateBanner';
import { LastBackupText } from '../pages/settings/backup/LastBackupText';
import { RecoveryNotice } from '../pages/settings/backup/RecoveryNotice';
import { LanguageSwitch } from './LanguageSwitch';
import { StartNotice } from './StartNotice';

/** Sidebar entries: path and the i18n key of the label. */
export const navItems = [
  { path: '/overview', label: 'nav.overview' },
  { path: '/plans', label: 'nav.plans' },
  { path: '/register', label: 'nav.register' },
  { path: '/tasks', label: 'nav.tasks' },
  { path: '/exchange', label: 'nav.exchange' },
  { path: '/directory', label: 'nav.directory' },
  { path: '/settings', label: 'nav.settings' },
] as const;

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Title order={1} size="h3" c="red.8" style={{ letterSpacing: '0.04em' }}>
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Link to="/settings?tab=backup" style={{ textDecoration: 'none' }} aria-label={t('backup.title')}>
              <Group visibleFrom="md">
                <LastBackupText />
              </Group>
            </Link>
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {navItems.map((item) => (
          <NavLink
            key={item.path}
            component={Link}
            to={item.path}
            label={t(item.label)}
            active={pathname === item.path || pathname.startsWith(`${item.path}/`)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <DataStateBanner />
        <RecoveryNotice />
        <StartNotice />
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
