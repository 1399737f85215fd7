/**
 * End to end in Debian Chromium through the web harness: open the app, switch language, save the
 * issuer profile, restart the harness on the same data folder, reload, and find the profile persisted.
 */
import { startHarness } from '../../scripts/web-harness';
import { appForFile, saveIssuerProfile } from './browser';

const session = appForFile();

describe('foundation in a real browser', () => {
  it('opens in Vietnamese with the five sections', async () => {
    const { page } = session;
    const nav = page.getByRole('navigation');
    for (const name of ['Kế hoạch', 'Nhiệm vụ', 'Trao đổi dữ liệu', 'Danh mục', 'Cài đặt']) {
      await nav.getByRole('link', { name }).waitFor();
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('switches to English and back', async () => {
    const { page } = session;
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' }).waitFor();
  });

  it('saves the issuer profile, and it survives a restart of the backend', async () => {
    const { page } = session;
    await saveIssuerProfile(page);

    // Restart the backend on the same data folder, then reload the page from it.
    await session.app.harness.close();
    session.app.harness = await startHarness({ port: 0, dataDir: session.app.dataDir });
    await page.goto(`${session.app.harness.url}#/settings`);
    await expect.poll(() => page.getByLabel('Tên cơ quan ban hành').inputValue()).toBe('HUYỆN ỦY TAM ĐƯỜNG');
    await expect.poll(() => page.getByLabel('Họ và tên người ký').inputValue()).toBe('Tần Thị Quế');
    await expect.poll(() => page.getByLabel('Địa danh').inputValue()).toBe('Tam Đường');
  });
});
