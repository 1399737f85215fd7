// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, untilStored, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(async () => {
  bridge = installRealBridge();
  await bridge.call('org.saveSelf', {
    issuer: { higherLines: ['ĐẢNG BỘ TỈNH ĐIỆN BIÊN'], name: 'HUYỆN ỦY ĐIỆN BIÊN', symbol: 'HU' },
    level: 'huyen-uy',
    place: 'Điện Biên',
    term: '2025-2030',
    signature: { authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Tần Thị Quế' },
    signaturePresets: [{ authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', signer: 'Lò Văn Mừng' }],
    archiveRecipient: 'Lưu Văn phòng Huyện ủy',
  });
  await bridge.call('settings.set', { recipientPresets: ['Thường trực Tỉnh ủy (b/c)'] });
});
afterEach(() => bridge.dispose());

describe('Căn cứ', () => {
  it('adds, reorders and removes references, gives one its own verb, and switches to the running-sentence form', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, (p) => ({ canCu: { ...p.canCu, items: [], form: 'list' } }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Căn cứ' }));
    expect(await screen.findByTestId('cancu-empty')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Thêm căn cứ' }));
    await user.click(screen.getByRole('textbox', { name: 'Căn cứ 1' }));
    await user.paste('Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị');
    await user.click(screen.getByRole('button', { name: 'Thêm căn cứ' }));
    await user.click(screen.getByRole('textbox', { name: 'Căn cứ 2' }));
    await user.paste('Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị');
    await user.click(screen.getByRole('button', { name: 'Chuyển lên: Căn cứ 2' }));
    await untilStored(bridge, plan.id, (p) =>
      expect(p.canCu.items.map((i) => i.text)).toEqual(['Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị', 'Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị']),
    );
    await user.click(screen.getByRole('button', { name: 'Xóa: Căn cứ 1' }));
    await user.click(screen.getByRole('radio', { name: 'Một câu liền' }));
    const verb = screen.getByRole('combobox', { name: 'Từ mở đầu 1' });
    await user.clear(verb);
    await user.type(verb, 'Thực hiện');
    await untilStored(bridge, plan.id, (p) => {
      expect(p.canCu.items).toEqual([{ verb: 'Thực hiện', text: 'Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị', join: '' }]);
      expect(p.canCu.form).toBe('sentence');
    });
    expect(screen.getByTestId('cancu-printed').textContent).toContain('Thực hiện Quyết định số 216-QĐ/TW, ngày 28/12/2024 của Bộ Chính trị,');
    const preview = screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await waitFor(() => expect(preview.textContent).toContain('Thực hiện Quyết định số 216-QĐ/TW'));
  });
});

describe('Nơi nhận', () => {
  it('adds from presets before the archive line, adds the archive line from the profile, reorders, saves a new preset', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, () => ({ recipients: [] }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Nơi nhận' }));
    expect(await within(screen.getByRole('tabpanel', { name: 'Nơi nhận' })).findByText(/Chưa có nơi nhận/)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Thêm dòng "Lưu Văn phòng Huyện ủy"' }));
    await user.click(screen.getByRole('button', { name: 'Chọn từ mẫu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Thường trực Tỉnh ủy (b/c)' }));
    await untilStored(bridge, plan.id, (p) =>
      expect(p.recipients.map((r) => [r.text, r.note])).toEqual([
        ['Thường trực Tỉnh ủy', '(b/c)'],
        ['Lưu Văn phòng Huyện ủy', ''],
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Thêm nơi nhận' }));
    const line2 = screen.getByLabelText('Nơi nhận 2');
    await user.click(line2);
    await user.paste('Ban Tổ chức Tỉnh ủy');
    await user.click(screen.getByRole('button', { name: 'Chuyển lên: Ban Tổ chức Tỉnh ủy' }));
    await untilStored(bridge, plan.id, (p) => expect(p.recipients.map((r) => r.text)).toEqual(['Ban Tổ chức Tỉnh ủy', 'Thường trực Tỉnh ủy', 'Lưu Văn phòng Huyện ủy']));
    await user.click(screen.getByRole('button', { name: 'Lưu làm mẫu: Ban Tổ chức Tỉnh ủy' }));
    await waitFor(async () => expect((await bridge.call('settings.get', {})).recipientPresets).toContain('Ban Tổ chức Tỉnh ủy'));
    const preview = screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await waitFor(() => expect(preview.textContent).toContain('- Lưu Văn phòng Huyện ủy.'));
  });
});

describe('Người ký', () => {
  it('fills the signature from a preset of the profile and edits it', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('tab', { name: 'Người ký' }));
    await user.click(await screen.findByRole('button', { name: /PHÓ BÍ THƯ · Lò Văn Mừng/ }));
    await untilStored(bridge, plan.id, (p) => expect(p.signature).toEqual({ authority: 'T/M', body: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', signer: 'Lò Văn Mừng' }));
    await user.click(screen.getByRole('radio', { name: 'Không (ký tên cá nhân)' }));
    expect(screen.getByRole('textbox', { name: /Tập thể/ })).toBeDisabled();
    const signer = screen.getByRole('textbox', { name: /Họ và tên người ký/ });
    await user.clear(signer);
    await user.type(signer, 'Nguyễn Văn A');
    await untilStored(bridge, plan.id, (p) => expect(p.signature).toEqual({ authority: '', body: '', title: 'PHÓ BÍ THƯ', signer: 'Nguyễn Văn A' }));
    const preview = screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await waitFor(() => expect(preview.textContent).toContain('Nguyễn Văn A'));
    await user.clear(signer);
    // the format check reports the missing name right under the field, and in the findings panel
    const field = signer.closest('.mantine-InputWrapper-root') as HTMLElement;
    expect(await within(field).findByText('Chưa có họ tên người ký.', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Kiểm tra thể thức' })).getByText('Chưa có họ tên người ký.')).toBeInTheDocument();
  });
});
