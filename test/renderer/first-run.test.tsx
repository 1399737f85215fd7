// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';
import { blankHuyenUy, createPlan, openEditor } from './editor/editor-harness';
import { profile } from '../backend/fixtures/profile';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

describe('first run', () => {
  it('without an office profile, the plans page says what to do first and links to Cài đặt', async () => {
    const { user, router } = await renderApp('/plans');
    const alert = await screen.findByRole('alert', { name: /Việc đầu tiên/ }, { timeout: 10_000 });
    expect(within(alert).getByText(/Chưa có hồ sơ cơ quan/)).toBeInTheDocument();
    await user.click(within(alert).getByRole('link', { name: 'Mở Cài đặt để khai báo hồ sơ cơ quan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings'));
  });

  it('the start page (Tổng quan) gives the same first-run notice, and none once the profile is saved', async () => {
    const { router, unmount } = await renderApp('/overview');
    const alert = await screen.findByRole('alert', { name: /Việc đầu tiên/ }, { timeout: 10_000 });
    expect(within(alert).getByRole('link', { name: 'Mở Cài đặt để khai báo hồ sơ cơ quan' })).toHaveAttribute('href', '/settings');
    expect(router.state.location.pathname).toBe('/overview');
    unmount();
    await bridge.call('org.saveSelf', profile);
    await renderApp('/overview');
    await screen.findByText('Chưa có nhiệm vụ nào được theo dõi', {}, { timeout: 10_000 });
    expect(screen.queryByText(/Việc đầu tiên/)).not.toBeInTheDocument();
  });

  it('the first-run notice is one component shared by the start page and the plans list', async () => {
    const { FirstRunHint } = await import('../../renderer/src/components/FirstRunHint');
    expect(typeof FirstRunHint).toBe('function');
    for (const page of ['overview/OverviewPage.tsx', 'plans/PlansPage.tsx']) {
      const source = readFileSync(join(__dirname, '../../renderer/src/pages', page), 'utf8');
      expect(source, page).toContain('<FirstRunHint />');
      expect(source, page).not.toContain("t('plans.firstRunText')");
    }
  });

  it('with a profile, the plans page has no first-run notice', async () => {
    await bridge.call('org.saveSelf', profile);
    await renderApp('/plans');
    expect(await screen.findByText('Chưa có kế hoạch nào', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText(/Việc đầu tiên/)).not.toBeInTheDocument();
  });

  it('a new plan without a profile explains why “Lấy theo hồ sơ cơ quan” is disabled', async () => {
    const plan = await createPlan(bridge, blankHuyenUy);
    await openEditor(bridge, plan);
    const button = screen.getByRole('button', { name: 'Lấy theo hồ sơ cơ quan' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/chưa có hồ sơ cơ quan: hãy khai báo trong Cài đặt/);
  });

  it('Cài đặt asks before leaving with unsaved changes to the profile; staying keeps them, leaving discards', async () => {
    const { user, router } = await renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Hồ sơ cơ quan ban hành' }, { timeout: 10_000 });
    await user.type(within(form).getByLabelText(/Tên cơ quan ban hành/), 'HUYỆN ỦY TAM ĐƯỜNG');

    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Kế hoạch' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Rời trang khi chưa lưu?' })).not.toBeInTheDocument());
    expect(router.state.location.pathname).toBe('/settings');
    expect(within(form).getByLabelText(/Tên cơ quan ban hành/)).toHaveValue('HUYỆN ỦY TAM ĐƯỜNG');

    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Danh mục' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Rời trang khi chưa lưu?' })).getByRole('button', { name: 'Rời trang, bỏ thay đổi' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/directory'));
    expect(await bridge.call('org.getSelf', {})).toBeNull();
  });

  it('Cài đặt lets the user leave without asking once the profile is saved', async () => {
    await bridge.call('org.saveSelf', profile);
    const { user, router } = await renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Hồ sơ cơ quan ban hành' }, { timeout: 10_000 });
    const place = within(form).getByLabelText(/Địa danh/);
    await user.clear(place);
    await user.type(place, 'Lai Châu');
    await user.click(within(form).getByRole('button', { name: 'Lưu hồ sơ cơ quan' }));
    await screen.findByText('Đã lưu hồ sơ cơ quan ban hành.');
    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Kế hoạch' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/plans'));
    expect(screen.queryByRole('dialog', { name: 'Rời trang khi chưa lưu?' })).not.toBeInTheDocument();
    expect((await bridge.call('org.getSelf', {}))?.place).toBe('Lai Châu');
  });
});
