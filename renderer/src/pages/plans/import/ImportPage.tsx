/**
 * #/plans/import — Nhập từ tệp Word / Dán văn bản: choose a .docx/.txt (main reads it; the harness uploads it) or paste
 * a text; the backend recognises it (plan.recognise) and the review shows the source paragraphs coloured by role
 * (each role can be changed by hand: recognition runs again with it), the A4 preview of the result, the fields of low
 * confidence (a text field can be corrected in place), a legacy-font conversion to confirm, the text left out, and
 * what creating will do with the number register. "Tạo kế hoạch" creates it (plan.import).
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, List, NativeSelect, Paper, ScrollArea, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ImportSource, ImportStatus, RecogniseOutput } from '../../../../../shared/api';
import { OVERRIDABLE_ROLES, type OverridableRole } from '../../../../../shared/import/lines';
import { call, errorMessage } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { notifyError, notifySuccess } from '../../../app/notify';
import { PreviewPane } from '../../../preview/PreviewPane';
import { fieldLabelKey, flaggedFields, GROUP_COLORS, ROLE_GROUPS, roleGroup, withEdits } from './reviewModel';

type Origin = { kind: 'docx' | 'txt' | 'paste'; name: string };

function SourceChooser({ onSource }: { onSource: (source: ImportSource, origin: Origin) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const chooseOpen = useApiMutation('file.chooseOpen', { silent: true });
  const read = useApiMutation('file.read', { silent: true });
  const choose = async () => {
    try {
      const chosen = await chooseOpen.mutateAsync({ kinds: ['docx', 'txt'] });
      if (!chosen.opened) return;
      const file = await read.mutateAsync({ token: chosen.token });
      onSource({ kind: 'file', fileName: file.fileName, base64: file.base64 }, { kind: /\.txt$/iu.test(file.fileName) ? 'txt' : 'docx', name: file.fileName });
    } catch (err) {
      notifyError(err, t('import.readFailed'));
    }
  };
  return (
    <Stack maw={760}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('import.fromFile')}</Title>
          <Text size="sm" c="dimmed">
            {t('import.fromFileHint')}
          </Text>
          <Group>
            <Button onClick={() => void choose()} loading={chooseOpen.isPending || read.isPending}>
              {t('import.chooseFile')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t('import.paste')}</Title>
          <Textarea label={t('import.pasteLabel')} description={t('import.pasteHint')} autosize minRows={8} maxRows={20} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Group>
            <Button variant="light" disabled={!text.trim()} onClick={() => onSource({ kind: 'text', text }, { kind: 'paste', name: '' })}>
              {t('import.readText')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function RoleLegend() {
  const { t } = useTranslation();
  return (
    <Group gap={6} aria-label={t('import.legend')} role="list">
      {ROLE_GROUPS.map((g) => (
        <Badge key={g} role="listitem" color={GROUP_COLORS[g]} variant="light" tt="none" size="sm">
          {t(`import.group.${g}`)}
        </Badge>
      ))}
    </Group>
  );
}

function SourceParagraphs({ result, overrides, onOverride }: { result: RecogniseOutput; overrides: Record<number, OverridableRole>; onOverride: (index: number, role: OverridableRole | null) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} role="list" aria-label={t('import.sourceLabel')}>
      {result.paragraphs.map((p, index) => {
        const group = roleGroup(p.role);
        if (!group && !p.text.trim()) return null;
        const color = GROUP_COLORS[group ?? 'text'];
        const current = overrides[index];
        return (
          <Box
            key={index}
            role="listitem"
            data-role={p.role}
            data-index={index}
            px="xs"
            py={4}
            style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)`, background: `var(--mantine-color-${color}-light)`, borderRadius: 4 }}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text size="sm" data-part="text" style={{ whiteSpace: 'pre-wrap', flex: 1, textDecoration: p.role === 'boilerplate' ? 'line-through' : undefined }}>
                {p.text}
              </Text>
              <NativeSelect
                size="xs"
                w={170}
                aria-label={t('import.roleOf', { text: p.text.slice(0, 60) })}
                value={current ?? ''}
                onChange={(e) => onOverride(index, e.currentTarget.value === '' ? null : (e.currentTarget.value as OverridableRole))}
                data={[
                  { value: '', label: t('import.recognisedAs', { role: t(`import.role.${p.role}`) }) },
                  ...OVERRIDABLE_ROLES.map((r) => ({ value: r, label: t(`import.override.${r}`) })),
                ]}
              />
            </Group>
          </Box>
        );
      })}
    </Stack>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const settings = useApiQuery('settings.get', {});
  const [source, setSource] = useState<{ source: ImportSource; origin: Origin } | null>(null);
  const [overrides, setOverrides] = useState<Record<number, OverridableRole>>({});
  const [legacy, setLegacy] = useState<'convert' | 'keep'>('convert');
  const [result, setResult] = useState<RecogniseOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const create = useApiMutation('plan.import', { silent: true });

  useEffect(() => {
    if (!source) return;
    let live = true;
    setReading(true);
    call('plan.recognise', { source: source.source, overrides: Object.entries(overrides).map(([index, role]) => ({ index: Number(index), role })), legacy })
      .then((r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setResult(null);
        setError(errorMessage(err));
      })
      .finally(() => live && setReading(false));
    return () => {
      live = false;
    };
  }, [source, overrides, legacy]);

  const plan = useMemo(() => (result ? withEdits(result.plan, edits) : null), [result, edits]);
  const flagged = useMemo(() => (result ? flaggedFields(result.plan, result.confidence) : []), [result]);
  const chosenStatus = status ?? result?.proposedStatus ?? 'draft';
  const profile = plan?.profile ?? settings.data?.formatProfile;

  const reset = () => {
    setSource(null);
    setResult(null);
    setError(null);
    setOverrides({});
    setEdits({});
    setStatus(null);
    setLegacy('convert');
  };

  const submit = async () => {
    if (!plan || !source) return;
    try {
      const made = await create.mutateAsync({ content: plan, status: chosenStatus, source: source.origin });
      notifySuccess(t('import.created'));
      void navigate(`/plans/${made.plan.id}`);
    } catch (err) {
      notifyError(err, t('import.createFailed'));
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('import.title')}</Title>
        <Group>
          {source && (
            <Button variant="default" onClick={reset}>
              {t('import.another')}
            </Button>
          )}
          <Anchor component={Link} to="/plans" size="sm">
            {t('import.back')}
          </Anchor>
        </Group>
      </Group>

      {!source && <SourceChooser onSource={(s, origin) => setSource({ source: s, origin })} />}

      {source && error && (
        <Alert color="red" title={t('import.refused')} role="alert">
          {error}
        </Alert>
      )}
      {source && !result && !error && <Text c="dimmed">{t('import.reading')}</Text>}

      {result && plan && (
        <>
          {result.legacy && (
            <Alert color="orange" title={t('import.legacyTitle', { name: result.legacy.name })}>
              <Stack gap="xs">
                <Text size="sm">{t('import.legacyText', { examples: result.legacy.examples.join(', ') })}</Text>
                <Checkbox label={t('import.legacyConvert')} checked={legacy === 'convert'} onChange={(e) => setLegacy(e.currentTarget.checked ? 'convert' : 'keep')} />
              </Stack>
            </Alert>
          )}
          {result.notes.length > 0 && (
            <Alert color="blue" title={t('import.notes')}>
              <List size="sm">
                {result.notes.map((n, i) => (
                  <List.Item key={i}>{n}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {flagged.length > 0 && (
            <Paper withBorder p="sm" aria-label={t('import.flagged')} role="region">
              <Title order={5} mb={4}>
                {t('import.flagged')}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                {t('import.flaggedHint')}
              </Text>
              <Stack gap={6}>
                {flagged.map((f) => {
                  const key = fieldLabelKey(f.path);
                  const name = key ? t(key) : t('import.field', { path: f.path });
                  return (
                  <Group key={f.path} gap="xs" wrap="nowrap" data-field={f.path}>
                    <Badge color={f.confidence < 0.4 ? 'red' : 'orange'} variant="light" tt="none" w={70}>
                      {Math.round(f.confidence * 100)}%
                    </Badge>
                    {f.value !== null ? (
                      <TextInput
                        size="xs"
                        style={{ flex: 1 }}
                        label={name}
                        value={edits[f.path] ?? f.value}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setEdits((prev) => ({ ...prev, [f.path]: value }));
                        }}
                      />
                    ) : (
                      <Text size="sm">{t('import.fieldToCheck', { name })}</Text>
                    )}
                  </Group>
                  );
                })}
              </Stack>
            </Paper>
          )}
          {result.dropped.length > 0 && (
            <Paper withBorder p="sm" role="region" aria-label={t('import.dropped')}>
              <Title order={5} mb={4}>
                {t('import.dropped')}
              </Title>
              <List size="sm">
                {result.dropped.map((d, i) => (
                  <List.Item key={i}>{d}</List.Item>
                ))}
              </List>
            </Paper>
          )}

          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16, minHeight: 600 }}>
            <Paper withBorder p="xs" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
              <Group justify="space-between" mb="xs">
                <Title order={5}>{t('import.source')}</Title>
                {reading && <Badge variant="light">{t('import.reading')}</Badge>}
              </Group>
              <RoleLegend />
              <ScrollArea h={720} mt="xs">
                <SourceParagraphs
                  result={result}
                  overrides={overrides}
                  onOverride={(index, role) =>
                    setOverrides((prev) => {
                      const next = { ...prev };
                      if (role) next[index] = role;
                      else delete next[index];
                      return next;
                    })
                  }
                />
              </ScrollArea>
            </Paper>
            <Paper withBorder style={{ height: 800, minHeight: 0 }}>{profile && <PreviewPane content={plan} profile={profile} />}</Paper>
          </div>

          <Paper withBorder p="sm">
            <Group justify="space-between" align="flex-end">
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('import.statusLabel')}
                </Text>
                <SegmentedControl
                  aria-label={t('import.statusLabel')}
                  value={chosenStatus}
                  onChange={(v) => setStatus(v as ImportStatus)}
                  data={[
                    { value: 'draft', label: t('import.statusDraft') },
                    { value: 'issued', label: t('import.statusIssued') },
                  ]}
                />
                {chosenStatus === 'issued' && (
                  <Text size="sm" c={result.register.kind === 'taken' ? 'red' : 'dimmed'} data-testid="register-outcome">
                    {t(`import.register.${result.register.kind}`, { number: result.register.number, term: result.register.term, heldBy: result.register.heldBy ?? '' })}
                  </Text>
                )}
              </Stack>
              <Button size="md" onClick={() => void submit()} loading={create.isPending} disabled={reading}>
                {t('import.create')}
              </Button>
            </Group>
          </Paper>
        </>
      )}
    </Stack>
  );
}
