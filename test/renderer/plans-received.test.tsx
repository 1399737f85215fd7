// @vitest-environment jsdom
/**
 * Kế hoạch → "Của đơn vị khác": plans received in packages, apart from our own, grouped by the sending office, with
 * nothing offered that writes them. The packages come from two more real backends.
 */
import { screen, within } from '@testing-library/react';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/index';
import type { SelfProfile } from '../../shared/model';
import { profile } from '../backend/fixtures/profile';
import { call } from '../backend/helpers';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';

const office = (name: string, symbol: string): SelfProfile => ({ ...profile, issuer: { higherLines: ['ĐẢNG BỘ TỈNH ĐIỆN BIÊN'], name, symbol } });

let bridge: RealBridge;
const others: { dir: string; backend: Backend }[] = [];
beforeEach(async () => {
  bridge = installRealBridge();
  await bridge.call('org.saveSelf', office('TỈNH ỦY ĐIỆN BIÊN', 'TU'));
});
afterEach(() => {
  bridge.dispose();
  for (const o of others.splice(0)) {
    o.backend.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
});

/** Another office with one plan from a seed template (trích yếu `title`), received here in a package. */
async function receiveFrom(name: string, title: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kh-other-'));
  const backend = createBackend({ dataDir: dir, resourcesDir: join(import.meta.dirname, '..', '..', 'resources') });
  others.push({ dir, backend });
  await call(backend, 'org.saveSelf', office(name, 'ĐU'));
  const templates = await call(backend, 'template.list', {});
  const plan = await call(backend, 'template.instantiate', { templateId: templates.find((t) => t.kind === 'seed')!.id });
  await call(backend, 'plan.save', { ...plan, trichYeu: title, baseRevision: plan.revision });
  const { base64 } = await call(backend, 'exchange.exportPackage', {});
  await bridge.call('exchange.import', { base64, trust: true });
}

describe('plans of other offices', () => {
  it('live apart from ours, grouped by office, read-only', async () => {
    const templates = await bridge.call('template.list', {});
    const ours = await bridge.call('template.instantiate', { templateId: templates.find((t) => t.kind === 'seed')!.id });
    await bridge.call('plan.save', { ...ours, trichYeu: 'kế hoạch của tỉnh', baseRevision: ours.revision });
    await receiveFrom('ĐẢNG ỦY XÃ THANH NƯA', 'kế hoạch xã Thanh Nưa');
    await receiveFrom('ĐẢNG ỦY XÃ MƯỜNG PHĂNG', 'kế hoạch xã Mường Phăng');

    const { user } = await renderApp('/plans');
    const ownTable = await screen.findByRole('table', { name: 'Danh sách kế hoạch' }, { timeout: 10_000 });
    expect(await within(ownTable).findByText('kế hoạch của tỉnh')).toBeInTheDocument();
    expect(within(ownTable).queryByText('kế hoạch xã Thanh Nưa')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Của đơn vị khác' }));
    expect(await screen.findByRole('heading', { name: 'Kế hoạch của đơn vị khác' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Danh sách kế hoạch' });
    await within(table).findByText('kế hoạch xã Thanh Nưa');
    const headers = within(table).getAllByRole('columnheader').filter((h) => h.getAttribute('scope') === 'colgroup').map((h) => h.textContent);
    expect(headers).toEqual(['ĐẢNG ỦY XÃ MƯỜNG PHĂNG', 'ĐẢNG ỦY XÃ THANH NƯA']);
    expect(within(table).queryByText('kế hoạch của tỉnh')).toBeNull();
    const row = within(table).getByText('kế hoạch xã Thanh Nưa').closest('tr')!;
    expect(within(row).queryByRole('button', { name: /^Xóa/ })).toBeNull();
    expect(within(row).queryByRole('button', { name: /^Lưu trữ/ })).toBeNull();
    expect(within(row).getByRole('button', { name: /^Nhân bản/ })).toBeInTheDocument();
  });
});
