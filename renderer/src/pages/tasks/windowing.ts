/**
 * Fixed-height row windowing for long lists: which rows to draw for a scroll position, and which pages of rows to
 * fetch for them. Every row has the same height, so the arithmetic is exact and no row is ever measured; a list of
 * 100,000 rows draws a few dozen.
 */

export interface WindowInput {
  scrollTop: number;
  /** Height of the visible area (px). */
  viewport: number;
  rowHeight: number;
  total: number;
  /** Rows drawn beyond each edge, so a quick scroll shows no blank. */
  overscan?: number;
}

/** First row drawn and one past the last ([start, end)); empty when there is no row. */
export function visibleRows({ scrollTop, viewport, rowHeight, total, overscan = 8 }: WindowInput): { start: number; end: number } {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.min(total - 1, Math.max(0, first - overscan));
  const end = Math.min(total, first + shown + overscan);
  return { start, end: Math.max(start + 1, end) };
}

/** The page numbers (0-based, `pageSize` rows each) that hold rows [start, end). */
export function pagesOf(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible (as a keyboard move expects);
 * unchanged when it is already in view.
 */
export function scrollToShow(index: number, { scrollTop, viewport, rowHeight }: Pick<WindowInput, 'scrollTop' | 'viewport' | 'rowHeight'>): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return scrollTop;
}

/** The row a key moves the active row to (null: the key does not move it). */
export function movedRow(key: string, active: number, total: number, pageRows: number): number | null {
  if (total <= 0) return null;
  const clamp = (n: number) => Math.min(total - 1, Math.max(0, n));
  switch (key) {
    case 'ArrowDown':
      return clamp(active + 1);
    case 'ArrowUp':
      return clamp(active - 1);
    case 'PageDown':
      return clamp(active + Math.max(1, pageRows - 1));
    case 'PageUp':
      return clamp(active - Math.max(1, pageRows - 1));
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return null;
  }
}
