// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { installRealBridge, type RealBridge } from './real-bridge';
import { renderApp } from './render-app';
import { profile as office } from '../backend/fixtures/profile';

let bridge: RealBridge;
beforeEach(() => {
  bridge = installRealBridge();
});
afterEach(() => bridge.dispose());

/** The office profile, in the term the register's old numbers belong to. */
const profile = { ...office, term: '2020-2025' };

/** A blank plan made from the template (it takes the profile's term), titled and numbered from the register. */
async function numberedPlan(trichYeu: string) {
  const blank = (await bridge.call('template.list', {})).find((t) => t.kind === 'blank' && /Huyện ủy/.test(t.name))!;
  const plan = await bridge.call('template.instantiate', { templateId: blank.id });
  const { id, revision, status: _s, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content } = plan;
  await bridge.call('plan.save', { ...content, id, trichYeu, baseRevision: revision });
  return bridge.call('plan.allocateNumber', { id });
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('Sổ văn bản đi', () => {
  it('says how numbers are allocated when the book is empty', async () => {
    await renderApp('/register');
    expect(await screen.findByText('Sổ văn bản đi chưa có số nào', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('lists the current term’s numbers with plan, date and status; a deleted plan keeps its number; the old term stays readable', async () => {
    await bridge.call('org.saveSelf', profile);
    const first = await numberedPlan('Kế hoạch tuyên truyền năm 2025');
    const second = await numberedPlan('Kế hoạch kiểm tra năm 2025');
    await bridge.call('plan.remove', { id: second.id });
    await bridge.call('org.saveSelf', { ...profile, term: '2025-2030' });
    const fresh = await numberedPlan('Kế hoạch đầu nhiệm kỳ mới');
    expect(fresh.header.number).toBe('01');
    await bridge.call('plan.issue', { id: fresh.id });

    const { user, router } = await renderApp('/register');
    const table = await screen.findByRole('table', { name: 'Sổ văn bản đi' }, { timeout: 10_000 });
    // The current term of the profile is shown first.
    expect(screen.getByLabelText('Nhiệm kỳ')).toHaveValue('2025-2030');
    expect(rowsOf(table)).toHaveLength(1);
    const row = rowsOf(table)[0]!;
    expect(within(row).getByText('01-KH/HU')).toBeInTheDocument();
    expect(within(row).getByText('Đã ban hành')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Nhiệm kỳ'), '2020-2025');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Sổ văn bản đi' })).queryByText('Kế hoạch đầu nhiệm kỳ mới')).not.toBeInTheDocument());
    const old = rowsOf(screen.getByRole('table', { name: 'Sổ văn bản đi' }));
    expect(old.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['01-KH/HU', '02-KH/HU']);
    expect(within(old[1]!).getByText('Đã xóa (trong thùng rác)')).toBeInTheDocument();
    expect(within(old[1]!).getByText('Kế hoạch kiểm tra năm 2025')).toBeInTheDocument();
    expect(within(old[1]!).queryByRole('link')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Nhiệm kỳ'), '');
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Sổ văn bản đi' }))).toHaveLength(3));
    expect(screen.getByText('Số đã cấp: 3')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Kế hoạch tuyên truyền năm 2025' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${first.id}`));
  });

  it('shows a number whose plan was deleted for good', async () => {
    await bridge.call('org.saveSelf', profile);
    const plan = await numberedPlan('Kế hoạch đã hủy');
    // No channel deletes a plan for good yet: do what a purge of the bin will do.
    bridge.backend.close();
    const db = new Database(join(bridge.dataDir, DATABASE_FILE));
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM plans WHERE id = ?').run(plan.id);
    db.close();
    bridge.reopen();

    await renderApp('/register');
    const table = await screen.findByRole('table', { name: 'Sổ văn bản đi' }, { timeout: 10_000 });
    expect(within(rowsOf(table)[0]!).getByText('Kế hoạch không còn')).toBeInTheDocument();
  });
});
