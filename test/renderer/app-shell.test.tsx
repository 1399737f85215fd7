// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

describe('app shell', () => {
  it('has the Vietnamese sidebar, starts on Tổng quan, and opens each page', async () => {
    const { user, router } = await renderApp('/');
    expect(await screen.findByRole('heading', { name: 'KẾ HOẠCH', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/overview'));
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Tổng quan', 'Kế hoạch', 'Sổ văn bản đi', 'Nhiệm vụ', 'Trao đổi dữ liệu', 'Danh mục', 'Cài đặt']);

    await user.click(within(nav).getByRole('link', { name: 'Nhiệm vụ' }));
    expect(await screen.findByRole('heading', { name: 'Nhiệm vụ', level: 2 }, { timeout: 10_000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks');
    await user.click(within(nav).getByRole('link', { name: 'Trao đổi dữ liệu' }));
    expect(await screen.findByRole('heading', { name: 'Trao đổi dữ liệu', level: 2 }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Xuất gói' })).toBeInTheDocument();
  });

  it('switches the language from the header and keeps it', async () => {
    const { user, unmount } = await renderApp('/directory');
    await screen.findByRole('heading', { name: 'Danh mục đơn vị' });
    await user.click(screen.getByText('EN'));
    expect(await screen.findByRole('heading', { name: 'Directory of units' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data exchange' })).toBeInTheDocument();
    await waitFor(async () => expect((await bridge.call('settings.get', {})).language).toBe('en'));

    unmount();
    bridge.reopen();
    await renderApp('/directory');
    expect(await screen.findByRole('heading', { name: 'Directory of units' })).toBeInTheDocument();
  });

  it('shows backend errors as notifications with the backend\'s Vietnamese message', async () => {
    const { user } = await renderApp('/plans');
    await screen.findByRole('heading', { name: 'Kế hoạch' });
    // Close the real database under the running app: the next read fails inside the backend.
    bridge.backend.close();
    const failure = await bridge.backend.invoke('org.list', {});
    expect(failure.ok).toBe(false);
    const message = failure.ok ? '' : failure.error.message;
    expect(message).not.toBe('');

    await user.click(screen.getByRole('link', { name: 'Danh mục' }));
    // Danh mục reads the units and the offices' keys: each failed read says so.
    expect((await screen.findAllByText('Có lỗi xảy ra')).length).toBeGreaterThanOrEqual(1);
    expect(screen.getByText('Không tải được dữ liệu')).toBeInTheDocument();
    expect(screen.getAllByText(message).length).toBeGreaterThanOrEqual(2); // the notification and the page
    bridge.reopen();
  });
});
