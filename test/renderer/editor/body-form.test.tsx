// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import type { Block } from '../../../shared/model';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, untilStored, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

const shape = (blocks: Block[]): unknown[] =>
  blocks.map((b) => (b.kind === 'section' ? { [b.title]: shape(b.children) } : b.kind === 'paragraph' ? `p:${b.text}` : b.kind === 'item' ? `${b.marker}${b.text}` : b.kind));

describe('Nội dung (the body tree)', () => {
  it('adds a heading, a paragraph inside it and an item; moves, indents and outdents; all stored', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, () => ({ body: [] }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Nội dung' }));
    expect(await screen.findByText(/Chưa có nội dung/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Đề mục (in đậm, đánh số)' }));
    const section = await screen.findByRole('group', { name: 'Đề mục cấp 1' });
    await user.type(within(section).getByRole('textbox', { name: 'Tên đề mục' }), 'MỤC ĐÍCH, YÊU CẦU');

    await user.click(screen.getByRole('button', { name: 'Thêm vào trong mục này — Đề mục cấp 1: MỤC ĐÍCH, YÊU CẦU' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Đoạn văn' }));
    const paragraph = await screen.findByRole('group', { name: 'Đoạn văn' });
    await user.type(within(paragraph).getByRole('textbox', { name: 'Nội dung' }), 'Đoạn một');

    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Gạch đầu dòng (-)' }));
    const item = await screen.findByRole('group', { name: 'Gạch đầu dòng (-)' });
    await user.type(within(item).getByRole('textbox', { name: 'Nội dung' }), 'ý a');

    await untilStored(bridge, plan.id, (p) => expect(shape(p.body)).toEqual([{ 'MỤC ĐÍCH, YÊU CẦU': ['p:Đoạn một'] }, '-ý a']));

    // the item cannot be outdented (already at the top level) but can go into the section above
    expect(screen.getByRole('button', { name: 'Đưa ra: Gạch đầu dòng (-): ý a' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Lùi vào: Gạch đầu dòng (-): ý a' }));
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body)).toEqual([{ 'MỤC ĐÍCH, YÊU CẦU': ['p:Đoạn một', '-ý a'] }]));

    await user.click(screen.getByRole('button', { name: 'Chuyển lên: Gạch đầu dòng (-): ý a' }));
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body)).toEqual([{ 'MỤC ĐÍCH, YÊU CẦU': ['-ý a', 'p:Đoạn một'] }]));
    expect(screen.getByRole('button', { name: 'Chuyển lên: Gạch đầu dòng (-): ý a' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Đưa ra: Gạch đầu dòng (-): ý a' }));
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body)).toEqual([{ 'MỤC ĐÍCH, YÊU CẦU': ['p:Đoạn một'] }, '-ý a']));

    // switch the item to "+" and see the numbered heading in the preview
    const moved = screen.getByRole('group', { name: 'Gạch đầu dòng (-): ý a' });
    await user.click(within(moved).getByRole('radio', { name: '+' }));
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body)).toEqual([{ 'MỤC ĐÍCH, YÊU CẦU': ['p:Đoạn một'] }, '+ý a']));
    const preview = screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await waitFor(() => expect(preview.textContent).toContain('I. MỤC ĐÍCH, YÊU CẦU'));
  });

  it('inserts a footnote marker at the caret and removes a section only after confirming', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Nội dung' }));
    const first = plan.body[0]!;
    expect(first.kind).toBe('section');
    const group = await screen.findByRole('group', { name: new RegExp(`^Đề mục cấp 1: ${first.kind === 'section' ? first.title.slice(0, 10) : ''}`) });
    await user.click(within(group).getByRole('button', { name: /^Xóa: Đề mục cấp 1/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Xóa cả mục?' });
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(screen.getByRole('group', { name: new RegExp(`^Đề mục cấp 1: ${first.kind === 'section' ? first.title.slice(0, 10) : ''}`) })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Đoạn văn' }));
    const paragraph = (await screen.findAllByRole('group', { name: 'Đoạn văn' })).at(-1)!;
    const box = within(paragraph).getByRole('textbox', { name: 'Nội dung' });
    await user.type(box, 'Đảng bộ MTTQ');
    await user.click(within(paragraph).getByRole('button', { name: 'Chèn chú thích cuối trang' }));
    await untilStored(bridge, plan.id, (p) => {
      const last = p.body.at(-1)!;
      expect(last.kind === 'paragraph' && last.text).toBe('Đảng bộ MTTQ[^nội dung chú thích]');
    });
    const preview = screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await waitFor(() => expect(preview.querySelector('.kh-fnref')).not.toBeNull());
  });

  it('offers to split a pasted text of several lines into paragraphs, or items; tabs become spaces', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, () => ({ body: [] }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Nội dung' }));
    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Đoạn văn' }));
    const box = within(await screen.findByRole('group', { name: 'Đoạn văn' })).getByRole('textbox', { name: 'Nội dung' });
    await user.click(box);
    await user.paste('Đoạn một.\r\n\r\n1.\tĐoạn hai\tcó tab.\r\nĐoạn ba.');
    // Kept as pasted (tabs as spaces) until she chooses
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body)).toEqual(['p:Đoạn một.\n\n1. Đoạn hai có tab.\nĐoạn ba.']));
    const offer = await screen.findByRole('group', { name: 'Tách văn bản vừa dán' });
    expect(offer).toHaveTextContent('Văn bản vừa dán có 3 dòng.');
    await user.click(within(offer).getByRole('button', { name: 'Tách thành 3 đoạn văn' }));
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body)).toEqual(['p:Đoạn một.', 'p:1. Đoạn hai có tab.', 'p:Đoạn ba.']));
    expect(screen.queryByRole('group', { name: 'Tách văn bản vừa dán' })).toBeNull();

    // Lines starting with "-" / "+" become items; declining keeps the text as pasted
    const last = screen.getAllByRole('group', { name: /^Đoạn văn/ }).at(-1)!;
    const lastBox = within(last).getByRole('textbox', { name: 'Nội dung' });
    await user.click(lastBox);
    await user.paste('\n- Ý một;\n+\tý phụ.');
    const items = await screen.findByRole('group', { name: 'Tách văn bản vừa dán' });
    await user.click(within(items).getByRole('button', { name: 'Giữ nguyên' }));
    expect(screen.queryByRole('group', { name: 'Tách văn bản vừa dán' })).toBeNull();
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body).at(-1)).toEqual('p:Đoạn ba.\n- Ý một;\n+ ý phụ.'));

    await user.clear(lastBox);
    await user.paste('- Ý một;\n+\tý phụ.');
    await user.click(within(await screen.findByRole('group', { name: 'Tách văn bản vừa dán' })).getByRole('button', { name: 'Tách thành 2 gạch đầu dòng' }));
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body)).toEqual(['p:Đoạn một.', 'p:1. Đoạn hai có tab.', '-Ý một;', '+ý phụ.']));

    // A one-line field takes a pasted text on one line
    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Đề mục (in đậm, đánh số)' }));
    await user.click(within(await screen.findByRole('group', { name: 'Đề mục cấp 1' })).getByRole('textbox', { name: 'Tên đề mục' }));
    await user.paste('TỔ CHỨC\tTHỰC HIỆN\r\n');
    await untilStored(bridge, plan.id, (p) => expect(shape(p.body).at(-1)).toEqual({ 'TỔ CHỨC THỰC HIỆN': [] }));
  });

  it('shows each numbered block\'s printed number and lets this plan choose the marker of a deeper level', async () => {
    const id = () => crypto.randomUUID();
    const section = (title: string, children: Block[] = []): Block => ({ kind: 'section', id: id(), title, style: 'heading', children });
    const plan = await createPlan(bridge, blankHuyenUy, () => ({
      body: [section('MỤC ĐÍCH, YÊU CẦU', [section('Yêu cầu', [section('Cấp ba thứ nhất'), section('Cấp ba thứ hai')])])],
    }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Nội dung' }));
    const numbers = () => screen.getAllByTestId('block-number').map((n) => n.textContent);
    await waitFor(() => expect(numbers()).toEqual(['I.', '1.', '1.1.', '1.2.']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cấp 3' }), 'a.');
    await waitFor(() => expect(numbers()).toEqual(['I.', '1.', 'a.', 'b.']));
    await untilStored(bridge, plan.id, (p) => expect(p.profile?.level3Style).toBe('a.'));
    const preview = screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await waitFor(() => expect(preview.textContent).toContain('b. Cấp ba thứ hai'));
  });
});
