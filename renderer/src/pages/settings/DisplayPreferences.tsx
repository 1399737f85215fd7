import { NumberInput, Radio, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Language, type Settings } from '../../../../shared/model';
import { useApiMutation } from '../../api/queries';
import { applyLanguage } from '../../i18n';
import { applyLargeText } from '../../app/theme';

/** Language, larger text and the "Sắp đến hạn" window; each change applies at once and is stored through settings.set. */
export function DisplayPreferences({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const save = useApiMutation('settings.set');
  return (
    <Stack gap="lg" maw={640}>
      <Radio.Group
        label={t('display.language')}
        value={i18n.language === 'en' ? 'en' : 'vi'}
        onChange={(value) => {
          const language = Language.parse(value);
          void applyLanguage(language);
          save.mutate({ language });
        }}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="vi" label={t('language.vi')} />
          <Radio value="en" label={t('language.en')} />
        </Stack>
      </Radio.Group>
      <div>
        <Switch
          label={t('display.largeText')}
          checked={settings.largeText}
          onChange={(event) => {
            const largeText = event.currentTarget.checked;
            applyLargeText(largeText);
            save.mutate({ largeText });
          }}
        />
        <Text size="xs" c="dimmed" mt={4}>
          {t('display.largeTextHint')}
        </Text>
      </div>
      <NumberInput
        label={t('display.dueSoonDays')}
        description={t('display.dueSoonDaysHint')}
        defaultValue={settings.taskDueSoonDays}
        min={0}
        max={60}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="strict"
        w={260}
        onChange={(value) => {
          // Only a whole number in range is stored; a field being cleared to retype keeps the stored window.
          if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 60) save.mutate({ taskDueSoonDays: value });
        }}
      />
    </Stack>
  );
}
