/** The format findings of plan.lint; clicking one opens the tab of its field and focuses the field. */
import { memo } from 'react';
import { Badge, Button, Group, Loader, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LintFinding } from '../../../../shared/model';
import { getAt, setAt } from '../model/at-path';
import { useEdit } from '../state/context';

interface Props {
  findings: LintFinding[];
  checking: boolean;
  failed: string | null;
  onOpen: (finding: LintFinding) => void;
}

export const FindingsPanel = memo(function FindingsPanel({ findings, checking, failed, onOpen }: Props) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  // One-click correction: only while the field still holds the text the fix was computed for.
  const applyFix = (fix: NonNullable<LintFinding['fix']>) =>
    edit((c) => (getAt(c, fix.path) === fix.from ? (setAt(c, fix.path, fix.value) as typeof c) : c));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <Paper withBorder p="xs" aria-label={t('findings.title')} role="region">
      <Group justify="space-between" mb={4}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {t('findings.title')}
          </Text>
          {errors > 0 && <Badge color="red">{t('findings.errors', { count: errors })}</Badge>}
          {warnings > 0 && <Badge color="yellow">{t('findings.warnings', { count: warnings })}</Badge>}
        </Group>
        {checking && <Loader size="xs" aria-label={t('findings.checking')} />}
      </Group>
      {failed && (
        <Text size="xs" c="red">
          {t('findings.failed', { detail: failed })}
        </Text>
      )}
      {!failed && findings.length === 0 && !checking && (
        <Text size="sm" c="teal.8">
          {t('findings.none')}
        </Text>
      )}
      {findings.length > 0 && (
        <ScrollArea.Autosize mah={180} type="auto">
          <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {findings.map((f, i) => (
              <li key={`${f.rule}-${i}`}>
                <UnstyledButton onClick={() => onOpen(f)} className="kh-finding" data-rule={f.rule} style={{ display: 'block', width: '100%', padding: '2px 4px', borderRadius: 4 }}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="xs" color={f.severity === 'error' ? 'red' : 'yellow'} style={{ flex: 'none' }}>
                      {f.severity === 'error' ? t('findings.error') : t('findings.warning')}
                    </Badge>
                    <Text size="sm">{f.message}</Text>
                  </Group>
                </UnstyledButton>
                {f.fix && !readOnly && (
                  <Button size="compact-xs" variant="light" ml={4} onClick={() => f.fix && applyFix(f.fix)}>
                    {t(`findings.fix.${f.fix.kind}`)}
                  </Button>
                )}
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
});
