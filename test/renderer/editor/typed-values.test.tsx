// @vitest-environment jsdom
/**
 * What the clerk types is what is stored and shown, and every field keeps telling what is wrong with it,
 * also after the editor is opened again.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createPlan, installRealBridge, openEditor, blankHuyenUy, storedPlan, untilStored, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

const findings = () => screen.getByRole('region', { name: 'Kiểm tra thể thức' });

describe('an impossible date', () => {
  it('31/02/2025 keeps its message on the field and in the findings after the editor is opened again', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const first = await openEditor(bridge, plan);
    const { user } = first;
    const day = screen.getByRole('textbox', { name: 'Ngày' });
    const month = screen.getByRole('textbox', { name: 'Tháng' });
    const year = screen.getByRole('textbox', { name: /Năm/ });
    await user.clear(day);
    await user.type(day, '31');
    await user.clear(month);
    await user.type(month, '2');
    await user.clear(year);
    await user.type(year, '2025');
    await user.tab();
    await untilStored(bridge, plan.id, (p) => expect(p.header.date).toEqual({ day: '31', month: '2', year: '2025' }));
    first.unmount();

    await openEditor(bridge, plan);
    const reopenedDay = screen.getByRole('textbox', { name: 'Ngày' });
    await waitFor(() => expect(reopenedDay).toHaveAttribute('aria-invalid', 'true'), { timeout: 4000 });
    await waitFor(() => expect(within(findings()).getByText(/Ngày 31 tháng 2 năm 2025 không có trong lịch/)).toBeInTheDocument(), { timeout: 4000 });
  });
});

/** Dispatch what the browser dispatches before a reload or close; true when the page asks to stay. */
function unloadAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('a value the store cannot take', () => {
  it('is held back and named by the status while every other edit is saved; closing asks until it is fixed', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const trichYeu = screen.getByRole('textbox', { name: /Trích yếu/ });
    await user.click(trichYeu);
    await user.paste('x'.repeat(100_001));
    const place = screen.getByRole('textbox', { name: /Địa danh/ });
    fireEvent.change(place, { target: { value: 'Mường Ảng' } });

    // the other edit is stored; the refused text is not, and the status never says "Đã lưu" alone
    await untilStored(bridge, plan.id, (p) => expect(p.header.place).toBe('Mường Ảng'), 6000);
    expect((await storedPlan(bridge, plan.id)).trichYeu).toBe(plan.trichYeu);
    const status = screen.getByTestId('save-status');
    await waitFor(() => expect(status).toHaveTextContent('Đã lưu, trừ 1 ô chưa lưu được'));
    // the field says why, and what she pasted is still there
    await waitFor(() => expect(trichYeu).toHaveAttribute('aria-invalid', 'true'));
    expect(trichYeu).toHaveAccessibleDescription(expect.stringMatching(/Tối đa \d+ ký tự/));
    expect((trichYeu as HTMLTextAreaElement).value).toHaveLength(100_001);
    expect(unloadAsks()).toBe(true);

    // shortened: everything is stored, and leaving no longer asks
    fireEvent.change(trichYeu, { target: { value: 'tổ chức hội nghị' } });
    await untilStored(bridge, plan.id, (p) => expect(p.trichYeu).toBe('tổ chức hội nghị'), 6000);
    await waitFor(() => expect(status).toHaveTextContent(/^Đã lưu lúc \d\d:\d\d$/));
    expect(unloadAsks()).toBe(false);
  });

  it('closing or reloading asks while an edit is not yet stored', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    await openEditor(bridge, plan);
    expect(unloadAsks()).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: /Địa danh/ }), { target: { value: `${plan.header.place}x` } });
    expect(unloadAsks()).toBe(true);
    await untilStored(bridge, plan.id, (p) => expect(p.header.place).toBe(`${plan.header.place}x`), 6000);
    await waitFor(() => expect(unloadAsks()).toBe(false));
  });
});

describe('a long paste', () => {
  it('10,000 characters in Trích yếu are stored, the status says "Đã lưu" and the field says it is too long to print', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    const { user } = await openEditor(bridge, plan);
    const trichYeu = screen.getByRole('textbox', { name: /Trích yếu/ });
    await user.clear(trichYeu);
    await user.click(trichYeu);
    const pasted = 'tổ chức đại hội điểm '.repeat(500).slice(0, 10_000);
    await user.paste(pasted);
    await untilStored(bridge, plan.id, (p) => expect(p.trichYeu).toBe(pasted), 6000);
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^Đã lưu lúc \d\d:\d\d$/));
    await waitFor(() => expect(trichYeu).toHaveAccessibleDescription(expect.stringMatching(/dài 10000 ký tự, quá \d+ ký tự/)), { timeout: 4000 });
    // a later edit elsewhere is stored too
    fireEvent.change(screen.getByRole('textbox', { name: /Địa danh/ }), { target: { value: 'Mường Ảng' } });
    await untilStored(bridge, plan.id, (p) => expect(p.header.place).toBe('Mường Ảng'), 6000);
  });
});

describe('emoji in a text', () => {
  it('the finding offers "Xóa ký tự", which removes them from the draft and the stored plan', async () => {
    const plan = await createPlan(bridge, blankHuyenUy, () => ({ trichYeu: 'tổ chức hội nghị 🎉 sơ kết 👍' }));
    const { user } = await openEditor(bridge, plan);
    const panel = findings();
    const remove = await within(panel).findByRole('button', { name: 'Xóa ký tự' }, { timeout: 5000 });
    await user.click(remove);
    await untilStored(bridge, plan.id, (p) => expect(p.trichYeu).not.toMatch(/🎉|👍/u), 6000);
    expect(screen.getByRole('textbox', { name: /Trích yếu/ })).not.toHaveValue(plan.trichYeu);
    await waitFor(() => expect(within(panel).queryByRole('button', { name: 'Xóa ký tự' })).toBeNull(), { timeout: 5000 });
  });
});
