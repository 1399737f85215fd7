import { useEffect } from 'react';
import { Button, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { defaultFormatProfile, FormatProfile } from '../../../../shared/model';
import { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { notifyError, notifySuccess } from '../../app/notify';
import { apiErrorToFormErrors, zodResolver } from '../../forms/zodResolver';

type Values = z.input<typeof FormatProfile>;

/** The allowed range of a number in the schema, so the inputs and the rules cannot disagree. */
const rangeOf = (schema: z.ZodNumber) => ({ min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined });
const marginShape = FormatProfile.shape.margins.unwrap().shape;
const sizeShape = FormatProfile.shape.sizes.unwrap().shape;
const spacingShape = FormatProfile.shape.spacing.unwrap().shape;

/** The office's default format profile for new plans (settings.formatProfile). */
export function FormatProfileForm({ initial, onDirtyChange }: { initial: FormatProfile; onDirtyChange?: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({ mode: 'controlled', initialValues: initial, validate: zodResolver(FormatProfile), validateInputOnChange: true });
  const save = useApiMutation('settings.set', { silent: true });
  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const numberField = (path: string, label: string, schema: z.ZodNumber, unit: string, step = 0.5) => {
    const { min, max } = rangeOf(schema);
    const fixed = min !== undefined && min === max;
    return (
      <NumberInput
        key={form.key(path)}
        label={label}
        description={fixed ? t('format.fixed', { value: min, unit }) : t('format.range', { min, max, unit })}
        min={min}
        max={max}
        step={step}
        decimalScale={2}
        clampBehavior="none"
        disabled={fixed}
        {...form.getInputProps(path)}
      />
    );
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({ formatProfile: values });
      form.setValues(saved.formatProfile);
      form.resetDirty(saved.formatProfile);
      notifySuccess(t('format.saved'));
    } catch (err) {
      if (err instanceof ApiCallError) form.setErrors(apiErrorToFormErrors(err.apiError));
      notifyError(err, t('format.saveFailed'));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('format.formLabel')}>
      <Stack gap="lg" maw={900}>
        <Text size="sm" c="dimmed">
          {t('format.hint')}
        </Text>
        <Fieldset legend={t('format.marginsLegend')}>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {numberField('margins.topMm', t('format.top'), marginShape.topMm, 'mm')}
            {numberField('margins.bottomMm', t('format.bottom'), marginShape.bottomMm, 'mm')}
            {numberField('margins.leftMm', t('format.left'), marginShape.leftMm, 'mm')}
            {numberField('margins.rightMm', t('format.right'), marginShape.rightMm, 'mm')}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('format.sizesLegend')}>
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            {numberField('sizes.header', t('format.sizeHeader'), sizeShape.header, 'pt')}
            {numberField('sizes.tieuDe', t('format.sizeTieuDe'), sizeShape.tieuDe, 'pt')}
            {numberField('sizes.tenLoai', t('format.sizeTenLoai'), sizeShape.tenLoai, 'pt')}
            {numberField('sizes.trichYeu', t('format.sizeTrichYeu'), sizeShape.trichYeu, 'pt')}
            {numberField('sizes.body', t('format.sizeBody'), sizeShape.body, 'pt')}
            {numberField('sizes.recipients', t('format.sizeRecipients'), sizeShape.recipients, 'pt')}
            {numberField('sizes.table', t('format.sizeTable'), sizeShape.table, 'pt')}
            {numberField('sizes.footnote', t('format.sizeFootnote'), sizeShape.footnote, 'pt')}
            {numberField('sizes.signature', t('format.sizeSignature'), sizeShape.signature, 'pt')}
            {numberField('sizes.pageNumber', t('format.sizePageNumber'), sizeShape.pageNumber, 'pt')}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('format.spacingLegend')}>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {numberField('spacing.beforePt', t('format.before'), spacingShape.beforePt, 'pt')}
            {numberField('spacing.afterPt', t('format.after'), spacingShape.afterPt, 'pt')}
            {numberField('spacing.linePt', t('format.line'), spacingShape.linePt, 'pt')}
            {numberField('spacing.firstLineIndentMm', t('format.indent'), spacingShape.firstLineIndentMm, 'mm', 0.1)}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('format.styleLegend')}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <NativeSelect
              label={t('format.pageNumber')}
              data={[
                { value: 'top-center', label: t('format.pageNumberTop') },
                { value: 'bottom-right', label: t('format.pageNumberBottom') },
              ]}
              key={form.key('pageNumber')}
              {...form.getInputProps('pageNumber')}
            />
            <NativeSelect
              label={t('format.recipientPunctuation')}
              data={[
                { value: ',', label: t('format.punctuationComma') },
                { value: ';', label: t('format.punctuationSemicolon') },
              ]}
              key={form.key('recipientPunctuation')}
              {...form.getInputProps('recipientPunctuation')}
            />
            <NativeSelect
              label={t('format.level1Style')}
              data={[
                { value: 'I.', label: t('format.level1Dot') },
                { value: 'I-', label: t('format.level1Dash') },
                { value: '1.', label: t('format.level1Number') },
              ]}
              key={form.key('level1Style')}
              {...form.getInputProps('level1Style')}
            />
            <NativeSelect
              label={t('format.level3Style')}
              data={[
                { value: '1.1.', label: t('format.level3Number') },
                { value: 'a)', label: t('format.level3Letter') },
                { value: 'a.', label: t('format.level3LetterDot') },
                { value: '-', label: t('format.markerDash') },
                { value: '+', label: t('format.markerPlus') },
              ]}
              key={form.key('level3Style')}
              {...form.getInputProps('level3Style')}
            />
            <NativeSelect
              label={t('format.level4Style')}
              data={[
                { value: '1.1.1.', label: t('format.level4Number') },
                { value: 'a)', label: t('format.level3Letter') },
                { value: 'a.', label: t('format.level3LetterDot') },
                { value: '-', label: t('format.markerDash') },
                { value: '+', label: t('format.markerPlus') },
              ]}
              key={form.key('level4Style')}
              {...form.getInputProps('level4Style')}
            />
          </SimpleGrid>
        </Fieldset>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('format.save')}
          </Button>
          <Button variant="default" onClick={() => form.setValues(defaultFormatProfile())}>
            {t('format.resetDefaults')}
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
