/**
 * #/print/:id — the plan's pages alone, exactly as the editor prints them (same composeLayout + DocumentPages +
 * print stylesheet). Used by `npm run kehoach -- pdf`, which loads this route in headless Chromium and saves
 * the printout as PDF. Sets `data-print-ready` on <html> once the fonts are loaded and the pages are paginated.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Center, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { composeLayout } from '../../../../shared/layout';
import { defaultFormatProfile } from '../../../../shared/model/profile';
import { useApiQuery } from '../../api/queries';
import { DocumentPages } from '../../preview/DocumentPages';
import { loadPreviewFonts } from '../../preview/fonts';
import '../../preview/preview.css';

export default function PrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = useApiQuery('plan.get', { id });
  const settings = useApiQuery('settings.get', {});
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const [fontsReady, setFontsReady] = useState(false);
  const [pages, setPages] = useState(0);

  useEffect(() => {
    const el = document.createElement('div');
    el.className = 'kh-print-root';
    document.body.appendChild(el);
    setTarget(el);
    void loadPreviewFonts().then(() => setFontsReady(true));
    return () => {
      el.remove();
      delete document.documentElement.dataset['printReady'];
    };
  }, []);

  const layout = useMemo(() => {
    if (!plan.data || !settings.data) return null;
    return composeLayout(plan.data, plan.data.profile ?? settings.data.formatProfile ?? defaultFormatProfile());
  }, [plan.data, settings.data]);

  const onPaginated = useCallback((info: { pages: number }) => setPages(info.pages), []);

  useEffect(() => {
    if (layout && fontsReady && pages > 0) {
      // Let the paginated pages reach the DOM before announcing readiness.
      const raf = requestAnimationFrame(() => (document.documentElement.dataset['printReady'] = String(pages)));
      return () => cancelAnimationFrame(raf);
    }
    return undefined;
  }, [layout, fontsReady, pages]);

  if (plan.error) return <Alert color="red">{plan.error.message}</Alert>;
  if (!layout || !target || !fontsReady) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return (
    <>
      <Text p="md" c="dimmed">
        {t('print.preparing', { count: pages })}
      </Text>
      <DocumentPages layout={layout} portalTarget={target} onPaginated={onPaginated} />
    </>
  );
}
