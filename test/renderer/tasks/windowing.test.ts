import { movedRow, pagesOf, scrollToShow, visibleRows } from '../../../renderer/src/pages/tasks/windowing';

describe('row windowing', () => {
  it('draws the rows in view and a few beyond, never past the ends', () => {
    expect(visibleRows({ scrollTop: 0, viewport: 400, rowHeight: 40, total: 100_000, overscan: 5 })).toEqual({ start: 0, end: 16 });
    expect(visibleRows({ scrollTop: 4000, viewport: 400, rowHeight: 40, total: 100_000, overscan: 5 })).toEqual({ start: 95, end: 116 });
    // Scrolled to the very end.
    expect(visibleRows({ scrollTop: 40 * 99_990, viewport: 400, rowHeight: 40, total: 100_000, overscan: 5 })).toEqual({ start: 99_985, end: 100_000 });
    expect(visibleRows({ scrollTop: 0, viewport: 400, rowHeight: 40, total: 3 })).toEqual({ start: 0, end: 3 });
    expect(visibleRows({ scrollTop: 0, viewport: 400, rowHeight: 40, total: 0 })).toEqual({ start: 0, end: 0 });
    // A scroll position left over from a longer list still shows the last rows of a shorter one.
    expect(visibleRows({ scrollTop: 40_000, viewport: 400, rowHeight: 40, total: 10, overscan: 2 })).toEqual({ start: 9, end: 10 });
  });

  it('names the pages that hold the rows drawn', () => {
    expect(pagesOf(0, 16, 100)).toEqual([0]);
    expect(pagesOf(95, 116, 100)).toEqual([0, 1]);
    expect(pagesOf(100, 200, 100)).toEqual([1]);
    expect(pagesOf(5, 5, 100)).toEqual([]);
  });

  it('scrolls as little as needed to show a row whole', () => {
    const view = { scrollTop: 400, viewport: 400, rowHeight: 40 };
    expect(scrollToShow(12, view)).toBe(400); // already in view
    expect(scrollToShow(5, view)).toBe(200); // above: its top at the top
    expect(scrollToShow(25, view)).toBe(640); // below: its bottom at the bottom
  });

  it('moves the active row by arrow keys, page keys, Home and End', () => {
    expect(movedRow('ArrowDown', 0, 10, 5)).toBe(1);
    expect(movedRow('ArrowDown', 9, 10, 5)).toBe(9);
    expect(movedRow('ArrowUp', 0, 10, 5)).toBe(0);
    expect(movedRow('PageDown', 0, 100_000, 11)).toBe(10);
    expect(movedRow('PageUp', 5, 100, 11)).toBe(0);
    expect(movedRow('End', 0, 100_000, 11)).toBe(99_999);
    expect(movedRow('Home', 50, 100, 11)).toBe(0);
    expect(movedRow('Enter', 3, 10, 5)).toBeNull();
    expect(movedRow('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
