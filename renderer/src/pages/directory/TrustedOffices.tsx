/**
 * Danh mục → Khóa của các đơn vị: the trust list (each office's key, the directory organization it belongs to),
 * enrolling many key cards at once (e.g. a province reading its units' cards from one stick), revoking a key.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, EmptyState, Group, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KeyCardCheck, TrustedOfficeInfo } from '../../../../shared/api';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';
import { notifyError, notifySuccess } from '../../app/notify';
import { useConfirm } from '../../components/confirm';
import { chooseAndReadFiles, type ChosenFile } from '../exchange/chooseFiles';
import { Fingerprint } from '../exchange/Fingerprint';

export function TrustedOffices() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const confirm = useConfirm();
  const trust = useApiQuery('exchange.trustList', {});
  const orgs = useApiQuery('org.list', {});
  const revoke = useApiMutation('exchange.revokeKey', { onSuccess: (o) => notifySuccess(t('trust.revoked', { name: o.name })) });
  const link = useApiMutation('exchange.linkOrg');
  const [cards, setCards] = useState<{ files: ChosenFile[]; checks: KeyCardCheck[] } | null>(null);
  const [reading, setReading] = useState(false);

  const onChoose = async () => {
    setReading(true);
    try {
      const files = await chooseAndReadFiles(client, ['khkey']);
      if (files.length > 0) setCards({ files, checks: await call('exchange.checkKeyCards', { files }) });
    } catch (err) {
      notifyError(err, t('trust.readFailed'));
    } finally {
      setReading(false);
    }
  };
  const onRevoke = async (o: TrustedOfficeInfo) => {
    const ok = await confirm({ title: t('trust.revokeTitle'), message: t('trust.revokeMessage', { name: o.name }), confirmLabel: t('trust.revoke'), danger: true });
    if (ok) revoke.mutate({ officeId: o.officeId });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('trust.title')}</Title>
        <Button variant="light" onClick={() => void onChoose()} loading={reading}>
          {t('trust.enrol')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('trust.explain')}
      </Text>
      {trust.isPending ? (
        <PageLoader />
      ) : trust.isError ? (
        <Alert color="red">{errorMessage(trust.error)}</Alert>
      ) : trust.data.length === 0 ? (
        <EmptyState title={t('trust.empty')} description={t('trust.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t('trust.tableLabel')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trust.office')}</Table.Th>
                <Table.Th>{t('trust.fingerprint')}</Table.Th>
                <Table.Th>{t('trust.status')}</Table.Th>
                <Table.Th>{t('trust.org')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trust.data.map((o) => (
                <Table.Tr key={o.officeId}>
                  <Table.Td>
                    {o.name}
                    {o.symbol && ` (${o.symbol})`}
                  </Table.Td>
                  <Table.Td>
                    <Fingerprint value={o.fingerprint} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={o.status === 'trusted' ? 'green' : 'red'} variant="light" tt="none">
                      {o.status === 'trusted' ? t('trust.trusted') : t('trust.revokedStatus')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('trust.orgOf', { name: o.name })}
                      value={o.orgId ?? ''}
                      onChange={(e) => link.mutate({ officeId: o.officeId, orgId: e.currentTarget.value || null })}
                      data={[{ value: '', label: t('trust.noOrg') }, ...(orgs.data ?? []).map((org) => ({ value: org.id, label: org.name }))]}
                    />
                  </Table.Td>
                  <Table.Td>
                    {o.status === 'trusted' && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => void onRevoke(o)} aria-label={t('trust.revokeNamed', { name: o.name })}>
                        {t('trust.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cards && <EnrolModal files={cards.files} checks={cards.checks} onClose={() => setCards(null)} />}
    </Stack>
  );
}

function EnrolModal({ files, checks, onClose }: { files: ChosenFile[]; checks: KeyCardCheck[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const enrol = useApiMutation('exchange.enrolKeyCards', {
    onSuccess: (result) => {
      notifySuccess(t('trust.enrolled', { count: result.filter((r) => r.enrolled).length }));
      onClose();
    },
  });
  const verdicts: Record<NonNullable<KeyCardCheck['verdict']>, string> = {
    new: t('trust.verdict.new'),
    same: t('trust.verdict.same'),
    replaced: t('trust.verdict.replaced'),
    changed: t('trust.verdict.changed'),
    revoked: t('trust.verdict.revoked'),
    self: t('trust.verdict.self'),
  };
  const verdictText = (c: KeyCardCheck) => (c.error ? c.error : c.verdict ? verdicts[c.verdict] : '');
  const enrollable = checks.filter((c) => c.verdict === 'new' || c.verdict === 'replaced' || (c.verdict === 'changed' && c.officeId && confirmed.has(c.officeId)));
  return (
    <Modal opened onClose={onClose} title={t('trust.enrolTitle')} size="xl">
      <Stack>
        <Text size="sm">{t('trust.enrolExplain')}</Text>
        <Table aria-label={t('trust.cardsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trust.file')}</Table.Th>
              <Table.Th>{t('trust.office')}</Table.Th>
              <Table.Th>{t('trust.fingerprint')}</Table.Th>
              <Table.Th>{t('trust.check')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {checks.map((c, i) => (
              <Table.Tr key={`${c.fileName}/${i}`}>
                <Table.Td>{c.fileName}</Table.Td>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.fingerprint && <Fingerprint value={c.fingerprint} size="sm" />}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.error || c.verdict === 'changed' || c.verdict === 'revoked' ? 'red' : undefined}>
                    {verdictText(c)}
                  </Text>
                  {c.verdict === 'changed' && c.officeId && (
                    <Checkbox
                      mt={4}
                      size="xs"
                      label={t('trust.confirmChanged')}
                      checked={confirmed.has(c.officeId)}
                      onChange={(e) => {
                        const id = c.officeId!;
                        const on = e.currentTarget.checked;
                        setConfirmed((s) => {
                          const next = new Set(s);
                          if (on) next.add(id);
                          else next.delete(id);
                          return next;
                        });
                      }}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {enrol.isError && <Alert color="red">{errorMessage(enrol.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button disabled={enrollable.length === 0} loading={enrol.isPending} onClick={() => enrol.mutate({ files, confirmChanged: [...confirmed] })}>
            {t('trust.enrolButton', { count: enrollable.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
