import { useEffect } from 'react';
import { ActionIcon, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Issuer, SelfProfile } from '../../../../shared/model';
import { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { notifyError, notifySuccess } from '../../app/notify';
import { apiErrorToFormErrors, zodResolver } from '../../forms/zodResolver';
import { issuerLevelLabels, signatureAuthorityLabels, toSelectData } from '../../i18n/labels';

export type ProfileValues = z.input<typeof SelfProfile>;
type ProfileForm = UseFormReturnType<ProfileValues>;

const MAX_HIGHER_LINES = 3;
const MAX_SIGNATURE_PRESETS = 20;

/** Blank higher-body rows are allowed while typing and dropped on save. */
const ProfileFormSchema = SelfProfile.extend({
  issuer: Issuer.extend({ higherLines: z.array(z.string().max(200)).max(MAX_HIGHER_LINES) }),
});
const withoutBlankLines = (values: ProfileValues): ProfileValues => ({
  ...values,
  issuer: { ...values.issuer, higherLines: values.issuer.higherLines.filter((line) => line.trim() !== '') },
});

const blankSignature = () => ({ authority: 'T/M' as const, body: '', title: '', signer: '' });

export const blankProfile = (): ProfileValues => ({
  issuer: { higherLines: [''], name: '', symbol: '' },
  level: 'huyen-uy',
  place: '',
  term: '',
  signature: blankSignature(),
  signaturePresets: [],
  archiveRecipient: '',
});

function SignatureFields({ form, path }: { form: ProfileForm; path: 'signature' | `signaturePresets.${number}` }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <NativeSelect
        label={t('profile.authority')}
        description={t('profile.authorityHint')}
        data={toSelectData(signatureAuthorityLabels(t))}
        key={form.key(`${path}.authority`)}
        {...form.getInputProps(`${path}.authority`)}
      />
      <TextInput
        label={t('profile.signatureBody')}
        placeholder={t('profile.signatureBodyPlaceholder')}
        key={form.key(`${path}.body`)}
        {...form.getInputProps(`${path}.body`)}
      />
      <TextInput
        label={t('profile.signatureTitle')}
        placeholder={t('profile.signatureTitlePlaceholder')}
        key={form.key(`${path}.title`)}
        {...form.getInputProps(`${path}.title`)}
      />
      <TextInput
        label={t('profile.signer')}
        placeholder={t('profile.signerPlaceholder')}
        key={form.key(`${path}.signer`)}
        {...form.getInputProps(`${path}.signer`)}
      />
    </SimpleGrid>
  );
}

/** The office's own issuer profile (org.getSelf / org.saveSelf). */
export function ProfileForm({ initial, onDirtyChange }: { initial: SelfProfile | null; onDirtyChange?: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: initial ?? blankProfile(),
    validate: zodResolver(ProfileFormSchema),
    validateInputOnBlur: true,
  });
  const save = useApiMutation('org.saveSelf', { silent: true });
  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const values = form.getValues();
  const higherLines = values.issuer.higherLines;
  const presets = values.signaturePresets ?? [];

  const submit = form.onSubmit(
    async (input) => {
      try {
        const saved = await save.mutateAsync(withoutBlankLines(input));
        form.setValues(saved);
        form.resetDirty(saved);
        notifySuccess(t('profile.saved'));
      } catch (err) {
        if (err instanceof ApiCallError) form.setErrors(apiErrorToFormErrors(err.apiError));
        notifyError(err, t('profile.saveFailed'));
      }
    },
    () => notifyError(new Error(t('form.fixErrors')), t('profile.saveFailed')),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('profile.formLabel')}>
      <Stack gap="lg" maw={900}>
        {initial === null && (
          <Text c="dimmed" size="sm">
            {t('profile.firstTime')}
          </Text>
        )}
        <Fieldset legend={t('profile.issuerLegend')}>
          <Stack gap="sm">
            <Text size="sm" fw={500}>
              {t('profile.higherLines')}
            </Text>
            <Text size="xs" c="dimmed" mt={-8}>
              {t('profile.higherLinesHint')}
            </Text>
            {higherLines.map((_, index) => (
              <Group key={form.key(`issuer.higherLines.${index}`)} align="flex-start" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('profile.higherLineN', { n: index + 1 })}
                  placeholder={t('profile.higherLinePlaceholder')}
                  {...form.getInputProps(`issuer.higherLines.${index}`)}
                />
                <Tooltip label={t('profile.removeHigherLine')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('profile.removeHigherLineN', { n: index + 1 })}
                    onClick={() => form.removeListItem('issuer.higherLines', index)}
                  >
                    ×
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
            {higherLines.length < MAX_HIGHER_LINES && (
              <Button variant="light" w="fit-content" size="xs" onClick={() => form.insertListItem('issuer.higherLines', '')}>
                {t('profile.addHigherLine')}
              </Button>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TextInput
                withAsterisk
                label={t('profile.issuerName')}
                description={t('profile.issuerNameHint')}
                placeholder={t('profile.issuerNamePlaceholder')}
                key={form.key('issuer.name')}
                {...form.getInputProps('issuer.name')}
              />
              <TextInput
                withAsterisk
                label={t('profile.symbol')}
                description={t('profile.symbolHint')}
                placeholder={t('profile.symbolPlaceholder')}
                key={form.key('issuer.symbol')}
                {...form.getInputProps('issuer.symbol')}
              />
              <NativeSelect
                label={t('profile.level')}
                data={toSelectData(issuerLevelLabels(t))}
                key={form.key('level')}
                {...form.getInputProps('level')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.placeTermLegend')}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              withAsterisk
              label={t('profile.place')}
              description={t('profile.placeHint')}
              placeholder={t('profile.placePlaceholder')}
              key={form.key('place')}
              {...form.getInputProps('place')}
            />
            <TextInput
              withAsterisk
              label={t('profile.term')}
              description={t('profile.termHint')}
              placeholder={t('profile.termPlaceholder')}
              key={form.key('term')}
              {...form.getInputProps('term')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('profile.signatureLegend')}>
          <SignatureFields form={form} path="signature" />
        </Fieldset>

        <Fieldset legend={t('profile.presetsLegend')}>
          <Stack gap="md">
            <Text size="xs" c="dimmed">
              {t('profile.presetsHint')}
            </Text>
            {presets.map((_, index) => (
              <Stack key={form.key(`signaturePresets.${index}`)} gap="xs">
                <Group justify="space-between">
                  <Text size="sm" fw={500}>
                    {t('profile.presetN', { n: index + 1 })}
                  </Text>
                  <Button variant="subtle" color="red" size="xs" onClick={() => form.removeListItem('signaturePresets', index)}>
                    {t('profile.removePreset')}
                  </Button>
                </Group>
                <SignatureFields form={form} path={`signaturePresets.${index}`} />
              </Stack>
            ))}
            {presets.length < MAX_SIGNATURE_PRESETS && (
              <Button variant="light" w="fit-content" size="xs" onClick={() => form.insertListItem('signaturePresets', blankSignature())}>
                {t('profile.addPreset')}
              </Button>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.archiveLegend')}>
          <TextInput
            withAsterisk
            label={t('profile.archiveRecipient')}
            description={t('profile.archiveRecipientHint')}
            placeholder={t('profile.archiveRecipientPlaceholder')}
            key={form.key('archiveRecipient')}
            {...form.getInputProps('archiveRecipient')}
          />
        </Fieldset>

        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('profile.save')}
          </Button>
          {form.isDirty() && (
            <Text size="sm" c="dimmed">
              {t('form.unsaved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
