// @vitest-environment jsdom
/** Lịch sử: autosaves grouped into editing sessions, what each changed, and any version opened in the preview first. */
import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import type { Plan } from '../../../shared/model';
import { blankHuyenUy, createPlan, installRealBridge, openEditor, storedPlan, type RealBridge } from './editor-harness';

let bridge: RealBridge;
let now = Date.parse('2026-03-02T07:00:00.000Z');
beforeEach(() => {
  now = Date.parse('2026-03-02T07:00:00.000Z');
  bridge = installRealBridge({ clock: () => now });
});
afterEach(() => bridge.dispose());

const minutes = (n: number) => (now += n * 60_000);
const hhmm = (iso: string) => dayjs(iso).format('HH:mm');

async function save(plan: Plan, change: (p: Plan) => Partial<Plan>): Promise<Plan> {
  const current = await storedPlan(bridge, plan.id);
  return bridge.call('plan.save', { ...current, ...change(current), baseRevision: current.revision });
}

describe('Lịch sử', () => {
  it('groups autosaves into sessions, shows the fields touched with a word diff, and previews a version before restoring it', async () => {
    let plan = await createPlan(bridge, blankHuyenUy);
    const created = plan.trichYeu;
    // A first session: three autosaves a minute or two apart.
    const firstTimes: string[] = [];
    for (const text of ['bản một', 'bản hai', 'tổ chức đại hội điểm bản ba']) {
      minutes(2);
      plan = await save(plan, () => ({ trichYeu: text }));
      firstTimes.push(plan.updatedAt);
    }
    const sessionOne = plan.revision;
    // Half an hour later, a second session of two autosaves: the number and the signer.
    minutes(30);
    plan = await save(plan, (p) => ({ header: { ...p.header, number: '07' } }));
    const secondStart = plan.updatedAt;
    minutes(3);
    plan = await save(plan, (p) => ({ signature: { ...p.signature, signer: 'Lò Văn Minh' } }));

    const { user } = await openEditor(bridge, plan);
    await user.click(screen.getByRole('button', { name: 'Lịch sử' }));
    const drawer = await screen.findByRole('dialog', { name: 'Lịch sử phiên bản' });
    const sessions = await within(drawer).findAllByTestId('history-session');
    expect(sessions.map((s) => s.querySelector('p')?.textContent)).toEqual([
      `Sửa lúc ${hhmm(secondStart)}–${hhmm(plan.updatedAt)}, 2 lần lưu`,
      `Sửa lúc ${hhmm(firstTimes[0]!)}–${hhmm(firstTimes[2]!)}, 3 lần lưu`,
    ]);
    // The created version stands alone; the autosaves are not lines of their own until a session is opened.
    expect(within(drawer).getByText('Tạo mới')).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: `Xem phiên bản ${sessionOne}` })).toBeNull();

    // The newest line is open: its preview, and what it changed.
    const newest = within(drawer).getByRole('region', { name: `Phiên bản ${plan.revision}: xem trước và thay đổi` });
    await waitFor(() => expect(within(newest).getByRole('region', { name: 'Bản xem trước kế hoạch' }).textContent).toContain('Lò Văn Minh'));
    await user.click(within(newest).getByRole('tab', { name: 'Thay đổi' }));
    const touched = await within(newest).findByRole('list', { name: 'Đã sửa:' });
    expect(within(touched).getAllByRole('listitem').map((b) => b.textContent)).toEqual(['Thông tin chung: Số văn bản', 'Người ký: Họ tên người ký']);

    // The first session, compared with the created version: the trích yếu, word by word, side by side.
    await user.click(sessions[1]!);
    const first = await within(drawer).findByRole('region', { name: `Phiên bản ${sessionOne}: xem trước và thay đổi` });
    await waitFor(() => expect(within(first).getByRole('region', { name: 'Bản xem trước kế hoạch' }).textContent).toContain('tổ chức đại hội điểm bản ba'));
    await user.click(within(first).getByRole('tab', { name: 'Thay đổi' }));
    const list = await within(first).findByRole('list', { name: 'Đã sửa:' });
    expect(within(list).getAllByRole('listitem').map((b) => b.textContent)).toEqual(['Thông tin chung: Trích yếu']);
    expect(within(first).getByRole('group', { name: 'Sau' }).querySelector('ins')?.textContent).toBe('tổ chức đại hội điểm bản ba');
    expect(created).toBe('');

    // A session opens to its autosaves; one of them compares with the autosave before it.
    await user.click(within(drawer).getByRole('button', { name: /^Xem từng lần lưu: Sửa lúc .*3 lần lưu$/ }));
    expect(within(drawer).getByRole('button', { name: `Xem phiên bản ${sessionOne - 2}` })).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: `Xem phiên bản ${sessionOne}` }));
    const single = await within(drawer).findByRole('region', { name: `Phiên bản ${sessionOne}: xem trước và thay đổi` });
    await user.click(within(single).getByRole('tab', { name: 'Thay đổi' }));
    await within(single).findByText(`So với phiên bản ${sessionOne - 1} (bản lưu trước đó).`);
    const marked = (side: string, tag: string) => [...within(single).getByRole('group', { name: side }).querySelectorAll(tag)].map((e) => e.textContent);
    expect(marked('Trước', 'del')).toEqual(['hai']);
    expect(marked('Sau', 'ins')).toEqual(['tổ chức đại hội điểm ', 'ba']);
    expect(within(single).getByRole('group', { name: 'Trước' }).textContent).toBe('Trướcbản hai');

    // "Khôi phục bản này" restores the version shown, after the usual confirmation.
    await user.click(within(single).getByRole('button', { name: 'Khôi phục bản này' }));
    const confirm = await screen.findByRole('dialog', { name: 'Khôi phục phiên bản cũ?' });
    expect(confirm.textContent).toContain(`phiên bản ${sessionOne}`);
    await user.click(within(confirm).getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Trích yếu/ })).toHaveValue('tổ chức đại hội điểm bản ba'));
    expect((await storedPlan(bridge, plan.id)).signature.signer).not.toBe('Lò Văn Minh');
  });
});
