import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model';
import { useApiMutation } from '../api/queries';
import { applyLanguage } from '../i18n';

/** vi / en switch; applies at once and persists through settings.set. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const save = useApiMutation('settings.set');
  const change = (value: string) => {
    const language: Language = value === 'en' ? 'en' : 'vi'; // a literal check keeps zod out of the first bundle
    void applyLanguage(language);
    save.mutate({ language });
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={change}
      data={[
        { value: 'vi', label: t('language.viShort') },
        { value: 'en', label: t('language.enShort') },
      ]}
    />
  );
}
