import { useState } from 'react';
import { Alert, Badge, Button, EmptyState, Group, NativeSelect, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { OrgKind, type Org } from '../../../../shared/model';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { notifySuccess } from '../../app/notify';
import { PageLoader } from '../../app/AppLayout';
import { useConfirm } from '../../components/confirm';
import { orgKindLabels, toSelectData } from '../../i18n/labels';
import { OrgModal } from './OrgModal';
import { TrustedOffices } from './TrustedOffices';

/** The directory of units and recipient bodies (org.list / org.save / org.remove). */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<OrgKind | ''>('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const orgs = useApiQuery('org.list', { query, ...(kind ? { kind } : {}) }, { placeholderData: (previous) => previous });
  const [modal, setModal] = useState<{ org: Org | null } | null>(null);
  const confirm = useConfirm();
  const remove = useApiMutation('org.remove', { onSuccess: () => notifySuccess(t('directory.deleted')) });
  const askDelete = async (org: Org) => {
    const ok = await confirm({ title: t('directory.deleteTitle'), message: t('directory.deleteMessage', { name: org.name }), confirmLabel: t('actions.delete'), danger: true });
    if (ok) remove.mutate({ id: org.id });
  };
  const kindLabels = orgKindLabels(t);
  const filtering = query !== '' || kind !== '';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('directory.title')}</Title>
        <Button onClick={() => setModal({ org: null })}>{t('directory.add')}</Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1, maxWidth: 420 }}
          type="search"
          label={t('directory.search')}
          placeholder={t('directory.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('directory.kindFilter')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value === '' ? '' : OrgKind.parse(event.currentTarget.value))}
          data={[{ value: '', label: t('directory.allKinds') }, ...toSelectData(kindLabels)]}
        />
      </Group>

      {orgs.isPending ? (
        <PageLoader />
      ) : orgs.isError ? (
        <Alert color="red" title={t('errors.loadFailed')}>
          {errorMessage(orgs.error)}
        </Alert>
      ) : orgs.data.length === 0 ? (
        filtering ? (
          <EmptyState title={t('directory.noMatch')} description={t('directory.noMatchHint')} />
        ) : (
          <EmptyState title={t('directory.emptyTitle')} description={t('directory.emptyHint')}>
            <EmptyState.Actions>
              <Button onClick={() => setModal({ org: null })}>{t('directory.add')}</Button>
            </EmptyState.Actions>
          </EmptyState>
        )
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover aria-label={t('directory.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directory.name')}</Table.Th>
                <Table.Th>{t('directory.shortName')}</Table.Th>
                <Table.Th>{t('directory.kind')}</Table.Th>
                <Table.Th>{t('directory.notes')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('directory.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orgs.data.map((org) => (
                <Table.Tr key={org.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <span>{org.name}</span>
                      {org.shared && (
                        <Badge variant="light" color="teal" tt="none">
                          {t('directory.sharedBadge')}
                        </Badge>
                      )}
                      {org.receivedFrom && (
                        <Badge variant="light" color="grape" tt="none">
                          {t('directory.receivedFrom', { name: org.receivedFrom })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{org.shortName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {kindLabels[org.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {org.notes}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button size="xs" variant="subtle" aria-label={t('directory.editNamed', { name: org.name })} onClick={() => setModal({ org })}>
                        {t('actions.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('directory.deleteNamed', { name: org.name })}
                        onClick={() => void askDelete(org)}
                      >
                        {t('actions.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <TrustedOffices />
      <OrgModal opened={modal !== null} org={modal?.org ?? null} onClose={() => setModal(null)} />
    </Stack>
  );
}
