import { useCallback, useState } from 'react';
import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';
import { LeaveGuard } from '../../components/LeaveGuard';
import { BackupPanel } from './backup/BackupPanel';
import { DisplayPreferences } from './DisplayPreferences';
import { FormatProfileForm } from './FormatProfileForm';
import { OfficeKeyPanel } from './OfficeKeyPanel';
import { ProfileForm } from './ProfileForm';
import { RecipientPresets } from './RecipientPresets';

export default function SettingsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const profile = useApiQuery('org.getSelf', {});
  const settings = useApiQuery('settings.get', {});
  const [profileDirty, setProfileDirty] = useState(false);
  const [formatDirty, setFormatDirty] = useState(false);
  const onProfileDirty = useCallback((dirty: boolean) => setProfileDirty(dirty), []);
  const onFormatDirty = useCallback((dirty: boolean) => setFormatDirty(dirty), []);

  if (profile.isPending || settings.isPending) return <PageLoader />;
  if (profile.isError || settings.isError) {
    return (
      <Alert color="red" title={t('errors.loadFailed')}>
        {errorMessage(profile.error ?? settings.error)}
      </Alert>
    );
  }
  return (
    <Stack>
      <LeaveGuard dirty={profileDirty || formatDirty} />
      <Title order={2}>{t('settings.title')}</Title>
      <Tabs key={params.get('tab') ?? ''} defaultValue={params.get('tab') ?? 'profile'}>
        <Tabs.List>
          <Tabs.Tab value="profile">{t('settings.tabProfile')}</Tabs.Tab>
          <Tabs.Tab value="display">{t('settings.tabDisplay')}</Tabs.Tab>
          <Tabs.Tab value="recipients">{t('settings.tabRecipients')}</Tabs.Tab>
          <Tabs.Tab value="format">{t('settings.tabFormat')}</Tabs.Tab>
          <Tabs.Tab value="backup">{t('settings.tabBackup')}</Tabs.Tab>
          <Tabs.Tab value="key">{t('settings.tabKey')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <ProfileForm initial={profile.data} onDirtyChange={onProfileDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="display" pt="md">
          <DisplayPreferences settings={settings.data} />
        </Tabs.Panel>
        <Tabs.Panel value="recipients" pt="md">
          <RecipientPresets settings={settings.data} />
        </Tabs.Panel>
        <Tabs.Panel value="format" pt="md">
          <FormatProfileForm initial={settings.data.formatProfile} onDirtyChange={onFormatDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="backup" pt="md">
          <BackupPanel />
        </Tabs.Panel>
        <Tabs.Panel value="key" pt="md">
          <OfficeKeyPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
