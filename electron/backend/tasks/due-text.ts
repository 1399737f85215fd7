/** A task's deadline as words for a table: "31/03/2025", "Thường xuyên", "Hằng quý", or the relative text. */
import type { TaskDue } from '../../../shared/model';
import { deadlineOf } from '../../../shared/tasks/deadline';

const EVERY = { quarter: 'Hằng quý', 'half-year': '6 tháng một lần', year: 'Hằng năm' } as const;

export function formatDue(due: TaskDue | null): string {
  const d = deadlineOf(due);
  switch (d.kind) {
    case 'none':
      return '';
    case 'ongoing':
      return 'Thường xuyên';
    case 'recurring':
      return EVERY[d.every];
    case 'dates':
      return [...d.dates].sort().map((x) => x.split('-').reverse().join('/')).join('; ');
    case 'relative':
      return d.text;
  }
}
