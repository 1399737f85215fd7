/**
 * At app open, once per start: an in-app notice of what is overdue and what falls due this week, linking to the
 * Nhiệm vụ page filtered to it. Nothing is shown when nothing needs attention. (The system notification of the
 * desktop app, at most once a day, comes from main: electron/main/task-notice.ts.)
 */
import { useEffect } from 'react';
import { Anchor, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';
import { useAfterStartup } from '../api/afterStartup';
import { addDays } from '../../../shared/tasks/deadline';
import { tasksLink } from '../pages/tasks/taskFilter';

/** "This week": today and the six days after it. */
export const WEEK_DAYS = 6;
const NOTICE_ID = 'start-notice';

/** Shown once per page load (the app's start), even when the shell remounts. */
let shown = false;
/** For tests: the next mount may show the notice again. */
export const resetStartNotice = () => {
  shown = false;
};

export function StartNotice() {
  const { t } = useTranslation();
  // The notice is drawn outside the router (the notifications live in the providers): links navigate by hand.
  const navigate = useNavigate();
  // Not a call the page needs: asked once the page has its data (on a large store the summary takes a while).
  const afterStartup = useAfterStartup();
  const summary = useApiQuery('task.summary', { withinDays: WEEK_DAYS, limit: 0 }, { enabled: !shown && afterStartup });
  const overdue = summary.data?.rollUp.notDone.overdue ?? 0;
  const dueThisWeek = summary.data?.dueSoon.total ?? 0;
  useEffect(() => {
    if (shown || !summary.data) return;
    shown = true;
    if (overdue === 0 && dueThisWeek === 0) return;
    const go = (to: string) => {
      notifications.hide(NOTICE_ID);
      void navigate(to);
    };
    const on = summary.data.on;
    notifications.show({
      id: NOTICE_ID,
      color: overdue > 0 ? 'red' : 'yellow',
      title: t('startNotice.title'),
      autoClose: 15_000,
      message: (
        <Stack gap={2} data-testid="start-notice">
          {overdue > 0 && (
            <Anchor component="button" type="button" size="sm" ta="left" onClick={() => go(tasksLink({ statuses: ['overdue'] }))}>
              {t('startNotice.overdue', { count: overdue })}
            </Anchor>
          )}
          {dueThisWeek > 0 && (
            <Anchor component="button" type="button" size="sm" ta="left" onClick={() => go(tasksLink({ statuses: ['due_soon'], dueFrom: on, dueTo: addDays(on, WEEK_DAYS) }))}>
              {t('startNotice.dueThisWeek', { count: dueThisWeek })}
            </Anchor>
          )}
        </Stack>
      ),
    });
  }, [summary.data, overdue, dueThisWeek, t, navigate]);
  return null;
}
