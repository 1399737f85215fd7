// @vitest-environment jsdom
/**
 * A plan received from another office opens with nothing that writes it: no Ban hành (also on a received draft), no
 * "Sửa kế hoạch", no restoring a revision. The plan comes through a real package from a second backend.
 */
import { screen, within } from '@testing-library/react';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/index';
import type { SelfProfile } from '../../../shared/model';
import { profile } from '../../backend/fixtures/profile';
import { call } from '../../backend/helpers';
import { installRealBridge, openEditor, type RealBridge } from './editor-harness';

const communeProfile: SelfProfile = { ...profile, issuer: { higherLines: ['ĐẢNG BỘ TỈNH ĐIỆN BIÊN'], name: 'ĐẢNG ỦY XÃ THANH NƯA', symbol: 'ĐU' }, level: 'dang-uy-xa' };
const provinceProfile: SelfProfile = { ...profile, issuer: { higherLines: ['ĐẢNG CỘNG SẢN VIỆT NAM'], name: 'TỈNH ỦY ĐIỆN BIÊN', symbol: 'TU' }, level: 'tinh-uy' };

let bridge: RealBridge;
let provinceDir = '';
let province: Backend;

beforeEach(async () => {
  bridge = installRealBridge();
  await bridge.call('org.saveSelf', communeProfile);
  provinceDir = mkdtempSync(join(tmpdir(), 'kh-province-'));
  province = createBackend({ dataDir: provinceDir, resourcesDir: join(import.meta.dirname, '..', '..', '..', 'resources') });
  await call(province, 'org.saveSelf', provinceProfile);
});
afterEach(() => {
  bridge.dispose();
  province.close();
  rmSync(provinceDir, { recursive: true, force: true });
});

/** The province's draft, received here through a package (the clerk trusted the sender). */
async function receivedDraft() {
  const templates = await call(province, 'template.list', {});
  const plan = await call(province, 'template.instantiate', { templateId: templates.find((t) => t.kind === 'seed')!.id });
  const { base64 } = await call(province, 'exchange.exportPackage', { planIds: [plan.id] });
  await bridge.call('exchange.import', { base64, trust: true });
  return bridge.call('plan.get', { id: plan.id });
}

describe('a received plan in the editor', () => {
  it('a received draft offers no Ban hành and says whose plan it is', async () => {
    const plan = await receivedDraft();
    expect(plan.status).toBe('draft');
    expect(plan.origin?.name).toBe('TỈNH ỦY ĐIỆN BIÊN');
    await openEditor(bridge, plan);
    const toolbar = screen.getByRole('toolbar', { name: 'Thao tác với kế hoạch' });
    expect(within(toolbar).queryByRole('button', { name: 'Ban hành' })).toBeNull();
    expect(within(toolbar).getByRole('button', { name: 'Xuất .docx' })).toBeInTheDocument();
    expect(screen.getByText('Kế hoạch của TỈNH ỦY ĐIỆN BIÊN')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sửa kế hoạch' })).toBeNull();
  });

  it('its history can be read but no revision restored', async () => {
    const plan = await receivedDraft();
    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('button', { name: 'Lịch sử' }));
    await screen.findByRole('region', { name: /Phiên bản/ }, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: /Khôi phục/ })).toBeNull();
  });
});
