/**
 * Where the timeline draws each plan and each of its dated tasks and pilot units: a pure layout over days
 * ("YYYY-MM-DD"), so the picture is testable without a browser. One row per plan; x is time, with today marked.
 */
import { addDays, daysBetween } from '../../../../shared/tasks/deadline';
import type { TaskStatusCode } from '../../../../shared/tasks';

export interface TimelineItem {
  id: string;
  kind: 'task' | 'pilot';
  label: string;
  due: string;
  status: TaskStatusCode;
}

export interface TimelinePlan {
  planId: string;
  label: string;
  /** The day the plan was issued (its bar starts there), when known. */
  start: string | null;
  items: TimelineItem[];
}

export interface TimelineGeometry {
  width: number;
  labelWidth: number;
  rowHeight: number;
  top: number;
}

export const TIMELINE_GEOMETRY: TimelineGeometry = { width: 1000, labelWidth: 280, rowHeight: 30, top: 28 };

export interface PlacedItem extends TimelineItem {
  x: number;
  y: number;
}
export interface PlacedPlan {
  planId: string;
  label: string;
  y: number;
  bar: { x1: number; x2: number } | null;
  items: PlacedItem[];
}
export interface Tick {
  x: number;
  day: string;
  /** "6/2025", or the year alone on a year's first tick when ticks are a year apart. */
  text: string;
}
export interface TimelineLayout {
  from: string;
  to: string;
  height: number;
  today: { x: number; day: string };
  ticks: Tick[];
  plans: PlacedPlan[];
}

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
function addMonths(first: string, n: number): string {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}-01`;
}

/** Ticks on month starts, 1, 3, 6 or 12 months apart so that at most `max` fit. */
export function monthTicks(from: string, to: string, max = 12): { day: string; text: string }[] {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  const step = [1, 3, 6, 12, 24, 60].find((s) => months / s <= max) ?? 120;
  let day = firstOfMonth(from);
  if (day < from) day = addMonths(day, 1);
  // Align quarters and half-years on January.
  while ((Number(day.slice(5, 7)) - 1) % Math.min(step, 12) !== 0) day = addMonths(day, 1);
  const out: { day: string; text: string }[] = [];
  for (; day <= to; day = addMonths(day, step)) {
    const month = Number(day.slice(5, 7));
    out.push({ day, text: step >= 12 ? day.slice(0, 4) : `${month}/${day.slice(0, 4)}` });
  }
  return out;
}

/** Places every plan and item between the earliest and the latest day shown (today always among them). */
export function timelineLayout(plans: TimelinePlan[], today: string, g: TimelineGeometry = TIMELINE_GEOMETRY): TimelineLayout {
  const days = [today, ...plans.flatMap((p) => [...(p.start ? [p.start] : []), ...p.items.map((i) => i.due)])].sort();
  let from = days[0]!;
  let to = days[days.length - 1]!;
  // At least a month either side of today, and a margin so the end markers are not cut.
  const span = Math.max(60, daysBetween(from, to));
  const pad = Math.ceil(span * 0.04);
  from = addDays(from < addDays(today, -30) ? from : addDays(today, -30), -pad);
  to = addDays(to > addDays(today, 30) ? to : addDays(today, 30), pad);
  const total = daysBetween(from, to);
  const plotLeft = g.labelWidth + 8;
  const plotWidth = g.width - plotLeft - 12;
  const x = (day: string) => Math.round((plotLeft + (daysBetween(from, day) / total) * plotWidth) * 10) / 10;
  const placed = plans.map((p, row): PlacedPlan => {
    const y = g.top + row * g.rowHeight + g.rowHeight / 2;
    const dues = p.items.map((i) => i.due).sort();
    const barFrom = p.start ?? dues[0];
    const barTo = dues[dues.length - 1];
    return {
      planId: p.planId,
      label: p.label,
      y,
      bar: barFrom && barTo && barTo >= barFrom ? { x1: x(barFrom), x2: x(barTo) } : null,
      items: p.items.map((i) => ({ ...i, x: x(i.due), y })),
    };
  });
  return {
    from,
    to,
    height: g.top + plans.length * g.rowHeight + 8,
    today: { x: x(today), day: today },
    ticks: monthTicks(from, to).map((t) => ({ ...t, x: x(t.day) })),
    plans: placed,
  };
}
