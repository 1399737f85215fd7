/**
 * Cài đặt → Khóa đơn vị: the office key's fingerprint as groups of digits (printable, to read over the phone), the
 * key card (.khkey) for the province, and replacing the key (the new card is signed by the old key).
 */
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { PageLoader } from '../../app/AppLayout';
import { notifySuccess } from '../../app/notify';
import { useConfirm } from '../../components/confirm';
import { usePrint } from '../../preview/usePrint';
import '../../preview/preview.css';
import { Fingerprint } from '../exchange/Fingerprint';

export function OfficeKeyPanel() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const identity = useApiQuery('exchange.identity', {});
  const saveCard = useApiMutation('file.chooseSave', {
    onSuccess: (result) => {
      if (result.saved) notifySuccess(t('officeKey.cardSaved', { fileName: result.fileName }));
    },
  });
  const replace = useApiMutation('exchange.replaceKey', { onSuccess: () => notifySuccess(t('officeKey.replaced')) });
  const { printRoot, print, preparing } = usePrint();

  if (identity.isPending) return <PageLoader />;
  if (identity.isError) return <Alert color="red">{errorMessage(identity.error)}</Alert>;
  const id = identity.data;
  const name = id.name || t('officeKey.noProfile');

  const onReplace = async () => {
    const ok = await confirm({ title: t('officeKey.replaceTitle'), message: t('officeKey.replaceMessage'), confirmLabel: t('officeKey.replace'), danger: true });
    if (ok) replace.mutate({});
  };

  return (
    <Stack maw={760}>
      <Text size="sm">{t('officeKey.explain')}</Text>
      {id.profileMissing && <Alert color="yellow">{t('officeKey.profileMissing')}</Alert>}
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={4}>{name}</Title>
          <Text size="sm" c="dimmed">
            {t('officeKey.fingerprint')}
          </Text>
          <Fingerprint value={id.fingerprint} size="xl" label={t('officeKey.fingerprint')} />
          <Text size="xs" c="dimmed">
            {t('officeKey.createdAt', { date: dayjs(id.createdAt).format('DD/MM/YYYY') })}
          </Text>
        </Stack>
      </Card>
      <Group>
        <Button onClick={() => saveCard.mutate({ source: { kind: 'exchange.khkey' } })} loading={saveCard.isPending}>
          {t('officeKey.exportCard')}
        </Button>
        <Button variant="light" onClick={() => void print()} loading={preparing}>
          {t('officeKey.print')}
        </Button>
        <Button variant="subtle" color="red" onClick={() => void onReplace()} loading={replace.isPending}>
          {t('officeKey.replace')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('officeKey.replaceHint')}
      </Text>
      {printRoot &&
        createPortal(
          <div style={{ padding: '25mm', fontFamily: 'Tinos, "Times New Roman", serif' }}>
            <h2>{t('officeKey.printTitle')}</h2>
            <p>{name}</p>
            <p>{t('officeKey.fingerprint')}:</p>
            <p style={{ fontSize: '20pt', fontFamily: 'monospace', letterSpacing: '0.1em' }}>{id.fingerprint}</p>
            <p>{t('officeKey.createdAt', { date: dayjs(id.createdAt).format('DD/MM/YYYY') })}</p>
          </div>,
          printRoot,
        )}
    </Stack>
  );
}
