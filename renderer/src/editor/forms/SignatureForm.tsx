/** Người ký: authority (T/M, K/T, T/L or none), body, title, signer — with presets from the office profile. */
import { memo } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Signature } from '../../../../shared/model';
import { ChoiceField, TextField } from '../fields/fields';
import { useEdit, useLookups } from '../state/context';

const authorities = ['T/M', 'K/T', 'T/L', ''] as const;

const sameSignature = (a: Signature, b: Signature) => a.authority === b.authority && a.body === b.body && a.title === b.title && a.signer === b.signer;

export const SignatureForm = memo(function SignatureForm({ signature }: { signature: Signature }) {
  const { t } = useTranslation('editor');
  const { edit, readOnly } = useEdit();
  const { self } = useLookups();
  const set = (patch: Partial<Signature>) => edit((c) => ({ ...c, signature: { ...c.signature, ...patch } }));
  const presets = self ? [self.signature, ...self.signaturePresets] : [];
  const describe = (s: Signature) => [s.authority && `${s.authority} ${s.body}`.trim(), s.title, s.signer].filter(Boolean).join(' · ');

  return (
    <Stack gap="md">
      {presets.length > 0 ? (
        <Paper withBorder p="sm">
          <Text size="sm" fw={500} mb="xs">
            {t('signature.presets')}
          </Text>
          <Group gap="xs">
            {presets.map((p, i) => (
              <Button key={i} size="xs" variant={sameSignature(p, signature) ? 'filled' : 'light'} disabled={readOnly} onClick={() => set({ ...p })}>
                {describe(p) || t('signature.emptyPreset')}
              </Button>
            ))}
          </Group>
        </Paper>
      ) : (
        <Text size="xs" c="dimmed">
          {t('signature.noPresets')}
        </Text>
      )}
      <ChoiceField
        label={t('signature.authority')}
        path={['signature', 'authority']}
        value={signature.authority}
        onChange={(authority) => set({ authority, ...(authority === '' ? { body: '' } : {}) })}
        data={authorities.map((a) => ({ value: a, label: a ? t(`signature.authorities.${a.replace('/', '')}`) : t('signature.authorities.none') }))}
        hint={t('signature.authorityHint')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField
          path={['signature', 'body']}
          label={t('signature.body')}
          description={t('signature.bodyHint')}
          disabled={signature.authority === ''}
          value={signature.body}
          onChange={(v) => set({ body: v })}
        />
        <TextField path={['signature', 'title']} label={t('signature.title')} description={t('signature.titleHint')} required value={signature.title} onChange={(v) => set({ title: v })} />
        <TextField path={['signature', 'signer']} label={t('signature.signer')} description={t('signature.signerHint')} required value={signature.signer} onChange={(v) => set({ signer: v })} />
      </SimpleGrid>
    </Stack>
  );
});
