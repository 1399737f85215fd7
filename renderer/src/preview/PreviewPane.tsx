/**
 * The live preview beside the forms: the draft → composeLayout (shared/layout) → A4 pages. Recomputed as the
 * user types (deferred, so typing never waits for it).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormatProfile, PlanContent } from '../../../shared/model';
import { composeLayout, type DocumentLayout } from '../../../shared/layout';
import { DocumentPages } from './DocumentPages';
import './preview.css';

const PAGE_WIDTH_PX = (210 * 96) / 25.4;

interface Props {
  content: PlanContent;
  profile: FormatProfile;
  /** While printing, the pages are drawn here (see usePrint). */
  printRoot?: HTMLElement | null;
}

export interface PreviewStats {
  composeMs: number;
  paginateMs: number;
  pages: number;
}

function useComposed(content: PlanContent, profile: FormatProfile): { layout: DocumentLayout | null; error: string | null; ms: number } {
  return useMemo(() => {
    const started = performance.now();
    try {
      const layout = composeLayout(content, profile);
      return { layout, error: null, ms: performance.now() - started };
    } catch (err) {
      return { layout: null, error: err instanceof Error ? err.message : String(err), ms: performance.now() - started };
    }
  }, [content, profile]);
}

export function PreviewPane({ content, profile, printRoot }: Props) {
  const { t } = useTranslation('editor');
  const deferred = useDeferredValue(content);
  const composed = useComposed(deferred, profile);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [zoomMode, setZoomMode] = useState<'fit' | '100'>('fit');
  const [fit, setFit] = useState(1);
  const [stats, setStats] = useState<PreviewStats>({ composeMs: 0, paginateMs: 0, pages: 1 });

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const width = el.clientWidth;
      if (width > 0) setFit(Math.max(0.3, Math.min(1.5, (width - 24) / PAGE_WIDTH_PX)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const zoom = zoomMode === 'fit' ? fit : 1;
  const lastLayout = useRef<DocumentLayout | null>(null);
  if (composed.layout) lastLayout.current = composed.layout;
  const layout = composed.layout ?? lastLayout.current;
  const onPaginated = useMemo(
    () => (info: { ms: number; pages: number }) =>
      setStats((s) =>
        s.pages === info.pages && s.paginateMs.toFixed(1) === info.ms.toFixed(1) && s.composeMs.toFixed(1) === composed.ms.toFixed(1)
          ? s
          : { composeMs: composed.ms, paginateMs: info.ms, pages: info.pages },
      ),
    [composed.ms],
  );

  // The same element while the stats and zoom stay: React skips the header on keystrokes.
  const header = useMemo(
    () => (
      <Group justify="space-between" px="sm" py={6} wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('preview.title')}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Text size="xs" c="dimmed" data-testid="preview-pages" data-compose-ms={stats.composeMs.toFixed(2)} data-paginate-ms={stats.paginateMs.toFixed(2)}>
            {t('preview.pages', { count: stats.pages })}
          </Text>
          <SegmentedControl
            size="xs"
            value={zoomMode}
            onChange={(v) => setZoomMode(v as 'fit' | '100')}
            aria-label={t('preview.zoom')}
            data={[
              { value: 'fit', label: t('preview.zoomFit') },
              { value: '100', label: '100%' },
            ]}
          />
        </Group>
      </Group>
    ),
    [t, stats, zoomMode],
  );

  return (
    <div className="kh-preview" style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      {header}
      {composed.error && (
        <Alert color="red" mx="sm" mb="xs" title={t('preview.errorTitle')}>
          {t('preview.error', { detail: composed.error })}
        </Alert>
      )}
      <div
        ref={scrollRef}
        className="kh-preview-scroll"
        style={{ flex: 1, minHeight: 0, ['--kh-zoom' as string]: String(zoom) }}
        role="region"
        aria-label={t('preview.region')}
        tabIndex={0}
      >
        {layout && <DocumentPages layout={layout} portalTarget={printRoot} onPaginated={onPaginated} />}
      </div>
    </div>
  );
}
