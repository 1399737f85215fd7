/** #/exchange — Trao đổi dữ liệu: signed packages (.khx) carried on USB sticks between offices, and their registers. */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConflictsPanel } from './ConflictsPanel';
import { ExchangeLogTable, IncomingRegisterTable } from './ExchangeRegisters';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

const TABS = ['export', 'import', 'conflicts', 'log', 'incoming'] as const;
type Tab = (typeof TABS)[number];

export default function ExchangePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((x) => x === asked) ?? 'export';
  return (
    <Stack>
      <Title order={2}>{t('exchange.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('exchange.intro')}
      </Text>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'export' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="export">{t('exchange.tabExport')}</Tabs.Tab>
          <Tabs.Tab value="import">{t('exchange.tabImport')}</Tabs.Tab>
          <Tabs.Tab value="conflicts">{t('exchange.tabConflicts')}</Tabs.Tab>
          <Tabs.Tab value="log">{t('exchange.tabLog')}</Tabs.Tab>
          <Tabs.Tab value="incoming">{t('exchange.tabIncoming')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="export" pt="md">
          <ExportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md">
          <ConflictsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <ExchangeLogTable />
        </Tabs.Panel>
        <Tabs.Panel value="incoming" pt="md">
          <IncomingRegisterTable />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
