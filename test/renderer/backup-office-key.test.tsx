// @vitest-environment jsdom
/** Sao lưu ra USB with the office key: the key goes only into an encrypted .khbak, and the save asks for it. */
import { screen, waitFor, within } from '@testing-library/react';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

describe('the office key in a USB backup', () => {
  it('ticking "Kèm khóa của đơn vị" forces a passphrase and asks for the key in the .khbak', async () => {
    const { user } = await renderApp('/settings?tab=backup');
    await user.click(await screen.findByRole('button', { name: 'Sao lưu ra USB' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Sao lưu ra USB' });
    const encrypt = within(dialog).getByRole('checkbox', { name: /Mã hóa|mật khẩu/iu });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Kèm khóa của đơn vị' }));
    expect(encrypt).toBeChecked();
    expect(encrypt).toBeDisabled();
    const [first, second] = within(dialog).getAllByLabelText(/mật khẩu/iu, { selector: 'input[type="password"]' });
    await user.type(first!, 'hai con trau vang');
    await user.type(second!, 'hai con trau vang');
    await user.click(within(dialog).getByRole('button', { name: 'Chọn nơi lưu…' }));
    await waitFor(() => expect(bridge.calls.find((c) => c.channel === 'file.chooseSave')?.input).toEqual({ source: { kind: 'backup.khbak', passphrase: 'hai con trau vang', includeOfficeKey: true } }));
  });
});
