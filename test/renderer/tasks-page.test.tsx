// @vitest-environment jsdom
/**
 * The Nhiệm vụ page over the real backend: seed 01 issued on a fixed day (25/03/2025), its tasks listed soonest due
 * first with the overdue pilot unit standing out, filters and accent-free search, the keyboard, the drawer (report,
 * completion late, the backend's message at its field), and only a window of rows drawn for a long list.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import type { KehoachBridge, TemplateSummary } from '../../shared/api';
import { resetStartNotice } from '../../renderer/src/app/StartNotice';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

const TODAY = Date.UTC(2025, 2, 25, 3); // 25/03/2025, 10:00 in Việt Nam
let bridge: RealBridge;
let templates: TemplateSummary[];
beforeEach(async () => {
  bridge = installRealBridge({ clock: () => TODAY });
  templates = await bridge.call('template.list', {});
  resetStartNotice();
});
afterEach(() => {
  bridge.dispose();
  notifications.clean();
});

/**
 * Seed 01 numbered and issued: 19 tasks and 3 pilot units (deadlines 10/01/2025, 31/03/2025, 31/03/2025). Bình Lư's
 * two dated tasks fall due with its congress (10/01/2025), 14 others with the last one (31/03/2025); 3 are ongoing.
 */
async function issueSeed01(): Promise<string> {
  const seed = templates.find((x) => x.kind === 'seed' && /đại hội điểm/i.test(x.name))!;
  const plan = await bridge.call('template.instantiate', { templateId: seed.id });
  await bridge.call('plan.allocateNumber', { id: plan.id });
  await bridge.call('plan.issue', { id: plan.id });
  return plan.id;
}

const grid = () => screen.findByRole('grid', { name: 'Danh sách nhiệm vụ' }, { timeout: 10_000 });
const dataRows = (g: HTMLElement) => within(g).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');

describe('Nhiệm vụ page', () => {
  it('says where tasks come from when no plan is issued', async () => {
    await renderApp('/tasks');
    expect(await screen.findByText('Chưa có nhiệm vụ nào được theo dõi', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('lists the tasks of an issued plan soonest first, the overdue one standing out; filters and searches without accents', async () => {
    await issueSeed01();
    const { user, router } = await renderApp('/tasks');
    const g = await grid();
    await waitFor(() => expect(dataRows(g)).toHaveLength(22));
    expect(screen.getByText(/^Tổng số: 22 nhiệm vụ/)).toBeInTheDocument();
    const rows = dataRows(g);
    for (const overdue of rows.slice(0, 3)) {
      expect(overdue).toHaveTextContent('10/01/2025');
      expect(within(overdue).getByText('Quá hạn')).toBeInTheDocument();
      expect(overdue).toHaveAttribute('data-overdue', 'true');
    }
    expect(rows.slice(0, 3).filter((r) => r.textContent?.includes('Chi bộ 02 (bản Nà Phát)'))).toHaveLength(1);
    expect(within(rows[3]!).getByText('Sắp đến hạn')).toBeInTheDocument();
    expect(rows[4]).toHaveTextContent('31/3/2025');
    expect(rows[3]).not.toHaveAttribute('data-overdue');

    // Status filter, kept in the address.
    await user.click(screen.getByRole('combobox', { name: 'Trạng thái' }));
    await user.click(await screen.findByRole('option', { name: 'Quá hạn' }));
    await waitFor(() => expect(dataRows(g)).toHaveLength(3));
    expect(router.state.location.search).toBe('?status=overdue');
    await user.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    await waitFor(() => expect(dataRows(g)).toHaveLength(22));

    // Body filter: the bodies present among the tasks are offered.
    await user.click(screen.getByRole('combobox', { name: 'Đơn vị chủ trì' }));
    await user.click(await screen.findByRole('option', { name: 'Văn phòng Huyện ủy' }));
    await waitFor(() => expect(dataRows(g)).toHaveLength(2));
    for (const row of dataRows(g)) expect(row).toHaveTextContent('Văn phòng Huyện ủy');
    await user.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    await waitFor(() => expect(dataRows(g)).toHaveLength(22));

    // Accent-free search.
    await user.type(screen.getByRole('searchbox', { name: 'Tìm nhiệm vụ' }), 'na phat');
    await waitFor(() => {
      const rows = dataRows(g);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(22);
      for (const row of rows) expect(row.textContent).toMatch(/Nà Phát/);
    });
    expect(router.state.location.search).toBe('?q=na+phat');
  });

  it('shows the due range as dd/mm/yyyy in the window\'s language and picks it from a calendar', async () => {
    await issueSeed01();
    const { user, router } = await renderApp('/tasks?from=2025-01-05&to=2025-03-31');
    const g = await grid();
    const from = screen.getByRole('button', { name: 'Hạn từ ngày' });
    expect(from).toHaveTextContent(/^05\/01\/2025$/u);
    expect(screen.getByRole('button', { name: 'Đến ngày' })).toHaveTextContent(/^31\/03\/2025$/u);
    await waitFor(() => expect(dataRows(g).length).toBeGreaterThan(3));
    await user.click(from);
    await user.click(await screen.findByRole('button', { name: '11 tháng 1 2025' }));
    await waitFor(() => expect(router.state.location.search).toBe('?from=2025-01-11&to=2025-03-31'));
    expect(screen.getByRole('button', { name: 'Hạn từ ngày' })).toHaveTextContent(/^11\/01\/2025$/u);
    await waitFor(() => {
      for (const row of dataRows(g)) expect(row).not.toHaveTextContent('10/01/2025');
    });
  });

  it('works by keyboard: arrows move, Enter opens the drawer with the plan context', async () => {
    const planId = await issueSeed01();
    const { user, router } = await renderApp('/tasks');
    const g = await grid();
    await waitFor(() => expect(dataRows(g)).toHaveLength(22));
    g.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}');
    const active = dataRows(g)[3]!;
    expect(g).toHaveAttribute('aria-activedescendant', active.id);
    expect(active).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    const drawer = await screen.findByRole('dialog', { name: 'Chi tiết nhiệm vụ' });
    expect(router.state.location.search).toMatch(/task=/);
    await within(drawer).findByTestId('task-drawer');
    expect(within(drawer).getByText('Sắp đến hạn')).toBeInTheDocument();
    const link = within(drawer).getByRole('link', { name: /^Số \d+-KH\/HU — / });
    expect(link).toHaveAttribute('href', `/plans/${planId}`);
    const printed = within(drawer).getByLabelText('Nhiệm vụ như in trong kế hoạch');
    expect(active.textContent).toContain(printed.firstElementChild!.textContent);
  });

  it('records a report, shows the backend message at its field, and a late completion reads "Hoàn thành quá hạn"', async () => {
    await issueSeed01();
    const { user } = await renderApp('/tasks');
    const g = await grid();
    await waitFor(() => expect(dataRows(g)).toHaveLength(22));
    await user.click(dataRows(g)[0]!);
    const drawer = await screen.findByRole('dialog', { name: 'Chi tiết nhiệm vụ' });
    await within(drawer).findByTestId('task-drawer');

    // A blank report text: the Vietnamese message sits at the field and nothing is stored.
    const report = within(drawer).getByRole('form', { name: 'Báo cáo tiến độ' });
    await user.click(within(report).getByRole('button', { name: 'Lưu báo cáo' }));
    expect(await within(report).findByText('Không được để trống')).toBeInTheDocument();
    expect(within(drawer).getByText('Chưa có báo cáo tiến độ nào.')).toBeInTheDocument();

    await user.type(within(report).getByLabelText(/Kết quả thực hiện/), 'Đã họp chi ủy, thống nhất phương án nhân sự.');
    await user.type(within(report).getByLabelText('Tỷ lệ hoàn thành'), '60');
    await user.click(within(report).getByRole('button', { name: 'Lưu báo cáo' }));
    const history = await within(drawer).findByRole('list', { name: 'Các lần báo cáo' });
    expect(history).toHaveTextContent('25/3/2025');
    expect(history).toHaveTextContent('60%');
    expect(history).toHaveTextContent('Đã họp chi ủy, thống nhất phương án nhân sự.');

    // Completed on 20/03/2025, after its deadline of 10/01/2025.
    const state = within(drawer).getByRole('form', { name: 'Cập nhật trạng thái' });
    const completedOn = within(state).getByRole('button', { name: /Ngày hoàn thành/ });
    expect(completedOn).toHaveTextContent(/^25\/03\/2025$/u);
    await user.click(completedOn);
    await user.click(await screen.findByRole('button', { name: '20 tháng 3 2025' }));
    expect(completedOn).toHaveTextContent(/^20\/03\/2025$/u);
    await user.click(within(state).getByRole('button', { name: 'Hoàn thành' }));
    expect(await within(drawer).findByText('Hoàn thành quá hạn')).toBeInTheDocument();
    expect(within(drawer).getByText('Hoàn thành ngày 20/3/2025')).toBeInTheDocument();
    await waitFor(() => expect(within(dataRows(g)[0]!).getByText('Hoàn thành quá hạn')).toBeInTheDocument());
    expect(dataRows(g)[0]).not.toHaveAttribute('data-overdue');
  });

  it('reads what the filters offer after the first rows, and keeps closed lists and the closed drawer out of the page', async () => {
    await issueSeed01();
    // The order in which calls start and are answered (the backend answers one at a time).
    const order: string[] = [];
    const bridgeWindow = window as Window & { kehoach?: KehoachBridge };
    const inner = bridgeWindow.kehoach!.invoke;
    bridgeWindow.kehoach!.invoke = async (channel, input) => {
      order.push(`start ${channel}`);
      const answer = await inner(channel, input);
      order.push(`done ${channel}`);
      return answer;
    };
    const { user } = await renderApp('/tasks');
    const g = await grid();
    await waitFor(() => expect(dataRows(g)).toHaveLength(22));
    await waitFor(() => expect(order).toContain('done task.filterOptions'));
    expect(order.indexOf('start task.filterOptions')).toBeGreaterThan(order.indexOf('done task.list'));

    // No option of a closed list and no drawer is in the page; each comes when opened and goes when closed.
    expect(screen.queryAllByRole('option', { hidden: true })).toHaveLength(0);
    expect(document.querySelector('.mantine-Drawer-root')).toBeNull();
    await user.click(screen.getByRole('combobox', { name: 'Đơn vị chủ trì' }));
    expect(await screen.findByRole('option', { name: 'Văn phòng Huyện ủy' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryAllByRole('option', { hidden: true })).toHaveLength(0));
    await user.click(dataRows(g)[0]!);
    const drawer = await screen.findByRole('dialog', { name: 'Chi tiết nhiệm vụ' });
    await within(drawer).findByTestId('task-drawer');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.querySelector('.mantine-Drawer-root')).toBeNull());
  });

  it('draws only the rows in view and fetches the page of rows scrolled to', async () => {
    for (let i = 0; i < 5; i++) await issueSeed01(); // 110 tasks: two pages of rows
    await renderApp('/tasks');
    const g = await grid();
    await waitFor(() => expect(g).toHaveAttribute('aria-rowcount', '111'));
    const drawn = dataRows(g).length;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(40);
    expect(bridge.calls.some((c) => c.channel === 'task.list' && (c.input as { offset?: number }).offset === 100)).toBe(false);

    g.scrollTop = 105 * 44;
    fireEvent.scroll(g);
    // Row 106 (aria-rowindex 107) comes from the second page: a placeholder until it is fetched, then its task.
    await waitFor(() => expect(g.querySelector('[aria-rowindex="107"] [role="gridcell"]')).toHaveTextContent(/\S/));
    expect(bridge.calls.some((c) => c.channel === 'task.list' && (c.input as { offset?: number }).offset === 100)).toBe(true);
    expect(dataRows(g).length).toBeLessThan(40);
    expect(g.querySelector('[aria-rowindex="2"]')).toBeNull();
  });
});
