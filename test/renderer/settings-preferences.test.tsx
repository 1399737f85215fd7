// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

describe('settings page: display, recipient presets, format profile', () => {
  it('larger text scales the UI and language switches and persists', async () => {
    const { user, unmount } = await renderApp('/settings');
    await user.click(await screen.findByRole('tab', { name: 'Hiển thị' }));
    await user.click(screen.getByRole('switch', { name: 'Chữ lớn' }));
    expect(document.documentElement.style.fontSize).toBe('118.75%');
    await waitFor(async () => expect((await bridge.call('settings.get', {})).largeText).toBe(true));

    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    await waitFor(async () => expect((await bridge.call('settings.get', {})).language).toBe('en'));

    unmount();
    document.documentElement.style.fontSize = '';
    bridge.reopen();
    await renderApp('/settings'); // renderApp starts in Vietnamese; the stored preference wins once loaded
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Directory' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.style.fontSize).toBe('118.75%'));
    expect(document.documentElement.lang).toBe('en');
  });

  it('the "Sắp đến hạn" window is set in days and stored; a value out of range is not', async () => {
    const { user } = await renderApp('/settings');
    await user.click(await screen.findByRole('tab', { name: 'Hiển thị' }));
    const days = screen.getByLabelText('Báo “Sắp đến hạn” trước hạn (ngày)');
    expect(days).toHaveValue('7');
    await user.clear(days);
    await user.type(days, '14');
    await waitFor(async () => expect((await bridge.call('settings.get', {})).taskDueSoonDays).toBe(14));
    await user.clear(days);
    await user.type(days, '90');
    await user.tab();
    expect((await bridge.call('settings.get', {})).taskDueSoonDays).toBeLessThanOrEqual(60);
  });

  it('adds and removes recipient presets', async () => {
    const { user } = await renderApp('/settings');
    await user.click(await screen.findByRole('tab', { name: 'Nơi nhận mẫu' }));
    expect(screen.getByText(/Chưa có nơi nhận mẫu nào/)).toBeInTheDocument();

    const input = screen.getByLabelText('Nơi nhận mới');
    await user.click(screen.getByRole('button', { name: 'Thêm' }));
    expect(screen.getByText('Không được để trống')).toBeInTheDocument();

    await user.type(input, 'Thường trực Tỉnh ủy (b/c)');
    await user.click(screen.getByRole('button', { name: 'Thêm' }));
    await user.type(input, 'Các đồng chí Huyện ủy viên{Enter}');
    const list = await screen.findByRole('list', { name: 'Danh sách nơi nhận mẫu' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect((await bridge.call('settings.get', {})).recipientPresets).toEqual(['Thường trực Tỉnh ủy (b/c)', 'Các đồng chí Huyện ủy viên']);

    await user.type(input, 'Thường trực Tỉnh ủy (b/c)');
    await user.click(screen.getByRole('button', { name: 'Thêm' }));
    expect(screen.getByText('Dòng này đã có trong danh sách')).toBeInTheDocument();
    await user.clear(input);

    await user.click(screen.getByRole('button', { name: 'Bỏ “Thường trực Tỉnh ủy (b/c)” khỏi danh sách' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect((await bridge.call('settings.get', {})).recipientPresets).toEqual(['Các đồng chí Huyện ủy viên']);
  });

  it('edits the format profile within the allowed ranges only', async () => {
    const { user } = await renderApp('/settings');
    await user.click(await screen.findByRole('tab', { name: 'Thể thức trình bày' }));
    const form = screen.getByRole('form', { name: 'Thể thức trình bày mặc định' });
    const top = within(form).getByLabelText('Lề trên');
    expect(top).toHaveValue('20');
    expect(top).toHaveAccessibleDescription('Từ 20 đến 25 mm');

    await user.clear(top);
    await user.type(top, '30');
    await user.click(within(form).getByRole('button', { name: 'Lưu thể thức' }));
    expect(await within(form).findByText('Giá trị lớn nhất là 25')).toBeInTheDocument();
    expect((await bridge.call('settings.get', {})).formatProfile.margins.topMm).toBe(20);

    await user.clear(top);
    await user.type(top, '22');
    await user.selectOptions(within(form).getByLabelText('Đánh số mục cấp 3'), 'a)');
    await user.click(within(form).getByRole('button', { name: 'Lưu thể thức' }));
    expect(await screen.findByText('Đã lưu thể thức trình bày.')).toBeInTheDocument();
    const stored = (await bridge.call('settings.get', {})).formatProfile;
    expect(stored.margins.topMm).toBe(22);
    expect(stored.level3Style).toBe('a)');
  });
});
