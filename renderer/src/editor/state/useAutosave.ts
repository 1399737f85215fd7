/**
 * Stores the draft as it is typed: every edit is saved within about a second (plan.save with the
 * baseRevision of the last stored version). A value the store refuses is held back and reported (storable.ts)
 * while everything else is saved. A CONFLICT hands over to `onConflict` (the page reloads); other failures show
 * in the status and are retried with the next edit (or after a pause).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PlanContent } from '../../../../shared/model';
import { ApiCallError, call, errorMessage } from '../../api/client';
import { invalidateAfter } from '../../api/queries';
import { Autosaver, defaultTiming } from './autosave';
import type { DraftAction, DraftState } from './draft';
import { storableInput, type HeldField } from './storable';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** Saved, except the fields listed: what they show is not stored. */
  | { kind: 'held'; at: string; fields: HeldField[] }
  /** Nothing could be saved: the store refused the draft. */
  | { kind: 'invalid'; fields: HeldField[] }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

/** The fields whose shown value is not stored, with the reason. */
export const heldFields = (status: SaveStatus): HeldField[] => (status.kind === 'held' || status.kind === 'invalid' ? status.fields : []);

interface Snapshot {
  content: PlanContent;
  seq: number;
}

const RETRY_MS = 5000;

export function useAutosave(draft: DraftState, dispatch: (a: DraftAction) => void, onConflict: (err: ApiCallError) => void) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: draft.savedAt });
  const revision = useRef(draft.revision);
  revision.current = draft.revision;
  const stored = useRef(draft.stored);
  stored.current = draft.stored;
  const conflictRef = useRef(onConflict);
  conflictRef.current = onConflict;
  const latest = useRef<Snapshot>({ content: draft.content, seq: draft.editSeq });
  latest.current = { content: draft.content, seq: draft.editSeq };
  const dirty = useRef(false);
  dirty.current = draft.editSeq > draft.savedSeq;
  const queryClient = useQueryClient();
  const planId = draft.planId;

  const saver = useMemo(() => {
    let retry: ReturnType<typeof setTimeout> | null = null;
    const store = async ({ content, seq }: Snapshot) => {
      if (retry) clearTimeout(retry);
      const { input, held } = storableInput(content, stored.current, planId, revision.current);
      if (!input) {
        setStatus({ kind: 'invalid', fields: held });
        return;
      }
      setStatus({ kind: 'saving' });
      try {
        const plan = await call('plan.save', input);
        revision.current = plan.revision;
        dispatch({ type: 'saved', plan, seq });
        const at = new Date().toISOString();
        setStatus(held.length ? { kind: 'held', at, fields: held } : { kind: 'saved', at });
        void invalidateAfter(queryClient, 'plan.save');
      } catch (err) {
        if (err instanceof ApiCallError && err.code === 'CONFLICT') {
          setStatus({ kind: 'conflict', message: err.message });
          conflictRef.current(err);
          return;
        }
        if (err instanceof ApiCallError && err.code === 'VALIDATION') {
          const issues = err.apiError.issues ?? [];
          setStatus({ kind: 'invalid', fields: issues.length ? issues.map((i) => ({ path: i.path, message: i.message })) : [{ path: [], message: err.message }] });
          return;
        }
        setStatus({ kind: 'error', message: errorMessage(err) });
        // The text stays in the editor. A passing failure (a full disk, another program holding the file, the
        // backend restarting): try again with whatever is newest until a save succeeds. A store opened read-only
        // cannot succeed until the app is reopened: the status keeps saying so.
        if (!(err instanceof ApiCallError && err.code === 'READ_ONLY')) retry = setTimeout(() => saverRef.current?.schedule(latest.current), RETRY_MS);
      }
    };
    return new Autosaver<Snapshot>(store, defaultTiming);
  }, [planId, dispatch, queryClient]);
  const saverRef = useRef<Autosaver<Snapshot> | null>(null);
  saverRef.current = saver;

  // Every edit: schedule a save of the newest content.
  useEffect(() => {
    if (draft.editSeq > draft.savedSeq) {
      saver.schedule({ content: draft.content, seq: draft.editSeq });
      setStatus((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    }
  }, [draft.editSeq, draft.savedSeq, draft.content, saver]);

  // Leaving the page (route change, window closing, tab hidden): store what is pending at once.
  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [saver]);

  return {
    status,
    /** True while anything shown is not stored: an edit not yet saved, a save running or failed, a held field. */
    unsaved: draft.editSeq > draft.savedSeq || !(status.kind === 'saved' || status.kind === 'idle'),
    /** Save now (Ctrl+S, before export/issue). Resolves when the newest content is stored (or failed). */
    flush: async () => {
      if (dirty.current && !saver.hasPending && !saver.isSaving) saver.schedule(latest.current);
      await saver.flush();
    },
    /** Forget what is pending (the plan is being replaced from the store). */
    cancel: () => saver.cancel(),
  };
}
