import type { RevisionSummary } from '../../../shared/api';
import { PlanContent, type Block } from '../../../shared/model';
import { contentChanges, contentLeaves, touchedFields } from '../../../renderer/src/editor/history/changes';
import { entryRevision, groupHistory, SESSION_GAP_MS } from '../../../renderer/src/editor/history/sessions';
import { diffWords, sides } from '../../../renderer/src/editor/history/word-diff';
import { seedContent } from '../../backend/fixtures/plans';

const at = (minute: number) => new Date(Date.parse('2026-03-02T07:00:00.000Z') + minute * 60_000).toISOString();
const rev = (revision: number, minute: number, reason: RevisionSummary['reason'] = 'save'): RevisionSummary => ({
  revision,
  savedAt: at(minute),
  status: 'draft',
  reason,
  trichYeu: '',
});

describe('editing sessions', () => {
  it('groups consecutive autosaves with pauses under 10 minutes; other revisions stand alone', () => {
    // Oldest to newest: created, typing 0–12 (pauses of 3 and 9 minutes), a 25-minute pause, typing 37–40, issued.
    const history = [rev(1, -1, 'create'), rev(2, 0), rev(3, 3), rev(4, 12), rev(5, 37), rev(6, 40), rev(7, 41, 'issue'), rev(8, 42, 'reopen'), rev(9, 45)].reverse();
    const entries = groupHistory(history);
    expect(entries.map((e) => (e.kind === 'single' ? `${e.revision.reason}:${e.revision.revision}` : e.revisions.map((r) => r.revision).join(',')))).toEqual([
      '9',
      'reopen:8',
      'issue:7',
      '6,5',
      '4,3,2',
      'create:1',
    ]);
    const first = entries[4]!;
    expect(first.kind === 'session' && [first.start, first.end]).toEqual([at(0), at(12)]);
    expect(entryRevision(first).revision).toBe(4);
    expect(SESSION_GAP_MS).toBe(10 * 60_000);
  });

  it('a pause of exactly the gap starts a new session', () => {
    expect(groupHistory([rev(2, 10), rev(1, 0)])).toHaveLength(2);
    expect(groupHistory([rev(2, 9.99), rev(1, 0)])).toHaveLength(1);
  });
});

describe('word diff', () => {
  const show = (a: string, b: string) => diffWords(a, b).map((p) => (p.op === 'same' ? p.text : p.op === 'removed' ? `[-${p.text}]` : `[+${p.text}]`)).join('');

  it('marks removed and added words, keeping the common ones', () => {
    expect(show('Tổ chức đại hội điểm chi bộ', 'Tổ chức tốt đại hội chi bộ cơ sở')).toBe('Tổ chức [+tốt ]đại hội [-điểm ]chi bộ[+cơ sở]');
    // Unrelated texts: one block removed, one added (spaces alone never match).
    expect(show('một hai ba', 'bốn năm sáu')).toBe('[-một hai ba][+bốn năm sáu]');
    expect(show('giống nhau', 'giống nhau')).toBe('giống nhau');
    expect(show('', 'mới')).toBe('[+mới]');
    expect(show('cũ', '')).toBe('[-cũ]');
  });

  it('splits into the two sides of the side-by-side view', () => {
    const { before, after } = sides(diffWords('một hai ba', 'một bốn ba'));
    expect(before.map((p) => p.text).join('')).toBe('một hai ba');
    expect(after.map((p) => p.text).join('')).toBe('một bốn ba');
    expect(before.filter((p) => p.op === 'removed').map((p) => p.text)).toEqual(['hai ']);
    expect(after.filter((p) => p.op === 'added').map((p) => p.text)).toEqual(['bốn ']);
    // Each side keeps its own spacing.
    expect(sides(diffWords('một  hai', 'một hai ba')).after.map((p) => p.text).join('')).toBe('một hai ba');
  });

  it('stays quick on long texts', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `từ${i}`).join(' ');
    const t0 = performance.now();
    const parts = diffWords(long, long.replace('từ1500', 'chữ'));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(parts.filter((p) => p.op !== 'same').map((p) => p.text)).toEqual(['từ1500 ', 'chữ ']);
  });
});

describe('what changed between two versions', () => {
  const seed = PlanContent.parse(seedContent());

  it('names the fields touched by tab, with blocks keyed by id (an inserted block does not shift the others)', () => {
    const inserted: Block = { kind: 'paragraph', id: crypto.randomUUID(), text: 'Đoạn mới', emphasis: 'none' };
    const after: PlanContent = {
      ...seed,
      trichYeu: `${seed.trichYeu} (sửa)`,
      header: { ...seed.header, number: '09' },
      body: [inserted, ...seed.body],
      signature: { ...seed.signature, signer: 'Nguyễn Văn B' },
    };
    const changes = contentChanges(seed, after);
    expect(touchedFields(changes)).toEqual([
      { tab: 'general', field: 'number' },
      { tab: 'general', field: 'trichYeu' },
      { tab: 'body', field: 'paragraph' },
      { tab: 'signature', field: 'signer' },
    ]);
    expect(changes.find((c) => c.field === 'paragraph')).toMatchObject({ before: null, after: 'Đoạn mới', key: `body.#${inserted.id}.text` });
    expect(contentChanges(seed, seed)).toEqual([]);
  });

  it('puts a duty and its tasks under Phân công thực hiện, and reports what was removed', () => {
    const leaves = [...contentLeaves(seed).values()];
    expect(leaves.some((l) => l.tab === 'duties' && l.field === 'duty')).toBe(true);
    expect(leaves.every((l) => !/^[0-9a-f-]{36}$/.test(l.value))).toBe(true); // no ids
    const removed = contentChanges(seed, { ...seed, recipients: seed.recipients.slice(1) });
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((c) => c.tab === 'recipients' && c.after === null)).toBe(true);
  });
});
