/**
 * Xuất gói: which plans go (chosen ones, or all of the office's own), to whom, the passphrase a MẬT plan needs, then
 * main's save dialog. The file is written safely and read back before "Đã ghi"; a large package shows its progress.
 */
import { useState } from 'react';
import { Alert, Autocomplete, Button, Checkbox, Group, List, PasswordInput, Progress, Radio, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExportSummary } from '../../../../shared/api';
import { errorMessage } from '../../api/client';
import { invalidateAfter, useApiMutation, useApiQuery } from '../../api/queries';
import { planStatusLabels } from '../../i18n/labels';
import { planDateLabel, planNumberLabel } from '../plans/planLabels';

const MIN_PASSPHRASE = 8;
/** Plans the picker shows at once (a search narrows the list). */
const PICKER_LIMIT = 200;

type Scope = 'selected' | 'term' | 'sinceLast' | 'all';
const SCOPES: readonly Scope[] = ['selected', 'term', 'sinceLast', 'all'];

export function ExportPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [scope, setScope] = useState<Scope>('selected');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const [receiverId, setReceiverId] = useState<string | null>(null);
  const self = useApiQuery('org.getSelf', {});
  const taskOptions = useApiQuery('task.filterOptions', {});
  const [term, setTerm] = useState<string | null>(null);
  const termValue = term ?? self.data?.term ?? '';
  const terms = [...new Set([self.data?.term ?? '', ...(taskOptions.data?.terms ?? [])].filter(Boolean))];
  const [encrypt, setEncrypt] = useState(false);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [written, setWritten] = useState<{ fileName: string; summary: ExportSummary | null } | null>(null);
  const plans = useApiQuery('plan.list', { origin: 'ours', query, limit: PICKER_LIMIT }, { placeholderData: (previous) => previous });
  const trust = useApiQuery('exchange.trustList', {});
  const save = useApiMutation('file.chooseSave', { silent: true });
  const statusLabels = planStatusLabels(t);

  const tooShort = encrypt && first.length < MIN_PASSPHRASE;
  const mismatch = encrypt && first !== second;
  const nothingChosen = (scope === 'selected' && chosen.size === 0) || (scope === 'term' && termValue.trim() === '') || (scope === 'sinceLast' && !receiverId);
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onExport = () => {
    setWritten(null);
    const input = {
      ...(scope === 'selected' ? { planIds: [...chosen] } : {}),
      ...(scope === 'term' ? { term: termValue.trim() } : {}),
      ...(scope === 'sinceLast' ? { sinceLast: true } : {}),
      ...(receiverId ? { receiverId } : {}),
      ...(encrypt ? { passphrase: first } : {}),
    };
    save.mutate(
      { source: { kind: 'exchange.khx', export: input } },
      {
        onSuccess: (result) => {
          // The package is entered in the Sổ trao đổi once it is made.
          void invalidateAfter(client, 'exchange.exportPackage');
          if (result.saved) setWritten({ fileName: result.fileName, summary: result.exchange ?? null });
        },
      },
    );
  };

  const receivers = (trust.data ?? []).filter((o) => o.status === 'trusted');

  return (
    <Stack>
      <Radio.Group label={t('exchange.export.scope')} value={scope} onChange={(v) => setScope(SCOPES.find((x) => x === v) ?? 'selected')}>
        <Stack gap={6} mt={6}>
          <Radio value="selected" label={t('exchange.export.scopeSelected')} />
          <Radio value="term" label={t('exchange.export.scopeTerm')} />
          <Radio value="sinceLast" label={t('exchange.export.scopeSinceLast')} description={t('exchange.export.scopeSinceLastHint')} />
          <Radio value="all" label={t('exchange.export.scopeAll')} />
        </Stack>
      </Radio.Group>

      {scope === 'term' && <Autocomplete label={t('exchange.export.term')} data={terms} value={termValue} onChange={setTerm} style={{ maxWidth: 280 }} />}

      {scope === 'selected' && (
        <Stack gap="xs">
          <TextInput type="search" label={t('exchange.export.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ maxWidth: 420 }} />
          <ScrollArea.Autosize mah={320} type="auto">
            <Table aria-label={t('exchange.export.pickerLabel')} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th>{t('plans.colNumber')}</Table.Th>
                  <Table.Th>{t('plans.colTrichYeu')}</Table.Th>
                  <Table.Th>{t('plans.colDate')}</Table.Th>
                  <Table.Th>{t('plans.colStatus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(plans.data?.items ?? []).map((plan) => (
                  <Table.Tr key={plan.id} style={{ cursor: 'pointer' }} onClick={() => toggle(plan.id)}>
                    <Table.Td>
                      <Checkbox
                        checked={chosen.has(plan.id)}
                        onChange={() => toggle(plan.id)}
                        onClick={(e) => e.stopPropagation()}
                        aria-label={t('exchange.export.choose', { name: plan.trichYeu || t('plans.untitled') })}
                      />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{planNumberLabel(t, plan)}</Table.Td>
                    <Table.Td>{plan.trichYeu || t('plans.untitled')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{planDateLabel(plan)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{statusLabels[plan.status]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Text size="sm" c="dimmed">
            {t('exchange.export.chosenCount', { count: chosen.size })}
          </Text>
        </Stack>
      )}

      <Select
        label={t('exchange.export.receiver')}
        description={scope === 'sinceLast' ? t('exchange.export.receiverNeeded') : t('exchange.export.receiverHint')}
        placeholder={t('exchange.export.noReceiver')}
        clearable
        data={receivers.map((o) => ({ value: o.officeId, label: o.name || o.fingerprint }))}
        value={receiverId}
        onChange={setReceiverId}
        style={{ maxWidth: 420 }}
      />

      <Stack gap="xs">
        <Checkbox label={t('exchange.export.encrypt')} description={t('exchange.export.encryptHint')} checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} />
        {encrypt && (
          <Group align="flex-start" grow style={{ maxWidth: 640 }}>
            <PasswordInput
              label={t('exchange.passphrase')}
              value={first}
              onChange={(e) => setFirst(e.currentTarget.value)}
              error={first && tooShort ? t('exchange.passphraseShort', { count: MIN_PASSPHRASE }) : undefined}
            />
            <PasswordInput
              label={t('exchange.passphraseAgain')}
              value={second}
              onChange={(e) => setSecond(e.currentTarget.value)}
              error={second && mismatch ? t('exchange.passphraseMismatch') : undefined}
            />
          </Group>
        )}
        <Alert color="blue" title={t('exchange.secrecyTitle')}>
          <List size="sm" spacing={4}>
            <List.Item>{t('exchange.secrecyMat')}</List.Item>
            <List.Item>{t('exchange.secrecyNotCoYeu')}</List.Item>
            <List.Item>{t('exchange.secrecyToiMat')}</List.Item>
          </List>
        </Alert>
      </Stack>

      <Group>
        <Button onClick={onExport} loading={save.isPending} disabled={nothingChosen || (encrypt && (tooShort || mismatch))}>
          {t('exchange.export.button')}
        </Button>
      </Group>

      {save.isPending && (
        <Stack gap={4} role="status" aria-live="polite">
          <Progress value={100} striped animated aria-label={t('exchange.export.progress')} />
          <Text size="sm" c="dimmed">
            {t('exchange.export.progress')}
          </Text>
        </Stack>
      )}
      {save.isError && (
        <Alert color="red" title={t('exchange.export.failed')}>
          {errorMessage(save.error)}
        </Alert>
      )}
      {written && (
        <Alert color="green" title={t('exchange.export.written', { fileName: written.fileName })} role="status">
          {written.summary && (
            <Stack gap={4}>
              <Text size="sm">
                {t('exchange.export.writtenSummary', { plans: written.summary.plans, documents: written.summary.documents, tasks: written.summary.tasks, reports: written.summary.reports })}
                {written.summary.encrypted ? ` ${t('exchange.export.writtenEncrypted')}` : ''}
              </Text>
              {written.summary.orgs > 0 && <Text size="sm">{t('exchange.export.writtenOrgs', { count: written.summary.orgs })}</Text>}
              {written.summary.since && <Text size="sm">{t('exchange.export.writtenSince', { date: dayjs(written.summary.since).format('DD/MM/YYYY HH:mm') })}</Text>}
              {written.summary.profileMissing && <Text size="sm">{t('exchange.export.profileMissing')}</Text>}
              {written.summary.skipped.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('exchange.export.skipped', { count: written.summary.skipped.length })}
                  </Text>
                  <List size="sm">
                    {written.summary.skipped.map((s) => (
                      <List.Item key={s.id}>
                        {s.title || t('plans.untitled')}: {s.reason}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          )}
        </Alert>
      )}
    </Stack>
  );
}
