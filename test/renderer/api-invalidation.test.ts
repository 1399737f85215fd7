/**
 * The renderer's cache invalidation comes from the contract: after a command, the queries it names are stale; and no
 * page calls a command past the hook without invalidating what it names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { channels, type CommandChannel } from '../../shared/api';
import { createQueryClient, invalidateAfter, queryKey } from '../../renderer/src/api/queries';

const commands = Object.entries(channels).filter(([, d]) => d.kind === 'command').map(([name]) => name as CommandChannel);

describe('cache invalidation from the contract', () => {
  it('plan.reopen makes the plans list, the plan and its history stale, and nothing else', async () => {
    const client = createQueryClient();
    const id = '00000000-0000-4000-8000-000000000001';
    const keys = [queryKey('plan.list', { query: 'x' }), queryKey('plan.get', { id }), queryKey('plan.revisions', { id }), queryKey('org.list', {}), queryKey('settings.get', {})];
    for (const key of keys) client.setQueryData(key, {});
    await invalidateAfter(client, 'plan.reopen');
    expect(keys.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, true, false, false]);
  });

  it('plan.save keeps the open plan (plan.get) cached', async () => {
    const client = createQueryClient();
    const id = '00000000-0000-4000-8000-000000000001';
    client.setQueryData(queryKey('plan.get', { id }), {});
    client.setQueryData(queryKey('plan.list', {}), {});
    await invalidateAfter(client, 'plan.save');
    expect(client.getQueryState(queryKey('plan.get', { id }))?.isInvalidated).toBe(false);
    expect(client.getQueryState(queryKey('plan.list', {}))?.isInvalidated).toBe(true);
  });

  it('a page calling a command directly (not through useApiMutation) invalidates what the contract names', () => {
    const root = join(import.meta.dirname, '../../renderer/src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('api/'));
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const command of commands) {
        if (text.includes(`call('${command}'`) && !new RegExp(`invalidateAfter\\(\\w+, '${command.replace('.', '\\.')}'\\)`).test(text)) missing.push(`${file}: ${command}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
