// @vitest-environment jsdom
/**
 * Tổng quan, the start page, over the real backend: seed 01 issued and looked at on 25/03/2025. Counts by status
 * and in the two groups, what falls due within 14 days, overdue by body, the timeline, and the notice at app open.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { appOnDay, planFromSeed } from './app-on-day';
import { renderApp } from './render-app';

const TODAY = Date.UTC(2025, 2, 25, 3);
const session = appOnDay(TODAY);

describe('Tổng quan', () => {
  it('is the start page, first in the sidebar, and says how tasks come when there are none', async () => {
    const { router } = await renderApp('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/overview'));
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getAllByRole('link')[0]).toHaveTextContent('Tổng quan');
    expect(await screen.findByText('Chưa có nhiệm vụ nào được theo dõi', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('start-notice')).toBeNull();
  });

  it('counts by status, lists what falls due, overdue by body, draws the timeline; a count opens the filtered list', async () => {
    await planFromSeed(session.bridge, /đại hội điểm/i);
    const { user, router } = await renderApp('/');
    const byStatus = await screen.findByRole('list', { name: 'Theo trạng thái' }, { timeout: 10_000 });
    expect(within(byStatus).getByRole('listitem', { name: 'Quá hạn: 3' })).toBeInTheDocument();
    expect(within(byStatus).getByRole('listitem', { name: 'Sắp đến hạn: 16' })).toBeInTheDocument();
    // "Thường xuyên …" tasks are ongoing; every other task has the pilot schedule's date (none is without a deadline).
    expect(within(byStatus).getByRole('listitem', { name: 'Thường xuyên: 3' })).toBeInTheDocument();
    expect(within(byStatus).getByRole('listitem', { name: 'Chưa thực hiện: 0' })).toBeInTheDocument();
    expect(screen.getByLabelText('Chưa hoàn thành')).toHaveTextContent('22');
    expect(screen.getByLabelText('Chưa hoàn thành')).toHaveTextContent('Trong hạn: 19 · Quá hạn: 3');
    expect(screen.getByLabelText('Đã hoàn thành')).toHaveTextContent('0');

    const due = screen.getByRole('list', { name: 'Đến hạn trong 14 ngày tới' });
    expect(within(due).getAllByRole('listitem')).toHaveLength(10);
    expect(due).toHaveTextContent('31/3/2025');

    const overdue = screen.getByRole('list', { name: 'Quá hạn theo đơn vị' });
    expect(within(overdue).getAllByRole('listitem').map((x) => x.getAttribute('aria-label'))).toEqual([
      'Đảng bộ xã Bình Lư: 2 nhiệm vụ quá hạn',
      'Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư: 1 nhiệm vụ quá hạn',
    ]);

    // The timeline: one plan row, its three pilot units as diamonds in their status colours, today marked.
    const timeline = screen.getByTestId('timeline');
    expect(within(timeline).getAllByTestId('timeline-plan')).toHaveLength(1);
    expect(timeline.querySelectorAll('[data-status="overdue"] rect')).toHaveLength(1);
    expect(timeline.querySelectorAll('[data-status="due_soon"] rect')).toHaveLength(2);
    expect(timeline).toHaveTextContent('Hôm nay');

    // The notice at app open: once, with what is overdue and due this week.
    const notice = await screen.findByTestId('start-notice');
    expect(notice).toHaveTextContent('3 nhiệm vụ quá hạn');
    expect(notice).toHaveTextContent('16 nhiệm vụ đến hạn trong tuần này');

    await user.click(within(overdue).getAllByRole('listitem')[0]!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks'));
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('overdue');
    const grid = await screen.findByRole('grid', { name: 'Danh sách nhiệm vụ' }, { timeout: 10_000 });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(3)); // Bình Lư's two tasks and the header
  });
});
