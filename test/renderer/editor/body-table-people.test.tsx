// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import type { Block, PeopleBlock, TableBlock } from '../../../shared/model';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, untilStored, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

const cellText = (rows: TableBlock['table']['rows']) =>
  rows.map((r) => r.cells.map((c) => `${c.paragraphs.join('|')}${c.colSpan > 1 ? `<${c.colSpan}` : ''}${c.rowSpan > 1 ? `^${c.rowSpan}` : ''}`));
const peopleOf = (body: Block[]) => (body.find((b) => b.kind === 'people') as PeopleBlock | undefined)?.people.map((p) => [p.name, p.position, p.role]);
const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const U3 = '00000000-0000-4000-8000-000000000003';

async function openBody(body: Block[]) {
  const plan = await createPlan(bridge, blankHuyenUy, () => ({ body }));
  const { user } = await openEditor(bridge, plan);
  await user.click(screen.getByRole('tab', { name: 'Nội dung' }));
  return { plan, user };
}
const preview = () => screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });

describe('Nội dung: a table in the body', () => {
  it('"Bảng" from the add menu edits with the table editor (merge, header rows) and prints as a table in the preview', async () => {
    const { plan, user } = await openBody([]);
    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Bảng' }));
    const block = await screen.findByRole('group', { name: /^Bảng/ });
    const table = within(block).getByRole('group', { name: 'Các ô của bảng' });
    const cell = (part: string, row: number, n: number) => within(table).getByRole('textbox', { name: `Ô hàng ${part} ${row}, ô ${n}` });
    await waitFor(() => expect(cell('tiêu đề', 1, 1)).toHaveFocus());
    await user.paste('Nội dung');
    await user.click(cell('tiêu đề', 1, 3));
    await user.paste('Thời gian');
    await user.click(within(table).getByRole('button', { name: 'Thao tác: Ô hàng tiêu đề 1, ô 1' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Gộp với ô bên phải' }));
    await user.click(within(table).getByRole('button', { name: 'Thêm hàng tiêu đề' }));
    await user.click(cell('nội dung', 1, 1));
    await user.paste('Chuẩn bị văn kiện');
    await user.click(cell('nội dung', 1, 3));
    await user.paste('Tháng 3/2025');
    await untilStored(bridge, plan.id, (p) => {
      const b = p.body[0] as TableBlock;
      expect(b.kind).toBe('table');
      expect(cellText(b.table.headerRows)).toEqual([['Nội dung<2', 'Thời gian'], ['', '', '']]);
      expect(cellText(b.table.rows)).toEqual([['Chuẩn bị văn kiện', '', 'Tháng 3/2025']]);
    });
    await waitFor(() => expect(preview().querySelector('.kh-grid td[colspan="2"]')?.textContent).toBe('Nội dung'));
    expect(preview().querySelector('.kh-grid')?.textContent).toContain('Chuẩn bị văn kiện');
  });

  it('an empty body table: its finding focuses its first cell', async () => {
    const { user } = await openBody([]);
    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Bảng' }));
    await user.click(screen.getByRole('tab', { name: 'Thông tin chung' }));
    const panel = screen.getByRole('region', { name: 'Kiểm tra thể thức' });
    await user.click(await within(panel).findByText('Bảng trong nội dung chưa có dòng nào được điền.', {}, { timeout: 4000 }));
    expect(screen.getByRole('tab', { name: 'Nội dung' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Ô hàng nội dung 1, ô 1' })).toHaveFocus());
  });
});

describe('Nội dung: a list of people', () => {
  it('rows of name, position and role: Enter adds a row, Alt+↑ moves it, Backspace in an empty row removes it; the preview prints aligned lines', async () => {
    const { plan, user } = await openBody([]);
    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Danh sách người' }));
    const row = (n: number) => screen.getByRole('group', { name: `Người ${n}` });
    const field = (n: number, label: string) => within(row(n)).getByRole('textbox', { name: label });
    await waitFor(() => expect(field(1, 'Họ và tên')).toHaveFocus());
    await user.keyboard('Nguyễn Văn An');
    await user.click(field(1, 'Chức vụ'));
    await user.keyboard('Bí thư Chi bộ');
    await user.click(field(1, 'Nhiệm vụ trong tổ'));
    await user.keyboard('Tổ trưởng{Enter}');
    await waitFor(() => expect(field(2, 'Họ và tên')).toHaveFocus());
    await user.keyboard('Trần Thị Bình');
    await user.tab();
    await user.keyboard('Phó Bí thư Chi bộ');
    await user.tab();
    await user.keyboard('Tổ phó{Alt>}{ArrowUp}{/Alt}');
    await untilStored(bridge, plan.id, (p) =>
      expect(peopleOf(p.body)).toEqual([
        ['Trần Thị Bình', 'Phó Bí thư Chi bộ', 'Tổ phó'],
        ['Nguyễn Văn An', 'Bí thư Chi bộ', 'Tổ trưởng'],
      ]),
    );
    await waitFor(() => expect(field(1, 'Nhiệm vụ trong tổ')).toHaveFocus());
    // Enter after the last row, then Backspace in the empty new row removes it again
    await user.click(field(2, 'Họ và tên'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(field(3, 'Họ và tên')).toHaveFocus());
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Người 3' })).toBeNull());
    await waitFor(() => expect(field(2, 'Họ và tên')).toHaveFocus());
    await untilStored(bridge, plan.id, (p) => expect(peopleOf(p.body)).toHaveLength(2));
    await waitFor(() => expect(preview().textContent).toContain('Đ/c Nguyễn Văn An'));
    expect(preview().textContent).toContain('– Bí thư Chi bộ');
    expect(preview().textContent).toContain('– Tổ trưởng');
  });

  it('prints as a table when asked, and "Điền vào bảng" turns it into a body table of the same people', async () => {
    const people: PeopleBlock = {
      kind: 'people',
      id: U1,
      prefix: 'Đ/c',
      print: 'lines',
      people: [
        { id: U2, name: 'Nguyễn Văn An', position: 'Bí thư Chi bộ', role: 'Tổ trưởng' },
        { id: U3, name: 'Trần Thị Bình', position: 'Chi ủy viên', role: 'Thành viên' },
      ],
    };
    const { plan, user } = await openBody([people]);
    const block = await screen.findByRole('group', { name: /^Danh sách người/ });
    await user.click(within(block).getByRole('radio', { name: 'Bảng' }));
    await untilStored(bridge, plan.id, (p) => expect((p.body[0] as PeopleBlock).print).toBe('table'));
    await waitFor(() => expect(preview().querySelector('.kh-grid')?.textContent).toContain('Họ và tên'));

    await user.click(within(block).getByRole('button', { name: 'Điền vào bảng' }));
    const dialog = await screen.findByRole('dialog', { name: 'Chuyển danh sách thành bảng?' });
    await user.click(within(dialog).getByRole('button', { name: 'Điền vào bảng' }));
    await untilStored(bridge, plan.id, (p) => {
      const b = p.body[0] as TableBlock;
      expect(b).toMatchObject({ kind: 'table', id: U1 });
      expect(cellText(b.table.headerRows)).toEqual([['TT', 'Họ và tên', 'Chức vụ', 'Nhiệm vụ']]);
      expect(cellText(b.table.rows)).toEqual([
        ['1', 'Đ/c Nguyễn Văn An', 'Bí thư Chi bộ', 'Tổ trưởng'],
        ['2', 'Đ/c Trần Thị Bình', 'Chi ủy viên', 'Thành viên'],
      ]);
    });
    const table = await screen.findByRole('group', { name: 'Các ô của bảng' });
    expect(within(table).getByRole('textbox', { name: 'Ô hàng nội dung 2, ô 2' })).toHaveValue('Đ/c Trần Thị Bình');
  });

  it('findings of a list of people focus their fields: a person without a name, an empty list', async () => {
    const people: PeopleBlock = { kind: 'people', id: U1, prefix: 'Đ/c', print: 'lines', people: [{ id: U2, name: '', position: 'Bí thư', role: '' }] };
    const empty: PeopleBlock = { kind: 'people', id: U3, prefix: 'Đ/c', print: 'lines', people: [] };
    const { user } = await openBody([people, empty]);
    await user.click(screen.getByRole('tab', { name: 'Thông tin chung' }));
    const panel = screen.getByRole('region', { name: 'Kiểm tra thể thức' });
    await user.click(await within(panel).findByText('Người thứ 1 trong danh sách chưa có họ tên.', {}, { timeout: 4000 }));
    expect(screen.getByRole('tab', { name: 'Nội dung' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Người 1' })).getByRole('textbox', { name: 'Họ và tên' })).toHaveFocus());
    await user.click(within(panel).getByText('Danh sách người chưa có ai.'));
    const lists = screen.getAllByRole('group', { name: /^Danh sách người/ });
    await waitFor(() => expect(within(lists[1]!).getByRole('button', { name: 'Thêm người' })).toHaveFocus());
  });
});
