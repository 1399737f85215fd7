// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import type { TemplateSummary } from '../../shared/api';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';
import { FIRST_DRAWN_ROWS } from '../../renderer/src/pages/plans/PlansPage';

let bridge: RealBridge;
let templates: TemplateSummary[];
beforeEach(async () => {
  bridge = installRealBridge();
  templates = await bridge.call('template.list', {});
});
afterEach(() => {
  bridge.dispose();
  notifications.clean(); // the notification store outlives a rendered app
});

const seed = (n: number) => templates.filter((x) => x.kind === 'seed')[n - 1]!;
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1); // minus the header row

describe('plans list', () => {
  it('is part of the first render of the app: it asks for its plans together with the shell, not after a page load', async () => {
    // A page loaded on demand suspends once, and React then holds the page back (its Suspense throttle, ~300 ms)
    // before the list may even ask for its data: the start page must not wait for that.
    await renderApp('/plans');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const channels = bridge.calls.map((c) => c.channel);
    expect(channels).toContain('settings.get');
    expect(channels).toContain('plan.list');
  });

  it('explains what to do when there is no plan, and creates one from the template picker', async () => {
    const { user, router } = await renderApp('/plans');
    expect(await screen.findByText('Chưa có kế hoạch nào', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/Bấm “Tạo kế hoạch”, chọn một mẫu/)).toBeInTheDocument();

    await user.click(screen.getAllByRole('button', { name: 'Tạo kế hoạch' })[0]!);
    const picker = await screen.findByRole('dialog', { name: 'Tạo kế hoạch từ mẫu' });
    const blankHuyen = templates.find((x) => x.kind === 'blank' && /Huyện ủy/.test(x.name))!;
    const card = await within(picker).findByRole('article', { name: blankHuyen.name });
    expect(within(picker).getAllByRole('article')).toHaveLength(templates.length);
    // Blank templates are grouped by level, from the province down to the chi bộ.
    const groups = within(picker).getAllByRole('group').map((g) => g.getAttribute('aria-label'));
    expect(groups).toEqual([
      'Tỉnh ủy, Thành ủy',
      'Huyện ủy, Quận ủy, Thị ủy',
      'Đảng ủy xã, phường, đặc khu',
      'Đảng ủy cơ sở (cơ quan, doanh nghiệp, trường học)',
      'Chi bộ (trực thuộc đảng ủy cơ sở, hoặc chi bộ cơ sở)',
    ]);
    const chiBo = within(picker).getByRole('group', { name: 'Chi bộ (trực thuộc đảng ủy cơ sở, hoặc chi bộ cơ sở)' });
    expect(within(chiBo).getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Kế hoạch trống — Chi bộ: đại hội chi bộ',
      'Kế hoạch trống — Chi bộ: học tập, quán triệt nghị quyết',
      'Kế hoạch trống — Chi bộ: kiểm điểm, đánh giá, xếp loại cuối năm',
    ]);
    await user.click(within(card).getByRole('button', { name: `Dùng mẫu này: ${blankHuyen.name}` }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/plans\/[0-9a-f-]{36}$/));
    const id = router.state.location.pathname.split('/')[2]!;
    const plan = await bridge.call('plan.get', { id });
    expect(plan.status).toBe('draft');
    expect((await bridge.call('plan.list', {})).total).toBe(1);
  });

  it('lists plans with number, status and issuer; searches without accents; filters; Ctrl+F focuses search', async () => {
    const seeded = await bridge.call('template.instantiate', { templateId: seed(1).id });
    const first = await bridge.call('plan.allocateNumber', { id: seeded.id });
    const blank = templates.find((x) => x.kind === 'blank' && x.level === 'huyen-uy')!;
    for (const trichYeu of ['Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng', 'Kiểm tra, giám sát năm 2025']) {
      const plan = await bridge.call('template.instantiate', { templateId: blank.id });
      await bridge.call('plan.save', { ...plan, trichYeu, baseRevision: plan.revision });
    }
    const { user, router } = await renderApp('/plans');

    const table = await screen.findByRole('table', { name: 'Danh sách kế hoạch' }, { timeout: 10_000 });
    expect(rowsOf(table)).toHaveLength(3);
    const firstRow = within(table).getByText(first.trichYeu).closest('tr')!;
    expect(within(firstRow).getByText(`Số ${first.header.number}-KH/${first.header.issuer.symbol}`)).toBeInTheDocument();
    expect(within(firstRow).getByText('Dự thảo')).toBeInTheDocument();
    expect(within(firstRow).getByText(first.header.issuer.name)).toBeInTheDocument();
    const kiemTraRow = within(table).getByText('Kiểm tra, giám sát năm 2025').closest('tr')!;
    expect(within(kiemTraRow).getByText('Chưa cấp số')).toBeInTheDocument();
    expect(screen.getByText('Tổng số: 3')).toBeInTheDocument();

    // Ctrl+F from anywhere focuses the search box.
    const search = screen.getByLabelText('Tìm kế hoạch');
    expect(search).not.toHaveFocus();
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(search).toHaveFocus();

    await user.type(search, 'tuyen truyen ky niem');
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Danh sách kế hoạch' }))).toHaveLength(1));
    expect(screen.getByText('Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'dai hoi diem');
    await waitFor(() => expect(screen.queryByText('Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng')).not.toBeInTheDocument());
    expect(screen.getByText(first.trichYeu)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'issued');
    expect(await screen.findByText('Không tìm thấy kế hoạch phù hợp')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Trạng thái'), '');
    await user.selectOptions(screen.getByLabelText('Năm'), String(first.header.date.year));
    await screen.findByText(first.trichYeu);
    await user.clear(search);
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Danh sách kế hoạch' })).length).toBeGreaterThanOrEqual(1));
    for (const row of rowsOf(screen.getByRole('table', { name: 'Danh sách kế hoạch' }))) {
      expect(row.textContent).toContain(String(first.header.date.year));
    }
    await user.selectOptions(screen.getByLabelText('Năm'), '');

    // A click on the row opens the editor route.
    await user.click(await screen.findByText(first.header.issuer.name));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${first.id}`));
  });

  it('duplicates, deletes to the bin and restores', async () => {
    const plan = await bridge.call('template.instantiate', { templateId: seed(1).id });
    const { user } = await renderApp('/plans');
    const table = await screen.findByRole('table', { name: 'Danh sách kế hoạch' });
    const name = plan.trichYeu;

    await user.click(within(table).getByRole('button', { name: `Nhân bản “${name}”` }));
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Danh sách kế hoạch' }))).toHaveLength(2));
    expect((await bridge.call('plan.list', {})).total).toBe(2);

    await user.click(within(screen.getByRole('table', { name: 'Danh sách kế hoạch' })).getAllByRole('button', { name: `Xóa “${name}”` })[0]!);
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Danh sách kế hoạch' }))).toHaveLength(1));
    expect(screen.getByText(`Đã chuyển “${name}” vào thùng rác.`)).toBeInTheDocument();
    expect((await bridge.call('plan.list', { deleted: true })).total).toBe(1);

    await user.click(screen.getByRole('radio', { name: 'Thùng rác' }));
    expect(await screen.findByRole('heading', { name: 'Thùng rác' })).toBeInTheDocument();
    const bin = await screen.findByRole('table', { name: 'Danh sách kế hoạch' });
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Danh sách kế hoạch' }))).toHaveLength(1));
    await user.click(within(bin).getByRole('button', { name: `Khôi phục “${name}”` }));
    expect(await screen.findByText('Thùng rác trống')).toBeInTheDocument();
    expect((await bridge.call('plan.list', {})).total).toBe(2);
  });

  it('deleting shows an undo notification; “Hoàn tác” brings the plan back', async () => {
    const plan = await bridge.call('template.instantiate', { templateId: seed(1).id });
    const { user } = await renderApp('/plans');
    const table = await screen.findByRole('table', { name: 'Danh sách kế hoạch' }, { timeout: 10_000 });
    await user.click(within(table).getByRole('button', { name: `Xóa “${plan.trichYeu}”` }));
    expect(await screen.findByText('Chưa có kế hoạch nào', {}, { timeout: 4000 })).toBeInTheDocument();
    expect((await bridge.call('plan.list', {})).total).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Danh sách kế hoạch' }))).toHaveLength(1), { timeout: 4000 });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Hoàn tác' })).not.toBeInTheDocument());
    expect(await screen.findByText('Đã khôi phục kế hoạch.')).toBeInTheDocument();
    expect((await bridge.call('plan.list', {})).total).toBe(1);
    expect((await bridge.call('plan.list', { deleted: true })).total).toBe(0);
  });

  it('the sidebar’s “Kế hoạch” leaves the bin for the live list; an unmatched search in the bin is not an empty bin', async () => {
    const kept = await bridge.call('template.instantiate', { templateId: seed(1).id });
    const binned = await bridge.call('template.instantiate', { templateId: seed(2).id });
    await bridge.call('plan.remove', { id: binned.id });
    const { user, router } = await renderApp('/plans');
    await screen.findByRole('table', { name: 'Danh sách kế hoạch' }, { timeout: 10_000 });

    await user.click(screen.getByRole('radio', { name: 'Thùng rác' }));
    expect(await screen.findByRole('heading', { name: 'Thùng rác' })).toBeInTheDocument();
    await screen.findByText(binned.trichYeu);
    await user.type(screen.getByLabelText('Tìm kế hoạch'), 'qwxyzzy');
    expect(await screen.findByText('Không có kế hoạch nào trong thùng rác khớp với tìm kiếm')).toBeInTheDocument();
    expect(screen.queryByText('Thùng rác trống')).not.toBeInTheDocument();

    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Kế hoạch' }));
    expect(await screen.findByRole('heading', { name: 'Kế hoạch' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('radio', { name: 'Kế hoạch' })).toBeChecked();
    await user.clear(screen.getByLabelText('Tìm kế hoạch'));
    await screen.findByText(kept.trichYeu);
    expect(screen.queryByText(binned.trichYeu)).not.toBeInTheDocument();
  });

  it('archives an issued plan and brings it back; a draft offers no archiving', async () => {
    const draft = await bridge.call('template.instantiate', { templateId: seed(2).id });
    const plan = await bridge.call('template.instantiate', { templateId: seed(1).id });
    await bridge.call('plan.allocateNumber', { id: plan.id });
    await bridge.call('plan.issue', { id: plan.id });
    const { user } = await renderApp('/plans');
    const table = await screen.findByRole('table', { name: 'Danh sách kế hoạch' }, { timeout: 10_000 });
    expect(within(table).queryByRole('button', { name: `Lưu trữ “${draft.trichYeu}”` })).not.toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: `Lưu trữ “${plan.trichYeu}”` }));
    const row = () => within(screen.getByRole('table', { name: 'Danh sách kế hoạch' })).getByText(plan.trichYeu).closest('tr')!;
    await waitFor(() => expect(within(row()).getByText('Lưu trữ')).toBeInTheDocument());
    expect((await bridge.call('plan.get', { id: plan.id })).status).toBe('archived');

    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'archived');
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Danh sách kế hoạch' }))).toHaveLength(1));
    await user.click(within(row()).getByRole('button', { name: `Bỏ lưu trữ “${plan.trichYeu}”` }));
    expect(await screen.findByText('Không tìm thấy kế hoạch phù hợp')).toBeInTheDocument();
    expect((await bridge.call('plan.get', { id: plan.id })).status).toBe('issued');
  });

  it("offers each row's commands named after its own plan; the report grid's dialog is in the page only while open", async () => {
    const plans = [];
    for (const n of [1, 2]) {
      const plan = await bridge.call('template.instantiate', { templateId: seed(n).id });
      await bridge.call('plan.allocateNumber', { id: plan.id });
      await bridge.call('plan.issue', { id: plan.id });
      plans.push(plan);
    }
    const { user, router } = await renderApp('/plans');
    const table = await screen.findByRole('table', { name: 'Danh sách kế hoạch' }, { timeout: 10_000 });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    for (const plan of plans) {
      const row = within(table).getByText(plan.trichYeu).closest('tr')!;
      expect(within(row).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
        `Lưu trữ “${plan.trichYeu}”`,
        `Tình hình báo cáo của các đơn vị: ${plan.trichYeu}`,
        `Lập báo cáo kết quả thực hiện “${plan.trichYeu}”`,
        `Nhân bản “${plan.trichYeu}”`,
        `Xóa “${plan.trichYeu}”`,
      ]);
    }
    // At most the app's one confirmation dialog: no row's dialog, no template picker, while closed.
    const modals = () => document.querySelectorAll('.mantine-Modal-root').length;
    const closed = modals();
    expect(closed).toBeLessThanOrEqual(1);

    await user.click(within(table).getByRole('button', { name: `Tình hình báo cáo của các đơn vị: ${plans[1]!.trichYeu}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Tình hình báo cáo của các đơn vị' });
    expect(await within(dialog).findByText(plans[1]!.trichYeu)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/plans');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(modals()).toBe(closed));
  });

  it('draws the rows a window shows with the first paint of the list and the rest of the page right after', async () => {
    const blank = templates.find((x) => x.kind === 'blank' && x.level === 'huyen-uy')!;
    for (let i = 0; i < FIRST_DRAWN_ROWS + 5; i++) await bridge.call('template.instantiate', { templateId: blank.id });
    // The number of plan rows each time the page's rows change (observed as the DOM changes, before any later render).
    const counts: number[] = [];
    const observer = new MutationObserver(() => {
      const n = document.querySelectorAll('table tbody tr').length;
      if (n > 0 && counts.at(-1) !== n) counts.push(n);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    try {
      await renderApp('/plans');
      const table = await screen.findByRole('table', { name: 'Danh sách kế hoạch' }, { timeout: 10_000 });
      await waitFor(() => expect(rowsOf(table)).toHaveLength(FIRST_DRAWN_ROWS + 5));
    } finally {
      observer.disconnect();
    }
    expect(counts).toEqual([FIRST_DRAWN_ROWS, FIRST_DRAWN_ROWS + 5]);
  });

  it('offers the years the plans are dated in, not a fixed range', async () => {
    const blank = templates.find((x) => x.kind === 'blank' && x.level === 'huyen-uy')!;
    for (const year of [2019, 2024, 2024]) {
      const plan = await bridge.call('template.instantiate', { templateId: blank.id });
      await bridge.call('plan.save', { ...plan, header: { ...plan.header, date: { day: 3, month: 2, year } }, baseRevision: plan.revision });
    }
    await renderApp('/plans');
    await screen.findByRole('table', { name: 'Danh sách kế hoạch' }, { timeout: 10_000 });
    const years = screen.getByLabelText('Năm');
    await waitFor(() => expect(within(years).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tất cả các năm', '2024', '2019']));
  });
});
