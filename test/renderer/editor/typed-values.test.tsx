// @vitest-environment jsdom
/**
 * What the clerk types is what is stored and shown, and every field keeps telling what is wrong with it,
 * also after the editor is opened again.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createPlan, installRealBridge, openEditor, blankHuyenUy, storedPlan, untilStored, type RealBridge } from './editor-harness';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

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
