import { useState } from 'react';
import { Alert, Anchor, Badge, EmptyState, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegisterEntry } from '../../../../shared/api';
import { formatDocSymbol } from '../../../../shared/format';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';
import { planStatusLabels } from '../../i18n/labels';
import { planDateLabel, statusColor } from '../plans/planLabels';

/** The register's term key is the profile's term without spaces ("2025 - 2030" → "2025-2030"). */
const termKey = (term: string) => term.replace(/\s+/g, '');

function EntryStatus({ entry }: { entry: RegisterEntry }) {
  const { t } = useTranslation();
  if (!entry.plan) return <Badge variant="light" color="gray" tt="none">{t('register.gone')}</Badge>;
  if (entry.plan.deletedAt) return <Badge variant="light" color="red" tt="none">{t('register.inBin')}</Badge>;
  return (
    <Badge variant="light" tt="none" color={statusColor[entry.plan.status]}>
      {planStatusLabels(t)[entry.plan.status]}
    </Badge>
  );
}

/** #/register: Sổ văn bản đi, the numbers allocated per issuer symbol, document type and term, with their plans. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const self = useApiQuery('org.getSelf', {});
  // undefined: not chosen yet (the profile's current term once known); '': every term.
  const [chosenTerm, setChosenTerm] = useState<string | undefined>(undefined);
  const [symbol, setSymbol] = useState('');
  const [docType, setDocType] = useState('');
  const books = useApiQuery('register.list', {});
  const profileTerm = self.data ? termKey(self.data.term) : '';
  const term = chosenTerm ?? (books.data?.terms.includes(profileTerm) ? profileTerm : '');
  const register = useApiQuery(
    'register.list',
    { ...(term ? { term } : {}), ...(symbol ? { symbol } : {}), ...(docType ? { docType } : {}) },
    { placeholderData: (previous) => previous, enabled: !self.isPending && books.isSuccess },
  );

  if (self.isPending || books.isPending) return <PageLoader />;
  const failed = books.error ?? register.error;
  if (failed) {
    return (
      <Alert color="red" title={t('errors.loadFailed')}>
        {errorMessage(failed)}
      </Alert>
    );
  }
  const options = (all: string, values: string[]) => [{ value: '', label: all }, ...values.map((v) => ({ value: v, label: v }))];
  const entries = register.data?.entries ?? [];
  const all = books.data ?? { terms: [], symbols: [], docTypes: [] };

  return (
    <Stack>
      <Title order={2}>{t('register.title')}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('register.hint')}
      </Text>
      <Group align="flex-end">
        <NativeSelect label={t('register.term')} value={term} onChange={(e) => setChosenTerm(e.currentTarget.value)} data={options(t('register.allTerms'), all.terms)} />
        <NativeSelect label={t('register.symbol')} value={symbol} onChange={(e) => setSymbol(e.currentTarget.value)} data={options(t('register.allSymbols'), all.symbols)} />
        <NativeSelect label={t('register.docType')} value={docType} onChange={(e) => setDocType(e.currentTarget.value)} data={options(t('register.allDocTypes'), all.docTypes)} />
      </Group>
      {register.isPending ? (
        <PageLoader />
      ) : entries.length === 0 ? (
        <EmptyState title={t('register.emptyTitle')} description={t('register.emptyHint')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('register.tableLabel')} aria-busy={register.isFetching} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('register.colNumber')}</Table.Th>
                  <Table.Th>{t('register.colTrichYeu')}</Table.Th>
                  <Table.Th>{t('register.colDate')}</Table.Th>
                  <Table.Th>{t('register.colStatus')}</Table.Th>
                  {!term && <Table.Th>{t('register.colTerm')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={500}>
                        {formatDocSymbol(entry.number, entry.docType, entry.symbol)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.plan && !entry.plan.deletedAt ? (
                        <Anchor component={Link} to={`/plans/${entry.plan.id}`} size="sm" c="inherit">
                          {entry.plan.trichYeu || t('plans.untitled')}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {entry.plan ? entry.plan.trichYeu || t('plans.untitled') : '—'}
                        </Text>
                      )}
                      {entry.plan && entry.plan.number !== entry.number && (
                        <Text size="xs" c="orange.8">
                          {t('register.numberChanged', { number: entry.plan.number || '—' })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{entry.plan ? planDateLabel(entry.plan) : '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <EntryStatus entry={entry} />
                    </Table.Td>
                    {!term && <Table.Td style={{ whiteSpace: 'nowrap' }}>{entry.term}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed">
            {t('register.total', { count: entries.length })}
          </Text>
        </>
      )}
    </Stack>
  );
}
