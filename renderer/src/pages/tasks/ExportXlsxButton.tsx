/** "Xuất Excel": the tasks the filters show, one row each with its status today, saved where she chooses. */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/queries';
import { notifyError, notifySuccess } from '../../app/notify';
import type { TaskListFilter } from './TaskTable';

export function ExportXlsxButton({ filter, disabled }: { filter: TaskListFilter; disabled: boolean }) {
  const { t } = useTranslation();
  const save = useApiMutation('file.chooseSave', { silent: true });
  const run = async () => {
    try {
      const result = await save.mutateAsync({ source: { kind: 'tasks.xlsx', filter } });
      if (result.saved) notifySuccess(t('tasks.exported', { fileName: result.fileName }));
    } catch (err) {
      notifyError(err, t('tasks.exportFailed'));
    }
  };
  return (
    <Button variant="light" onClick={() => void run()} loading={save.isPending} disabled={disabled}>
      {t('tasks.exportXlsx')}
    </Button>
  );
}
