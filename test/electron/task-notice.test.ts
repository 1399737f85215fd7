/**
 * The desktop app's notification at start, over the real backend: what is overdue and due this week, at most once a
 * day; nothing when nothing needs attention. Electron's Notification is replaced at its boundary by `show`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import type { InvokeResult } from '../../shared/api';
import { notifyTasksOncePerDay, taskNoticeText } from '../../electron/main/task-notice';

let dir = '';
let backend: Backend;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-task-notice-'));
  // 25/03/2025 in Việt Nam: seed 01's first pilot unit (10/01) is overdue, the two others (31/03) due within the week.
  backend = createBackend({ dataDir: dir, clock: () => Date.UTC(2025, 2, 25, 3) });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function issueSeed01(): Promise<void> {
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await backend.invoke(channel as never, input as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.data as T;
  };
  const seed = (await call<{ id: string; kind: string; name: string }[]>('template.list', {})).find((x) => x.kind === 'seed' && /đại hội điểm/i.test(x.name))!;
  const plan = await call<{ id: string }>('template.instantiate', { templateId: seed.id });
  await call('plan.allocateNumber', { id: plan.id });
  await call('plan.issue', { id: plan.id });
}

const run = (today: string, shown: { title: string; body: string }[]) =>
  notifyTasksOncePerDay({ dataDir: dir, today, summary: (input) => backend.invoke('task.summary', input) as Promise<InvokeResult<'task.summary'>>, show: (n) => shown.push(n) });

describe('system notification at start', () => {
  it('says what is overdue and due this week, once a day', async () => {
    await issueSeed01();
    const shown: { title: string; body: string }[] = [];
    expect(await run('2025-03-25', shown)).toBe('shown');
    expect(shown).toEqual([{ title: 'KẾ HOẠCH — Nhiệm vụ cần chú ý', body: '3 nhiệm vụ quá hạn; 16 nhiệm vụ đến hạn trong tuần này.' }]);
    expect(await run('2025-03-25', shown)).toBe('already-today');
    expect(shown).toHaveLength(1);
    // The next day (the backend's day is still the 25th here: the counts are the same) it shows again.
    expect(await run('2025-03-26', shown)).toBe('shown');
    expect(shown).toHaveLength(2);
  });

  it('shows nothing when nothing needs attention', async () => {
    const shown: { title: string; body: string }[] = [];
    expect(await run('2025-03-25', shown)).toBe('nothing');
    expect(shown).toEqual([]);
    expect(taskNoticeText(0, 0)).toBeNull();
    expect(taskNoticeText(2, 0)).toEqual({ title: 'KẾ HOẠCH — Nhiệm vụ cần chú ý', body: '2 nhiệm vụ quá hạn.' });
  });
});
