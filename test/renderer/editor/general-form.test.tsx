// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createPlan, installRealBridge, openEditor, blankHuyenUy, settledSave, untilStored, storedPlan, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

describe('Thông tin chung', () => {
  it('autosaves the trích yếu within a second, shows it in the preview and says when it was saved', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const trichYeu = screen.getByRole('textbox', { name: /Trích yếu/ });
    await user.clear(trichYeu);
    await user.type(trichYeu, 'tổ chức hội nghị sơ kết');
    const started = Date.now();
    await untilStored(bridge, plan.id, (p) => expect(p.trichYeu).toBe('tổ chức hội nghị sơ kết'));
    expect(Date.now() - started).toBeLessThan(2000);
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/Đã lưu lúc \d\d:\d\d/));
    const preview = screen.getByRole('region', { name: 'Bản xem trước kế hoạch' });
    await waitFor(() => expect(within(preview).getAllByText('tổ chức hội nghị sơ kết').length).toBeGreaterThan(0));
  });

  it('a number with letters and a lower-case symbol are stored as typed and keep their message', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const number = screen.getByRole('textbox', { name: 'Số văn bản' });
    await user.type(number, '12a');
    await waitFor(() => expect(number).toHaveAccessibleDescription(expect.stringMatching(/Số văn bản chỉ gồm chữ số/)));
    const symbol = screen.getByRole('textbox', { name: /Ký hiệu cơ quan/ });
    await user.clear(symbol);
    await user.type(symbol, 'hu');
    await waitFor(() => expect(symbol).toHaveAccessibleDescription(expect.stringMatching(/Ký hiệu chỉ gồm chữ in hoa và số/)));
    // what is shown is what is stored, and the status says so
    expect(number).toHaveValue('12a');
    expect(symbol).toHaveValue('hu');
    await untilStored(bridge, plan.id, (p) => expect(p.header).toMatchObject({ number: '12a', issuer: { symbol: 'hu' } }));
    expect(await settledSave()).toBe('saved');
    await user.clear(number);
    await user.type(number, '05');
    await waitFor(() => expect(screen.queryByText(/Số văn bản chỉ gồm chữ số/)).not.toBeInTheDocument());
    await untilStored(bridge, plan.id, (p) => expect(p.header.number).toBe('05'));
  });

  it('a number pasted the state way ("24/KH-CB") splits into number and symbol and shows the Party form', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const number = screen.getByRole('textbox', { name: 'Số văn bản' });
    await user.click(number);
    await user.paste('24/KH-CB');
    await waitFor(() => expect(number).toHaveValue('24'));
    expect(screen.getByRole('textbox', { name: /Ký hiệu cơ quan/ })).toHaveValue('CB');
    expect(screen.getByTestId('number-split')).toHaveTextContent('Văn bản của Đảng ghi: Số 24-KH/CB');
    await untilStored(bridge, plan.id, (p) => expect(p.header).toMatchObject({ number: '24', issuer: { symbol: 'CB' } }));
    // typed by hand, it splits on leaving the field
    await user.clear(number);
    await user.type(number, 'Số: 10-KH/CBTH');
    await waitFor(() => expect(number).toHaveAccessibleDescription(expect.stringMatching(/khi rời ô, số và ký hiệu được tách ra/)));
    await user.tab();
    await waitFor(() => expect(number).toHaveValue('10'));
    expect(screen.getByTestId('number-split')).toHaveTextContent('Số 10-KH/CBTH');
    await untilStored(bridge, plan.id, (p) => expect(p.header).toMatchObject({ number: '10', issuer: { symbol: 'CBTH' } }));
  });

  it('checks the date: 31 in April is named on the day field, blanks are allowed for a draft, parts are stored as typed', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const day = screen.getByRole('textbox', { name: 'Ngày' });
    const month = screen.getByRole('textbox', { name: 'Tháng' });
    await user.clear(month);
    await user.type(month, '4');
    await user.clear(day);
    await user.type(day, '31');
    await waitFor(() => expect(day).toHaveAccessibleDescription(expect.stringMatching('Ngày này không có trong tháng đã chọn')));
    await user.clear(day);
    await user.type(day, '30');
    await waitFor(() => expect(day).not.toHaveAttribute('aria-invalid', 'true'));
    await untilStored(bridge, plan.id, (p) => expect(p.header.date).toMatchObject({ day: '30', month: '4' }));
    await user.click(screen.getByRole('button', { name: 'Để trống ngày, tháng' }));
    await untilStored(bridge, plan.id, (p) => expect(p.header.date).toMatchObject({ day: '', month: '' }));
    await user.type(day, '05');
    await user.type(month, '3x');
    await untilStored(bridge, plan.id, (p) => expect(p.header.date).toMatchObject({ day: '05', month: '3x' }));
    await waitFor(() => expect(month).toHaveAccessibleDescription(expect.stringMatching(/Tháng "3x" không hợp lệ/)), { timeout: 4000 });
  });

  it('"Cấp số" takes the next number from the register and shows it', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, (p) => ({
      header: { ...p.header, number: '', issuer: { ...p.header.issuer, symbol: 'HU' } },
      term: '2025-2030',
    }));
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('button', { name: 'Cấp số' }));
    const number = screen.getByRole('textbox', { name: 'Số văn bản' });
    await waitFor(() => expect(number).toHaveValue('01'));
    expect((await storedPlan(bridge, plan.id)).header.number).toBe('01');
    expect(screen.getByRole('button', { name: 'Cấp số' })).toBeDisabled();
  });

  it('Ctrl+S saves at once', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const place = screen.getByRole('textbox', { name: /Địa danh/ });
    await user.clear(place);
    await user.type(place, 'Mường Ảng');
    fireEvent.keyDown(place, { key: 's', ctrlKey: true });
    await untilStored(bridge, plan.id, (p) => expect(p.header.place).toBe("Mường Ảng"), 300);
  });
});
