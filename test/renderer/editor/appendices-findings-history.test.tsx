// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, seedNumber, storedPlan, untilStored, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

const cellText = (rows: { cells: { paragraphs: string[]; colSpan: number; rowSpan: number }[] }[]) =>
  rows.map((r) => r.cells.map((c) => `${c.paragraphs.join('|')}${c.colSpan > 1 ? `<${c.colSpan}` : ''}${c.rowSpan > 1 ? `^${c.rowSpan}` : ''}`));

describe('Phụ lục', () => {
  it('builds a table with a merged header and multi-paragraph cells', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, () => ({ appendices: [] }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Phụ lục' }));
    expect(await screen.findByText(/Kế hoạch chưa có phụ lục/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Thêm phụ lục' }));
    const appendix = await screen.findByRole('group', { name: 'Phụ lục 1' });
    await user.click(within(appendix).getByRole('textbox', { name: 'Tên phụ lục' }));
    await user.paste('VỀ TIẾN ĐỘ TRIỂN KHAI');
    const table = screen.getByRole('group', { name: 'Bảng 1' });
    // 3 columns; a second header row; "Nội dung công việc" over the last two columns, "Thời gian" over two rows
    await user.click(within(table).getByRole('button', { name: 'Thao tác với cột 2' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Chèn cột bên phải' }));
    await user.click(within(table).getByRole('button', { name: 'Thêm hàng tiêu đề' }));
    const cell = (part: string, row: number, n: number) => within(table).getByRole('textbox', { name: `Ô hàng ${part} ${row}, ô ${n}` });
    await user.click(cell('tiêu đề', 1, 1));
    await user.paste('Thời gian');
    await user.click(cell('tiêu đề', 1, 2));
    await user.paste('Nội dung công việc');
    await user.click(cell('tiêu đề', 2, 2));
    await user.paste('Cấp tỉnh');
    await user.click(cell('tiêu đề', 2, 3));
    await user.paste('Cấp huyện');
    await user.click(within(table).getByRole('button', { name: 'Thao tác: Ô hàng tiêu đề 1, ô 2' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Gộp với ô bên phải' }));
    await user.click(within(table).getByRole('button', { name: 'Thao tác: Ô hàng tiêu đề 1, ô 1' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Gộp với ô bên dưới' }));
    const body = cell('nội dung', 1, 2);
    await user.click(body);
    await user.paste('Ban Thường vụ Tỉnh ủy\n- Tổ chức Hội nghị');
    const stored = await untilStored(bridge, plan.id, (p) => {
      const t = p.appendices[0]!.tables[0]!;
      expect(t.columnWidths).toHaveLength(3);
      expect(cellText(t.headerRows)).toEqual([['Thời gian^2', 'Nội dung công việc<2'], ['Cấp tỉnh', 'Cấp huyện']]);
      expect(t.rows[0]!.cells[1]!.paragraphs).toEqual(['Ban Thường vụ Tỉnh ủy', '- Tổ chức Hội nghị']);
    });
    expect(stored.appendices[0]!.title).toBe('VỀ TIẾN ĐỘ TRIỂN KHAI');
    const preview = screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await waitFor(() => expect(preview.querySelector('.kh-grid td[rowspan="2"]')?.textContent).toBe('Thời gian'));
    expect(preview.textContent).toContain('PHỤ LỤC');
  });
});

describe('findings, issuing and history', () => {
  it('a finding opens the tab of its field and focuses the field', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, (p) => ({ signature: { ...p.signature, signer: '' } }));
    const { user } = await openEditor(bridge, plan);
    const panel = screen.getByRole('region', { name: 'Kiểm tra thể thức' });
    const finding = await within(panel).findByText('Chưa có họ tên người ký.', {}, { timeout: 4000 });
    await user.click(finding);
    expect(screen.getByRole('tab', { name: 'Người ký' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Họ và tên người ký/ })).toHaveFocus());
  });

  it('issues a plan (read-only afterwards, the issued version in the history) and shows an earlier version', async () => {
    // New plans start unnumbered; issuing needs a number from the register.
    const plan = await bridge.call('plan.allocateNumber', { id: (await createPlan(bridge, seedNumber(1))).id });
    expect(plan.header.number).not.toBe('');
    const { user } = await openEditor(bridge, plan);
    const trichYeu = screen.getByRole('textbox', { name: /Trích yếu/ });
    await user.type(trichYeu, ' (sửa)');
    await untilStored(bridge, plan.id, (p) => expect(p.trichYeu).toBe(`${plan.trichYeu} (sửa)`));

    await user.click(screen.getByRole('button', { name: 'Ban hành' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ban hành kế hoạch?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ban hành' }));
    await waitFor(async () => expect((await storedPlan(bridge, plan.id)).status).toBe('issued'));
    expect(await screen.findByText('Kế hoạch đã ban hành')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Trích yếu/ })).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Ban hành' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Lịch sử' }));
    const drawer = await screen.findByRole('dialog', { name: 'Lịch sử phiên bản' });
    expect(await within(drawer).findByText('Bản ban hành')).toBeInTheDocument();
    const { items: revisions } = await bridge.call('plan.revisions', { id: plan.id });
    expect(revisions[0]).toMatchObject({ reason: 'issue', status: 'issued' });
    const original = revisions.find((r) => r.trichYeu === plan.trichYeu)!;
    await user.click(within(drawer).getByRole('button', { name: `Xem phiên bản ${original.revision}` }));
    await waitFor(() => expect(within(drawer).getByRole('region', { name: 'Bản xem trước kế hoạch' }).textContent).toContain(plan.trichYeu));
  });

  it('restores an earlier version of a draft from the history', async () => {
    // 'bản đầu' is the plan's 'create' revision: autosaves of one minute thin to the newest, created ones stay.
    const template = await createPlan(bridge, blankHuyenUy);
    const plan = await bridge.call('plan.save', { ...template, id: crypto.randomUUID(), trichYeu: 'bản đầu', baseRevision: null });
    await bridge.call('plan.save', { ...(await storedPlan(bridge, plan.id)), trichYeu: 'bản hai', baseRevision: plan.revision });
    const { user } = await openEditor(bridge, plan);
    expect(screen.getByRole('textbox', { name: /Trích yếu/ })).toHaveValue('bản hai');
    await user.click(screen.getByRole('button', { name: 'Lịch sử' }));
    const drawer = await screen.findByRole('dialog', { name: 'Lịch sử phiên bản' });
    const { items: revisions } = await bridge.call('plan.revisions', { id: plan.id });
    const first = revisions.find((r) => r.trichYeu === 'bản đầu')!;
    await user.click(await within(drawer).findByRole('button', { name: `Khôi phục phiên bản ${first.revision}` }));
    const confirm = await screen.findByRole('dialog', { name: 'Khôi phục phiên bản cũ?' });
    await user.click(within(confirm).getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Trích yếu/ })).toHaveValue('bản đầu'));
    const stored = await storedPlan(bridge, plan.id);
    expect(stored.trichYeu).toBe('bản đầu');
    expect((await bridge.call('plan.revisions', { id: plan.id })).items[0]).toMatchObject({ reason: 'restore' });
  });
});
