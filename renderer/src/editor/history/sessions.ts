/**
 * The history as the clerk thinks of it: editing sessions, not single autosaves. A session is a run of consecutive
 * autosaves (reason 'save') each made less than SESSION_GAP_MS after the one before it; a longer pause, or any other
 * revision (create, issue, reopen, restore, import), ends it. Those other revisions stand as lines of their own.
 */
import type { RevisionSummary } from '../../../../shared/api';

/** A pause of this long between two autosaves starts a new editing session. */
export const SESSION_GAP_MS = 10 * 60_000;

export type HistoryEntry =
  | {
      kind: 'session';
      /** Stable while the session grows: its oldest revision. */
      key: string;
      /** Newest first, like the list. */
      revisions: RevisionSummary[];
      /** savedAt of the oldest and the newest autosave. */
      start: string;
      end: string;
    }
  | { kind: 'single'; key: string; revision: RevisionSummary };

/** Group a history page (newest first) into sessions and single revisions, newest first. */
export function groupHistory(items: readonly RevisionSummary[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let session: Extract<HistoryEntry, { kind: 'session' }> | null = null;
  for (const item of items) {
    if (item.reason !== 'save') {
      session = null;
      out.push({ kind: 'single', key: `r${item.revision}`, revision: item });
      continue;
    }
    const gap = session ? Date.parse(session.start) - Date.parse(item.savedAt) : Infinity;
    if (session && gap < SESSION_GAP_MS) {
      session.revisions.push(item);
      session.start = item.savedAt;
      session.key = `s${item.revision}`;
    } else {
      session = { kind: 'session', key: `s${item.revision}`, revisions: [item], start: item.savedAt, end: item.savedAt };
      out.push(session);
    }
  }
  return out;
}

/** The newest revision an entry stands for (what its preview shows and "Khôi phục bản này" restores). */
export const entryRevision = (entry: HistoryEntry): RevisionSummary => (entry.kind === 'single' ? entry.revision : entry.revisions[0]!);

/** The oldest revision of an entry. */
export const entryOldest = (entry: HistoryEntry): RevisionSummary => (entry.kind === 'single' ? entry.revision : entry.revisions.at(-1)!);
