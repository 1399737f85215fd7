/**
 * The reporting period a clerk chooses for a BÁO CÁO over several plans: a quarter, a half-year or a year, as the
 * key the backend takes ("2025-Q1", "2025-H1", "2025"). Pure.
 */
export type PeriodKind = 'quarter' | 'half-year' | 'year';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** The quarter (1-4) or the half (1-2); ignored for a year. */
  part: number;
}

/** "2025-Q3", "2025-H1", "2025". */
export function periodKey({ kind, year, part }: PeriodChoice): string {
  if (kind === 'year') return String(year);
  return `${year}-${kind === 'quarter' ? 'Q' : 'H'}${part}`;
}

/**
 * What to offer first on `today` ("YYYY-MM-DD"): the period that last ended, the one a report is usually asked for
 * (in April, Quý I; in July, 6 tháng đầu năm; in January, last year).
 */
export function lastEndedPeriod(kind: PeriodKind, today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return { kind, year: year - 1, part: 1 };
  const span = kind === 'quarter' ? 3 : 6;
  const current = Math.floor((month - 1) / span) + 1;
  return current === 1 ? { kind, year: year - 1, part: 12 / span } : { kind, year, part: current - 1 };
}
