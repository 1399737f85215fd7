/**
 * The task table: a keyboard grid over every matching task, drawn a window at a time. Rows have one fixed height,
 * so only the rows in view (and a few beyond) exist in the page, and their data is fetched from `task.list` in
 * pages of PAGE_ROWS as they come into view; 100,000 tasks cost what 40 do. Arrow keys, Page Up/Down, Home and End
 * move the active row; Enter (or a click) opens it. Overdue rows are tinted red with a red edge.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TaskItem, TaskListInput, TaskListOutput } from '../../../../shared/api';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { dueLabel } from './dueLabel';
import { lightSkeleton } from '../../components/lightLook';
import { taskStatusBadge } from './taskStatus';
import { movedRow, pagesOf, scrollToShow, visibleRows } from './windowing';
import { PAGE_ROWS } from './taskFilter';
import './tasks.css';

export const ROW_HEIGHT = 44;
/** Height assumed before the grid is measured (and in jsdom, which measures nothing). */
const DEFAULT_VIEWPORT = 600;

export type TaskListFilter = Omit<TaskListInput, 'offset' | 'limit'>;

const pageInput = (filter: TaskListFilter, page: number): TaskListInput => ({ ...filter, offset: page * PAGE_ROWS, limit: PAGE_ROWS });

/** The pages of `task.list` that hold the rows in view. */
export function useTaskPages(filter: TaskListFilter, pages: number[]) {
  const results: UseQueryResult<TaskListOutput, Error>[] = useQueries({
    queries: pages.map((p) => ({ queryKey: queryKey('task.list', pageInput(filter, p)), queryFn: () => call('task.list', pageInput(filter, p)) })),
  });
  const byPage = new Map(pages.map((p, i) => [p, results[i]?.data]));
  return (index: number): TaskItem | undefined => byPage.get(Math.floor(index / PAGE_ROWS))?.items[index % PAGE_ROWS];
}

interface Props {
  filter: TaskListFilter;
  /** The total of matching tasks (from the first page, fetched by the page). */
  total: number;
  /** The first page, already fetched by the page (it gives the total). */
  firstPage: TaskListOutput;
  onOpen: (task: TaskItem) => void;
  label: string;
}

export function TaskTable({ filter, total, firstPage, onOpen, label }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);
  const [active, setActive] = useState(0);
  const filterKey = JSON.stringify(filter);

  // A new filter starts at the top.
  useEffect(() => {
    setActive(0);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [filterKey]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight > 0 ? el.clientHeight - ROW_HEIGHT : DEFAULT_VIEWPORT);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const range = visibleRows({ scrollTop, viewport, rowHeight: ROW_HEIGHT, total });
  const pages = pagesOf(range.start, range.end, PAGE_ROWS).filter((p) => p > 0);
  const later = useTaskPages(filter, pages);
  const rowAt = (index: number) => (index < PAGE_ROWS ? firstPage.items[index] : later(index));
  const current = Math.min(active, Math.max(0, total - 1));
  const rowId = (index: number) => `${id}-row-${index}`;

  const moveTo = (index: number) => {
    setActive(index);
    const el = scroller.current;
    if (!el) return;
    const top = scrollToShow(index, { scrollTop: el.scrollTop, viewport, rowHeight: ROW_HEIGHT });
    if (top !== el.scrollTop) {
      el.scrollTop = top;
      setScrollTop(top);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter') {
      const task = rowAt(current);
      if (task) {
        event.preventDefault();
        onOpen(task);
      }
      return;
    }
    const next = movedRow(event.key, current, total, Math.floor(viewport / ROW_HEIGHT));
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const task = rowAt(index);
    const overdue = task?.status === 'overdue';
    rows.push(
      <div
        key={index}
        id={rowId(index)}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={index === current}
        className="kh-tasks-row"
        data-overdue={overdue || undefined}
        data-active={index === current || undefined}
        style={{ transform: `translateY(${(index + 1) * ROW_HEIGHT}px)` }}
        onClick={() => {
          setActive(index);
          if (task) onOpen(task);
        }}
      >
        {task ? (
          <>
            <div role="gridcell" className="kh-tasks-due">
              {dueLabel(t, task)}
            </div>
            <div role="gridcell" className="kh-tasks-text" title={task.text}>
              {task.text}
            </div>
            <div role="gridcell" className="kh-tasks-cell" title={task.plan.owner ? t('tasks.bodyOfOwner', { body: task.body, owner: task.plan.owner.name }) : task.body}>
              {task.body}
              {task.plan.owner && (
                <span className="kh-tasks-owner">
                  {' · '}
                  {task.plan.owner.name}
                </span>
              )}
            </div>
            <div role="gridcell" className="kh-tasks-cell" title={task.plan.trichYeu}>
              {task.plan.ref || t('plans.unnumbered')}
            </div>
            <div role="gridcell" className="kh-tasks-status">
              {taskStatusBadge(t, task.status, task.removedFromPlan)}
            </div>
            <div role="gridcell" className="kh-tasks-percent">
              {task.lastReport?.percent != null ? `${task.lastReport.percent}%` : ''}
            </div>
          </>
        ) : (
          <div role="gridcell" className="kh-tasks-loading">
            {lightSkeleton(12, t('app.loading'))}
          </div>
        )}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-activedescendant={total > 0 ? rowId(current) : undefined}
      tabIndex={0}
      className="kh-tasks-grid"
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid="task-grid"
    >
      <div style={{ height: (total + 1) * ROW_HEIGHT, position: 'relative' }}>
        <div role="row" aria-rowindex={1} className="kh-tasks-header">
          <div role="columnheader">{t('tasks.colDue')}</div>
          <div role="columnheader">{t('tasks.colText')}</div>
          <div role="columnheader">{t('tasks.colBody')}</div>
          <div role="columnheader">{t('tasks.colPlan')}</div>
          <div role="columnheader">{t('tasks.colStatus')}</div>
          <div role="columnheader">{t('tasks.colPercent')}</div>
        </div>
        {rows}
      </div>
    </div>
  );
}
