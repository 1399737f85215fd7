/**
 * One task in a drawer: where it stands in its plan (the duty's body and the task as printed, a link to the plan),
 * its facts, its report history with evidence, a form to add a report (date, text, optional percent, evidence
 * files), and marking it done, paused or cancelled. The backend's Vietnamese messages show at the field they name.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Blockquote,
  Button,
  CloseButton,
  Divider,
  Drawer,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatShortDate } from '../../../../shared/format';
import { localToday } from '../../../../shared/tasks/deadline';
import type { TaskGetOutput, TaskItem } from '../../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { notifyError, notifySuccess } from '../../app/notify';
import { PageLoader } from '../../app/AppLayout';
import { errorMessage } from '../../api/client';
import { dueLabel } from './dueLabel';
import { useEvidenceFiles, type ChosenFile } from './evidence';
import { fieldErrorsOf, NO_ERRORS, type FieldErrors } from './fieldErrors';
import { TaskStatusBadge } from './taskStatus';
import { DateInput } from '../../components/DateInput';

const fileSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

function PlanContext({ data }: { data: TaskGetOutput }) {
  const { t } = useTranslation();
  const { task, context } = data;
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed">
        {t('tasks.inPlan')}{' '}
        <Anchor component={Link} to={`/plans/${task.planId}`} fw={500}>
          {task.plan.ref ? t('plans.numberLabel', { code: task.plan.ref }) : t('plans.unnumbered')} — {task.plan.trichYeu || t('plans.untitled')}
        </Anchor>
      </Text>
      <Blockquote p="sm" color={context.inPlan ? 'blue' : 'gray'} aria-label={t('tasks.asPrinted')}>
        <Text size="sm" fw={700}>
          {context.dutyBody}
        </Text>
        <Text size="sm">{context.printedText}</Text>
      </Blockquote>
      {!context.inPlan && (
        <Text size="sm" c="dimmed">
          {t('tasks.notInPlan')}
        </Text>
      )}
      {task.partners.length > 0 && <Text size="sm">{t('tasks.partners', { names: task.partners.join('; ') })}</Text>}
    </Stack>
  );
}

function Facts({ task }: { task: TaskItem }) {
  const { t } = useTranslation();
  const f = task.facts;
  const lines = [
    f.startedAt && t('tasks.factStarted', { day: formatShortDate(f.startedAt) }),
    f.completedAt && t('tasks.factCompleted', { day: formatShortDate(f.completedAt) }),
    f.paused && t('tasks.factPaused', { day: formatShortDate(f.paused.at), reason: f.paused.reason }),
    f.cancelled && t('tasks.factCancelled', { day: formatShortDate(f.cancelled.at), reason: f.cancelled.reason }),
    f.eventDate && t('tasks.factEvent', { day: formatShortDate(f.eventDate) }),
  ].filter((x): x is string => Boolean(x));
  if (lines.length === 0) return null;
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function ReportForm({ task, today }: { task: TaskItem; today: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today);
  const [text, setText] = useState('');
  const [percent, setPercent] = useState<number | string>('');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [choosing, setChoosing] = useState(false);
  const add = useApiMutation('task.addReport', { silent: true });
  const evidence = useEvidenceFiles();

  const attach = async () => {
    setChoosing(true);
    try {
      const file = await evidence.choose();
      if (file) setFiles((list) => [...list, file]);
    } catch (err) {
      notifyError(err, t('tasks.attachFailed'));
    } finally {
      setChoosing(false);
    }
  };

  const submit = async () => {
    setErrors(NO_ERRORS);
    try {
      await add.mutateAsync({
        taskId: task.id,
        date,
        text,
        percent: typeof percent === 'number' ? percent : null,
        files: files.map((f) => ({ name: f.name, base64: f.base64 })),
      });
      setText('');
      setPercent('');
      setFiles([]);
      notifySuccess(t('tasks.reportSaved'));
    } catch (err) {
      setErrors(fieldErrorsOf(err, ['date', 'text', 'percent', 'files']));
    }
  };

  return (
    <Stack gap="xs" component="form" aria-label={t('tasks.addReport')} onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Title order={4} size="h5">
        {t('tasks.addReport')}
      </Title>
      <Group align="flex-start" grow>
        <DateInput label={t('tasks.reportDate')} clearable={false} value={date} onChange={(d) => setDate(d ?? '')} error={errors.fields['date']} withAsterisk />
        <NumberInput
          label={t('tasks.reportPercent')}
          min={0}
          max={100}
          suffix="%"
          allowDecimal={false}
          value={percent}
          onChange={setPercent}
          error={errors.fields['percent']}
        />
      </Group>
      <Textarea label={t('tasks.reportText')} autosize minRows={3} maxRows={10} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.fields['text']} withAsterisk />
      <Stack gap={4}>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => void attach()} loading={choosing}>
            {t('tasks.attach')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('tasks.attachHint')}
          </Text>
        </Group>
        {files.map((f, i) => (
          <Group key={`${f.name}-${i}`} gap="xs" wrap="nowrap">
            <Text size="sm" truncate>
              {f.name}
            </Text>
            <Text size="xs" c="dimmed">
              {fileSize(f.size)}
            </Text>
            <CloseButton size="sm" aria-label={t('tasks.removeFile', { name: f.name })} onClick={() => setFiles((list) => list.filter((_, j) => j !== i))} />
          </Group>
        ))}
        {errors.fields['files'] && (
          <Text size="sm" c="red" role="alert">
            {errors.fields['files']}
          </Text>
        )}
      </Stack>
      {errors.form && (
        <Alert color="red" role="alert">
          {errors.form}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={add.isPending}>
          {t('tasks.saveReport')}
        </Button>
      </Group>
    </Stack>
  );
}

type StateAction = 'complete' | 'pause' | 'cancel';

function StateForm({ task, today }: { task: TaskItem; today: string }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<StateAction>('complete');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const setState = useApiMutation('task.setState', { silent: true });
  const f = task.facts;
  const closed = Boolean(f.completedAt || f.cancelled);

  const run = async (input: Parameters<typeof setState.mutateAsync>[0], done: string) => {
    setErrors(NO_ERRORS);
    try {
      await setState.mutateAsync(input);
      setReason('');
      notifySuccess(done);
    } catch (err) {
      setErrors(fieldErrorsOf(err, ['date', 'reason']));
    }
  };
  const submit = () =>
    action === 'complete'
      ? run({ taskId: task.id, action, date }, t('tasks.markedDone'))
      : run({ taskId: task.id, action, date, reason }, action === 'pause' ? t('tasks.markedPaused') : t('tasks.markedCancelled'));

  if (closed || f.paused) {
    return (
      <Stack gap="xs">
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group>
          {f.paused && !closed && (
            <Button variant="light" loading={setState.isPending} onClick={() => void run({ taskId: task.id, action: 'resume' }, t('tasks.resumed'))}>
              {t('tasks.resume')}
            </Button>
          )}
          {f.completedAt && (
            <Button variant="light" loading={setState.isPending} onClick={() => void run({ taskId: task.id, action: 'reopen' }, t('tasks.reopened'))}>
              {t('tasks.reopen')}
            </Button>
          )}
          {f.cancelled && !f.cancelled.removedFromPlan && (
            <Button variant="light" loading={setState.isPending} onClick={() => void run({ taskId: task.id, action: 'resume' }, t('tasks.resumed'))}>
              {t('tasks.uncancel')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  const labels: Record<StateAction, string> = { complete: t('tasks.actionComplete'), pause: t('tasks.actionPause'), cancel: t('tasks.actionCancel') };
  return (
    <Stack gap="xs" component="form" aria-label={t('tasks.changeState')} onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Title order={4} size="h5">
        {t('tasks.changeState')}
      </Title>
      <SegmentedControl
        aria-label={t('tasks.changeState')}
        value={action}
        onChange={(v) => {
          setAction(v as StateAction);
          setErrors(NO_ERRORS);
        }}
        data={(['complete', 'pause', 'cancel'] as const).map((value) => ({ value, label: labels[value] }))}
      />
      <DateInput
        label={action === 'complete' ? t('tasks.completedOn') : action === 'pause' ? t('tasks.pausedOn') : t('tasks.cancelledOn')}
        clearable={false}
        value={date}
        onChange={(d) => setDate(d ?? '')}
        error={errors.fields['date']}
        withAsterisk
      />
      {action !== 'complete' && (
        <Textarea label={t('tasks.reason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.fields['reason']} withAsterisk />
      )}
      {errors.form && (
        <Alert color="red" role="alert">
          {errors.form}
        </Alert>
      )}
      <Group>
        <Button type="submit" color={action === 'cancel' ? 'red' : action === 'pause' ? 'violet' : 'green'} loading={setState.isPending}>
          {labels[action]}
        </Button>
      </Group>
    </Stack>
  );
}

function Reports({ data }: { data: TaskGetOutput }) {
  const { t } = useTranslation();
  const evidence = useEvidenceFiles();
  const open = (sha256: string) => void evidence.open(sha256).catch((err: unknown) => notifyError(err, t('tasks.openFailed')));
  if (data.reports.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('tasks.noReports')}
      </Text>
    );
  return (
    <Stack gap="xs" component="ol" role="list" aria-label={t('tasks.reports')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {data.reports.map((r) => (
        <Paper key={r.id} component="li" withBorder p="sm">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {formatShortDate(r.date)}
            </Text>
            {r.percent !== null && <Badge variant="light">{`${r.percent}%`}</Badge>}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.text}
          </Text>
          {r.files.map((f) => (
            <Group key={f.sha256} gap="xs" mt={4} wrap="nowrap">
              <Anchor component="button" type="button" size="sm" onClick={() => open(f.sha256)} aria-label={t('tasks.openFile', { name: f.name })}>
                {f.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {fileSize(f.size)}
              </Text>
            </Group>
          ))}
        </Paper>
      ))}
    </Stack>
  );
}

/** `today`: the backend's day (the list's `on`), the forms' default date. */
export function TaskDrawer({ id, onClose, today = localToday() }: { id: string | null; onClose: () => void; today?: string }) {
  const { t } = useTranslation();
  const task = useApiQuery('task.get', { id: id ?? '' }, { enabled: id !== null });
  const data = id !== null ? task.data : undefined;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl" title={t('tasks.drawerTitle')} aria-label={t('tasks.drawerTitle')}>
      {id !== null && task.isPending ? (
        <PageLoader />
      ) : id !== null && task.isError ? (
        <Alert color="red" title={t('errors.loadFailed')}>
          {errorMessage(task.error)}
        </Alert>
      ) : data ? (
        <Stack gap="md" data-testid="task-drawer">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <TaskStatusBadge status={data.task.status} removed={data.task.removedFromPlan} />
            <Text size="sm">{t('tasks.dueIs', { due: dueLabel(t, data.task) })}</Text>
          </Group>
          <Title order={3} size="h4" style={{ whiteSpace: 'pre-wrap' }}>
            {data.task.text}
          </Title>
          <Text size="sm">{t('tasks.bodyIs', { body: data.task.body })}</Text>
          <PlanContext data={data} />
          <Facts task={data.task} />
          {data.periods.length > 0 && (
            <Stack gap={2} aria-label={t('tasks.periods')}>
              {data.periods.map((p) => (
                <Group key={p.key} gap="xs">
                  <Text size="sm">{p.label}</Text>
                  <TaskStatusBadge status={p.status} />
                </Group>
              ))}
            </Stack>
          )}
          <Divider />
          {!data.task.removedFromPlan && <StateForm key={`${data.task.id}-state`} task={data.task} today={today} />}
          {!data.task.facts.cancelled && <ReportForm key={`${data.task.id}-report`} task={data.task} today={today} />}
          <Divider />
          <Title order={4} size="h5">
            {t('tasks.reports')}
          </Title>
          <Reports data={data} />
        </Stack>
      ) : null}
    </Drawer>
  );
}
