// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, seedNumber, settledSave, storedPlan, untilStored, type RealBridge } from './editor-harness';
import { listDuties } from '../../../shared/model/tree';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

describe('Đơn vị làm điểm', () => {
  it('computes the total from members + invited, validates the term, and stores the unit', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, () => ({ pilotUnits: [] }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Đơn vị làm điểm' }));
    expect(await screen.findByText(/Chưa có đơn vị làm điểm/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Thêm đơn vị làm điểm' }));
    const card = await screen.findByRole('group', { name: 'Đơn vị 1 (chưa có tên)' });
    await user.click(within(card).getByLabelText(/Tên đơn vị/));
    await user.paste('Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư');
    const unit = screen.getByRole('group', { name: 'Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư' });
    await user.type(within(unit).getByRole('textbox', { name: 'Đảng viên (đồng chí)' }), '13');
    expect(within(unit).queryByTestId('unit-total-0')).toBeNull(); // only one of the two counts: total typed by hand
    await user.type(within(unit).getByRole('textbox', { name: 'Đại biểu mời (đồng chí)' }), '269');
    expect(await within(unit).findByTestId('unit-total-0')).toHaveTextContent('khoảng 282 đại biểu');

    const term = within(unit).getByRole('combobox', { name: 'Nhiệm kỳ' });
    await user.type(term, '2025-2027');
    expect(await within(unit).findByText(/Nhiệm kỳ có dạng 2025 - 2030/)).toBeInTheDocument();
    await user.clear(term);
    await user.type(term, '2025 - 2027');
    await waitFor(() => expect(within(unit).queryByText(/Nhiệm kỳ có dạng 2025 - 2030/)).toBeNull());

    const duration = within(unit).getByRole('textbox', { name: 'Thời gian (ngày)' });
    await user.clear(duration);
    await user.type(duration, '15');
    const stored = await untilStored(bridge, plan.id, (p) => {
      expect(p.pilotUnits).toHaveLength(1);
      expect(p.pilotUnits[0]).toMatchObject({ members: 13, invited: 269, total: 282, term: '2025 - 2027', durationDays: 15 });
    });
    expect(stored.pilotUnits[0]!.name).toBe('Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư');

    // out of range: the message shows and the number is stored as typed
    await user.type(duration, '0');
    expect(await within(unit).findByText('Không lớn hơn 30')).toBeInTheDocument();
    expect(duration).toHaveValue('150');
    await untilStored(bridge, plan.id, (p) => expect(p.pilotUnits[0]!.durationDays).toBe(150));
    expect(await settledSave()).toBe('saved');
  }, 120_000);

  it('reorders units and warns when the list block is missing from the content', async () => {
    const plan = await createPlan(bridge, seedNumber(1));
    expect(plan.pilotUnits.length).toBeGreaterThanOrEqual(2);
    const [first, second] = plan.pilotUnits;
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Đơn vị làm điểm' }));
    const firstCard = await screen.findByRole('group', { name: first!.name });
    expect(within(firstCard).getByTestId('unit-total-0')).toHaveTextContent(`khoảng ${first!.total} đại biểu`);
    await user.click(within(firstCard).getByRole('button', { name: `Chuyển xuống: ${first!.name}` }));
    await untilStored(bridge, plan.id, (p) => expect(p.pilotUnits.map((u) => u.id).slice(0, 2)).toEqual([second!.id, first!.id]));
    expect(screen.queryByText('Danh sách chưa được đưa vào nội dung')).toBeNull();
  });
});

describe('Phân công thực hiện', () => {
  it('proposes the due date from the task text, keeps a hand-set date, and reorders tasks', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, (p) => ({ header: { ...p.header, date: { day: 5, month: 11, year: 2024 } } }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Phân công thực hiện' }));
    const before = listDuties(plan.body).length;
    await user.click(await screen.findByRole('button', { name: 'Thêm đơn vị thực hiện' }));
    const duty = await screen.findByRole('group', { name: '(chưa có tên đơn vị)' });
    await user.type(within(duty).getByLabelText(/^Đơn vị/), 'Đảng bộ xã Bình Lư');
    const named = screen.getByRole('group', { name: 'Đảng bộ xã Bình Lư' });

    const task1 = within(named).getByRole('textbox', { name: 'Nhiệm vụ 1' });
    await user.click(task1);
    await user.paste('Xây dựng dự toán kinh phí, hoàn thành trước ngày 10/01/2025.');
    const due1 = within(named).getAllByTestId(/^due-/)[0]!;
    await waitFor(() => expect(due1).toHaveTextContent('10/01/2025'));
    expect(due1).toHaveTextContent('(đề xuất từ nội dung)');

    await user.click(within(named).getByRole('button', { name: 'Thêm nhiệm vụ' }));
    const task2 = within(named).getByRole('textbox', { name: 'Nhiệm vụ 2' });
    await user.click(task2);
    await user.paste('Gửi danh sách (đợt I trước ngày 20/8; đợt II trước ngày 20/9/2025).');
    const due2 = within(named).getAllByTestId(/^due-/)[1]!;
    await waitFor(() => expect(due2).toHaveTextContent('20/8/2025'));
    expect(due2).toHaveTextContent('20/9/2025');

    // "thường xuyên" and a recurrence are deadlines too
    await user.clear(task2);
    await user.paste('Thường xuyên báo cáo tiến độ với Ban Thường vụ Huyện ủy.');
    await waitFor(() => expect(due2).toHaveTextContent('Thường xuyên(đề xuất từ nội dung)'));
    await user.clear(task2);
    await user.paste('Định kỳ 6 tháng báo cáo kết quả.');
    await waitFor(() => expect(due2).toHaveTextContent('6 tháng một lần'));
    expect(due2).not.toHaveTextContent('chưa có');

    // a relative deadline has no date but is kept as text
    await user.clear(task2);
    await user.paste('Báo cáo chậm nhất 03 ngày sau khi kết thúc đại hội.');
    await waitFor(() => expect(due2).toHaveTextContent('chậm nhất 03 ngày sau khi kết thúc đại hội'));

    await user.click(within(named).getByRole('button', { name: 'Chuyển lên: Nhiệm vụ 2' }));
    const stored = await untilStored(bridge, plan.id, (p) => {
      const duties = listDuties(p.body);
      expect(duties).toHaveLength(before + 1);
      const mine = duties.find((d) => d.duty.body === 'Đảng bộ xã Bình Lư')!.duty;
      expect(mine.tasks.map((t) => t.due?.relative || t.due?.dates.join())).toEqual(['chậm nhất 03 ngày sau khi kết thúc đại hội', '2025-01-10']);
    });
    const mine = listDuties(stored.body).find((d) => d.duty.body === 'Đảng bộ xã Bình Lư')!.duty;
    expect(mine.tasks[1]!.due).toMatchObject({ dates: ['2025-01-10'], source: 'auto' });

    // clearing the due date by hand: editing the text no longer proposes
    const firstTaskBox = within(screen.getByRole('group', { name: 'Đảng bộ xã Bình Lư' })).getAllByTestId(/^due-/)[1]!;
    await user.click(within(firstTaskBox).getByRole('button', { name: 'Sửa thời hạn' }));
    await user.type(within(screen.getByRole('group', { name: 'Đảng bộ xã Bình Lư' })).getByRole('textbox', { name: 'Thời hạn tương đối' }), 'ngay sau đại hội');
    await untilStored(bridge, plan.id, (p) => {
      const t = listDuties(p.body).find((d) => d.duty.body === 'Đảng bộ xã Bình Lư')!.duty.tasks[1]!;
      expect(t.due).toMatchObject({ source: 'manual', relative: 'ngay sau đại hội', dates: ['2025-01-10'] });
    });
    expect((await storedPlan(bridge, plan.id)).revision).toBeGreaterThan(plan.revision);
  });
});
