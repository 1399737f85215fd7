/** The Sổ trao đổi (every package sent or received) and the sổ văn bản đến (every received plan), as tables. */
import { Alert, Anchor, Badge, EmptyState, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';

const when = (iso: string) => dayjs(iso).format('DD/MM/YYYY HH:mm');

export function ExchangeLogTable() {
  const { t } = useTranslation();
  const log = useApiQuery('exchange.log', {});
  if (log.isPending) return <PageLoader />;
  if (log.isError) return <Alert color="red">{errorMessage(log.error)}</Alert>;
  if (log.data.length === 0) return <EmptyState title={t('exchange.log.empty')} description={t('exchange.log.emptyHint')} />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={t('exchange.log.label')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.log.at')}</Table.Th>
            <Table.Th>{t('exchange.log.direction')}</Table.Th>
            <Table.Th>{t('exchange.log.office')}</Table.Th>
            <Table.Th>{t('exchange.log.what')}</Table.Th>
            <Table.Th>{t('exchange.log.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(line.at)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={line.direction === 'out' ? 'blue' : 'teal'} tt="none">
                  {line.direction === 'out' ? t('exchange.log.out') : t('exchange.log.in')}
                </Badge>
              </Table.Td>
              <Table.Td>{line.officeName || t('exchange.log.noOffice')}</Table.Td>
              <Table.Td>{line.summary}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" title={line.fileSha256}>
                  {line.fileSha256.slice(0, 16)}…
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function IncomingRegisterTable() {
  const { t } = useTranslation();
  const incoming = useApiQuery('exchange.incoming', {});
  if (incoming.isPending) return <PageLoader />;
  if (incoming.isError) return <Alert color="red">{errorMessage(incoming.error)}</Alert>;
  if (incoming.data.length === 0) return <EmptyState title={t('exchange.incoming.empty')} description={t('exchange.incoming.emptyHint')} />;
  const kinds = { new: t('exchange.verdict.new'), update: t('exchange.verdict.update'), conflict: t('exchange.verdict.conflict') };
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={t('exchange.incoming.label')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.incoming.receivedAt')}</Table.Th>
            <Table.Th>{t('exchange.incoming.from')}</Table.Th>
            <Table.Th>{t('exchange.incoming.number')}</Table.Th>
            <Table.Th>{t('exchange.incoming.docDate')}</Table.Th>
            <Table.Th>{t('exchange.incoming.trichYeu')}</Table.Th>
            <Table.Th>{t('exchange.incoming.kind')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {incoming.data.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e.receivedAt)}</Table.Td>
              <Table.Td>{e.fromName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.number}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.docDate}</Table.Td>
              <Table.Td>
                {e.planId ? (
                  <Anchor component={Link} to={`/plans/${e.planId}`} size="sm">
                    {e.trichYeu || t('plans.untitled')}
                  </Anchor>
                ) : (
                  e.trichYeu
                )}
              </Table.Td>
              <Table.Td>{kinds[e.kind]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
