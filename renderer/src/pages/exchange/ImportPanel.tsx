/**
 * Nhập gói: one or several .khx chosen at once, each inspected first (sender, signature, trust standing, every record's
 * verdict), an unknown sender's fingerprint to compare and confirm, a passphrase for an encrypted package; then
 * "Nhập" applies them all and says what came in.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, Group, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportManyOutput, PackageInspection } from '../../../../shared/api';
import { call, errorMessage } from '../../api/client';
import { invalidateAfter } from '../../api/queries';
import { notifyError } from '../../app/notify';
import { chooseAndReadFiles } from './chooseFiles';
import { Fingerprint } from './Fingerprint';
import { recordKindLabels, standingColor, standingLabels, verdictColor, verdictLabels } from './labels';

/** One chosen package and where it stands. */
interface Chosen {
  key: number;
  fileName: string;
  base64: string;
  passphrase: string;
  state: 'checking' | 'needsPassphrase' | 'failed' | 'ready' | 'imported';
  inspection: PackageInspection | null;
  error: string | null;
  /** The clerk compared an unknown or changed sender's fingerprint and confirmed it. */
  confirmed: boolean;
  /** After Nhập: what the backend said. */
  result: string | null;
}

const needsConfirm = (i: PackageInspection) => i.standing === 'unknown' || i.standing === 'changed';
const importable = (c: Chosen) =>
  c.state === 'ready' && c.inspection !== null && c.inspection.importedAt === null && c.inspection.standing !== 'revoked' && (!needsConfirm(c.inspection) || c.confirmed);

let nextKey = 1;

export function ImportPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [packages, setPackages] = useState<Chosen[]>([]);
  const [busy, setBusy] = useState<'choosing' | 'importing' | null>(null);
  const [summary, setSummary] = useState<ImportManyOutput | null>(null);
  const update = (key: number, patch: Partial<Chosen>) => setPackages((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const inspect = async (p: Pick<Chosen, 'key' | 'base64' | 'passphrase'>) => {
    update(p.key, { state: 'checking', error: null });
    try {
      const answer = await call('exchange.inspect', { base64: p.base64, ...(p.passphrase ? { passphrase: p.passphrase } : {}) });
      if (answer.opened) update(p.key, { state: 'ready', inspection: answer.inspection });
      else update(p.key, { state: 'needsPassphrase' });
    } catch (err) {
      update(p.key, { state: 'failed', error: errorMessage(err) });
    }
  };

  const onChoose = async () => {
    setBusy('choosing');
    setSummary(null);
    try {
      const files = await chooseAndReadFiles(client, ['khx']);
      const added: Chosen[] = files.map((f) => ({
        key: nextKey++,
        fileName: f.fileName,
        base64: f.base64,
        passphrase: '',
        state: 'checking',
        inspection: null,
        error: null,
        confirmed: false,
        result: null,
      }));
      setPackages((all) => [...all, ...added]);
      for (const p of added) await inspect(p);
    } catch (err) {
      notifyError(err, t('exchange.import.readFailed'));
    } finally {
      setBusy(null);
    }
  };

  const onImport = async () => {
    const chosen = packages.filter(importable);
    if (chosen.length === 0) return;
    setBusy('importing');
    try {
      // Every package here is from a trusted sender or one whose fingerprint the clerk compared and confirmed.
      const answer = await call('exchange.importMany', {
        trust: true,
        packages: chosen.map((p) => ({ fileName: p.fileName, base64: p.base64, ...(p.passphrase ? { passphrase: p.passphrase } : {}) })),
      });
      await invalidateAfter(client, 'exchange.importMany');
      answer.results.forEach((r, i) => {
        const p = chosen[i]!;
        if (r.outcome === 'needsPassphrase') update(p.key, { state: 'needsPassphrase' });
        else if (r.outcome === 'refused') update(p.key, { state: 'failed', error: r.message });
        else update(p.key, { state: 'imported', inspection: r.inspection ?? p.inspection, result: r.message });
      });
      setSummary(answer);
    } catch (err) {
      notifyError(err, t('exchange.import.failed'));
    } finally {
      setBusy(null);
    }
  };

  const ready = packages.filter(importable).length;
  return (
    <Stack>
      <Text size="sm">{t('exchange.import.explain')}</Text>
      <Group>
        <Button onClick={() => void onChoose()} loading={busy === 'choosing'}>
          {t('exchange.import.choose')}
        </Button>
        {packages.length > 0 && (
          <Button variant="default" onClick={() => setPackages([])} disabled={busy !== null}>
            {t('exchange.import.clear')}
          </Button>
        )}
      </Group>
      {packages.map((p) => (
        <PackageCard
          key={p.key}
          chosen={p}
          onPassphrase={(passphrase) => {
            update(p.key, { passphrase });
            void inspect({ ...p, passphrase });
          }}
          onConfirm={(confirmed) => update(p.key, { confirmed })}
        />
      ))}
      {packages.length > 0 && (
        <Group>
          <Button color="green" onClick={() => void onImport()} loading={busy === 'importing'} disabled={ready === 0 || busy !== null}>
            {t('exchange.import.apply', { count: ready })}
          </Button>
          {ready === 0 && packages.some((p) => p.state === 'ready' && p.inspection && needsConfirm(p.inspection) && !p.confirmed) && (
            <Text size="sm" c="dimmed">
              {t('exchange.import.confirmFirst')}
            </Text>
          )}
        </Group>
      )}
      {summary && <ImportSummary summary={summary} />}
    </Stack>
  );
}

function PackageCard({ chosen, onPassphrase, onConfirm }: { chosen: Chosen; onPassphrase: (p: string) => void; onConfirm: (c: boolean) => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const i = chosen.inspection;
  const verdicts = verdictLabels(t);
  const standings = standingLabels(t);
  const kinds = recordKindLabels(t);
  return (
    <Card withBorder padding="md" role="region" aria-label={t('exchange.import.packageLabel', { fileName: chosen.fileName })}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{chosen.fileName}</Title>
          {chosen.state === 'checking' && <Badge color="gray">{t('exchange.import.checking')}</Badge>}
          {chosen.state === 'imported' && <Badge color="green">{t('exchange.import.imported')}</Badge>}
        </Group>

        {chosen.state === 'failed' && (
          <Alert color="red" title={t('exchange.import.refusedTitle')}>
            {chosen.error}
          </Alert>
        )}

        {chosen.state === 'needsPassphrase' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onPassphrase(passphrase);
            }}
          >
            <Stack gap="xs">
              <Text size="sm">{t('exchange.import.needsPassphrase')}</Text>
              <Text size="sm" c="dimmed">
                {t('exchange.secrecyNotCoYeu')}
              </Text>
              <Group align="flex-end">
                <PasswordInput label={t('exchange.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} style={{ minWidth: 280 }} />
                <Button type="submit" disabled={passphrase.length === 0}>
                  {t('exchange.import.open')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        {i && (
          <>
            <Table variant="vertical" withTableBorder={false} layout="fixed" maw={720}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={180}>{t('exchange.import.sender')}</Table.Th>
                  <Table.Td>
                    {i.sender.name || t('exchange.import.senderNoProfile')} {i.sender.symbol && `(${i.sender.symbol})`}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('exchange.import.createdAt')}</Table.Th>
                  <Table.Td>{dayjs(i.createdAt).format('DD/MM/YYYY HH:mm')}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('exchange.import.signature')}</Table.Th>
                  <Table.Td>
                    <Group gap="xs">
                      <Badge color="green" variant="light" tt="none">
                        {t('exchange.import.signatureValid')}
                      </Badge>
                      <Badge color={standingColor[i.standing]} variant="light" tt="none">
                        {standings[i.standing]}
                      </Badge>
                      {i.encrypted && (
                        <Badge color="grape" variant="light" tt="none">
                          {t('exchange.import.encrypted')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>

            {i.importedAt && chosen.state !== 'imported' && (
              <Alert color="gray" role="status">
                {t('exchange.import.already', { date: dayjs(i.importedAt).format('DD/MM/YYYY HH:mm') })}
              </Alert>
            )}
            {chosen.result && (
              <Alert color="green" role="status">
                {chosen.result}
              </Alert>
            )}
            {i.standing === 'revoked' && <Alert color="red">{i.standingMessage}</Alert>}
            {needsConfirm(i) && chosen.state === 'ready' && i.importedAt === null && (
              <Alert color={i.standing === 'changed' ? 'orange' : 'yellow'} title={i.standing === 'changed' ? t('exchange.import.changedTitle') : t('exchange.import.unknownTitle')}>
                <Stack gap="xs">
                  <Text size="sm">{i.standingMessage}</Text>
                  <Text size="sm">{t('exchange.import.compareHow')}</Text>
                  <Fingerprint value={i.sender.fingerprint} label={t('exchange.import.fingerprintLabel')} />
                  <Checkbox checked={chosen.confirmed} onChange={(e) => onConfirm(e.currentTarget.checked)} label={t('exchange.import.confirmFingerprint')} />
                </Stack>
              </Alert>
            )}

            <Table aria-label={t('exchange.import.recordsLabel', { fileName: chosen.fileName })} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('exchange.import.kind')}</Table.Th>
                  <Table.Th>{t('plans.colNumber')}</Table.Th>
                  <Table.Th>{t('exchange.import.what')}</Table.Th>
                  <Table.Th>{t('exchange.import.owner')}</Table.Th>
                  <Table.Th>{t('exchange.import.verdict')}</Table.Th>
                  <Table.Th>{t('exchange.import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {i.records.map((r) => (
                  <Table.Tr key={`${r.kind}/${r.id}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{kinds[r.kind]}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.number || (r.kind === 'plan' ? t('exchange.import.noNumber') : '')}</Table.Td>
                    <Table.Td>{r.title || t('plans.untitled')}</Table.Td>
                    <Table.Td>{r.owner.name}</Table.Td>
                    <Table.Td>
                      <Badge color={verdictColor[r.verdict]} variant="light" tt="none">
                        {verdicts[r.verdict]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed">
              {t('exchange.import.counts', { ...i.counts })}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** One summary for the packages imported together: per package its sender, what it brought, or why it was refused. */
function ImportSummary({ summary }: { summary: ImportManyOutput }) {
  const { t } = useTranslation();
  const imported = summary.results.filter((r) => r.outcome === 'imported').length;
  const failed = summary.results.some((r) => r.outcome === 'refused' || r.outcome === 'needsPassphrase');
  const outcomes = { imported: t('exchange.import.outcomeImported'), alreadyImported: t('exchange.import.outcomeAlready'), needsPassphrase: t('exchange.import.outcomePassphrase'), refused: t('exchange.import.outcomeRefused') };
  const outcomeColor = { imported: 'green', alreadyImported: 'gray', needsPassphrase: 'grape', refused: 'red' } as const;
  return (
    <Alert color={failed ? 'orange' : 'green'} title={t('exchange.import.done', { count: imported })} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('exchange.import.doneCounts', { ...summary.counts })}</Text>
        <Table aria-label={t('exchange.import.summaryLabel')} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.import.file')}</Table.Th>
              <Table.Th>{t('exchange.import.sender')}</Table.Th>
              <Table.Th>{t('exchange.import.outcome')}</Table.Th>
              <Table.Th>{t('exchange.verdict.new')}</Table.Th>
              <Table.Th>{t('exchange.verdict.update')}</Table.Th>
              <Table.Th>{t('exchange.verdict.same')}</Table.Th>
              <Table.Th>{t('exchange.verdict.conflict')}</Table.Th>
              <Table.Th>{t('exchange.verdict.refused')}</Table.Th>
              <Table.Th>{t('exchange.import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.results.map((r, i) => {
              const c = r.inspection?.counts;
              const refusedRecords = r.inspection?.records.filter((x) => x.verdict === 'refused') ?? [];
              const reason = r.outcome === 'refused' || r.outcome === 'needsPassphrase' ? r.message : refusedRecords.map((x) => `${x.title}: ${x.reason ?? ''}`).join('; ');
              return (
                <Table.Tr key={`${i}/${r.fileName}`}>
                  <Table.Td>{r.fileName}</Table.Td>
                  <Table.Td>{r.inspection ? r.inspection.sender.name || t('exchange.import.senderNoProfile') : ''}</Table.Td>
                  <Table.Td>
                    <Badge color={outcomeColor[r.outcome]} variant="light" tt="none">
                      {outcomes[r.outcome]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c?.new ?? ''}</Table.Td>
                  <Table.Td>{c?.update ?? ''}</Table.Td>
                  <Table.Td>{c?.same ?? ''}</Table.Td>
                  <Table.Td>{c?.conflict ?? ''}</Table.Td>
                  <Table.Td>{c?.refused ?? ''}</Table.Td>
                  <Table.Td>{reason}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {summary.counts.new + summary.counts.update > 0 && <Link to="/plans?view=received">{t('exchange.import.openReceived')}</Link>}
      </Stack>
    </Alert>
  );
}
