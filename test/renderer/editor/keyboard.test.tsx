// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

describe('the editor and the keyboard', () => {
  it('puts the focus into the first field of the open tab when it opens', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    await openEditor(bridge, plan);
    const panel = screen.getByRole('tabpanel', { name: 'Thông tin chung' });
    await waitFor(() => {
      const first = panel.querySelector('input:not([type="radio"]):not([type="hidden"]), textarea');
      expect(first).not.toBeNull();
      expect(document.activeElement).toBe(first);
    });
  });

  it('"Thêm căn cứ" moves the focus into the new reference', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, (p) => ({ canCu: { ...p.canCu, items: [{ verb: 'Căn cứ', text: 'Điều lệ Đảng', join: '' }], form: 'list' } }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Căn cứ' }));
    await user.click(await screen.findByRole('button', { name: 'Thêm căn cứ' }));
    const added = await screen.findByRole('textbox', { name: 'Căn cứ 2' });
    await waitFor(() => expect(document.activeElement).toBe(added));
    await user.keyboard('Nghị quyết');
    expect(added).toHaveValue('Nghị quyết');
  });

  it('a block added from the menu takes the focus in its text field (not its style switch)', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, () => ({ body: [] }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Nội dung' }));

    await user.click(await screen.findByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Đề mục (in đậm, đánh số)' }));
    const section = await screen.findByRole('group', { name: 'Đề mục cấp 1' });
    const title = within(section).getByRole('textbox', { name: 'Tên đề mục' });
    await waitFor(() => expect(document.activeElement).toBe(title));

    await user.click(screen.getByRole('button', { name: 'Thêm mục cuối văn bản' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Gạch đầu dòng (-)' }));
    const item = await screen.findByRole('group', { name: 'Gạch đầu dòng (-)' });
    const text = within(item).getByRole('textbox', { name: 'Nội dung' });
    await waitFor(() => expect(document.activeElement).toBe(text));
  });
});
