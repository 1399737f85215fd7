/**
 * "Báo cáo theo kỳ": a BÁO CÁO over several plans for a quarter, a half-year or a year. The clerk chooses the period
 * and the plans (KẾ HOẠCH not in the bin; issued ones have tracked tasks), then "Lập báo cáo" drafts it
 * (report.draft { planIds, period }) and opens it in the editor.
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Loader, Modal, NativeSelect, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { periodOfKey } from '../../../../shared/tasks/deadline';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { notifySuccess } from '../../app/notify';
import { planStatusLabels } from '../../i18n/labels';
import { planNumberLabel, statusColor } from '../plans/planLabels';
import { lastEndedPeriod, periodKey, type PeriodChoice, type PeriodKind } from './periodChoice';

const ROMAN = ['I', 'II', 'III', 'IV'];

interface Props {
  /** Plans ticked when the dialog opens (e.g. the plan the task list is filtered to). */
  initialPlanIds?: string[];
}

export function PeriodReportButton({ initialPlanIds = [] }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" color="grape" onClick={() => setOpen(true)}>
        {t('periodReport.open')}
      </Button>
      {open && <PeriodReportDialog initialPlanIds={initialPlanIds} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The dialog, once the backend has said what day it is (app.info's today, read afresh: the day the task list reads). */
function PeriodReportDialog({ initialPlanIds, onClose }: { initialPlanIds: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {}, { staleTime: 0 });
  const today = info.isFetchedAfterMount ? info.data?.today : undefined;
  return (
    <Modal opened onClose={onClose} title={t('periodReport.title')} size="lg">
      {today ? (
        <PeriodReportForm initialPlanIds={initialPlanIds} today={today} onClose={onClose} />
      ) : info.isError ? (
        <Text c="red">{errorMessage(info.error)}</Text>
      ) : (
        <Loader size="sm" />
      )}
    </Modal>
  );
}

function PeriodReportForm({ initialPlanIds, today, onClose }: { initialPlanIds: string[]; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [choice, setChoice] = useState<PeriodChoice>(() => lastEndedPeriod('half-year', today));
  const [chosen, setChosen] = useState<string[]>(initialPlanIds);
  const plans = useApiQuery('plan.list', { docType: 'KH', limit: 500 });
  const draft = useApiMutation('report.draft', {
    silent: true,
    onSuccess: (report) => {
      notifySuccess(t('plans.reportDrafted'));
      onClose();
      void navigate(`/plans/${report.id}`);
    },
  });

  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i));
  const key = periodKey(choice);
  const setKind = (kind: PeriodKind) => setChoice(lastEndedPeriod(kind, today));
  const parts =
    choice.kind === 'quarter'
      ? ROMAN.map((r, i) => ({ value: String(i + 1), label: t('periodReport.quarterN', { n: r }) }))
      : [
          { value: '1', label: t('periodReport.firstHalf') },
          { value: '2', label: t('periodReport.secondHalf') },
        ];
  const items = (plans.data?.items ?? []).slice().sort((a, b) => Number(a.status === 'draft') - Number(b.status === 'draft'));
  const statusLabels = planStatusLabels(t);
  const toggle = (id: string, on: boolean) => setChosen((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <Stack>
      <SegmentedControl
        aria-label={t('periodReport.kind')}
        value={choice.kind}
        onChange={(v) => setKind(v as PeriodKind)}
        data={[
          { value: 'quarter', label: t('periodReport.kindQuarter') },
          { value: 'half-year', label: t('periodReport.kindHalf') },
          { value: 'year', label: t('periodReport.kindYear') },
        ]}
      />
      <Group grow>
        {choice.kind !== 'year' && (
          <NativeSelect
            label={choice.kind === 'quarter' ? t('periodReport.quarter') : t('periodReport.half')}
            value={String(choice.part)}
            onChange={(e) => setChoice({ ...choice, part: Number(e.currentTarget.value) })}
            data={parts}
          />
        )}
        <NativeSelect label={t('periodReport.year')} value={String(choice.year)} onChange={(e) => setChoice({ ...choice, year: Number(e.currentTarget.value) })} data={years} />
      </Group>
      <Text size="sm" data-testid="period-report-label">
        {t('periodReport.period', { label: periodOfKey(key).label })}
      </Text>
      <Stack gap={4} role="group" aria-label={t('periodReport.plans')}>
        <Text size="sm" fw={500}>
          {t('periodReport.plans')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('periodReport.plansHint')}
        </Text>
        <ScrollArea.Autosize mah={320} mt="xs">
          <Stack gap={6}>
            {plans.isError && <Text c="red">{errorMessage(plans.error)}</Text>}
            {plans.data && items.length === 0 && <Text c="dimmed">{t('periodReport.noPlans')}</Text>}
            {items.map((p) => (
              <Group key={p.id} gap="xs" wrap="nowrap" align="flex-start">
                <Checkbox
                  aria-label={`${planNumberLabel(t, p)} — ${p.trichYeu || t('plans.untitled')}`}
                  checked={chosen.includes(p.id)}
                  onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                />
                <Text size="sm" className="kh-grow">
                  <b>{planNumberLabel(t, p)}</b> — {p.trichYeu || t('plans.untitled')}
                </Text>
                <Badge size="sm" variant="light" color={statusColor[p.status]}>
                  {statusLabels[p.status]}
                </Badge>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
      {draft.isError && <Text c="red">{errorMessage(draft.error)}</Text>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel')}
        </Button>
        <Button color="grape" disabled={chosen.length === 0} loading={draft.isPending} onClick={() => draft.mutate({ planIds: chosen, period: key })}>
          {t('plans.draftReport')}
        </Button>
      </Group>
    </Stack>
  );
}
