/**
 * TanStack Query over the typed client. One key shape for every channel: [channel, input].
 * Every page (and the plan editor) uses these two hooks; a mutation invalidates the queries listed
 * for its channel in `invalidatedBy` below, so callers never hand-maintain cache keys.
 */
import {
  MutationCache,
  QueryCache,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../../shared/api';
import { call } from './client';

/** The cache key of one call. Invalidating `[channel]` invalidates every input of that channel. */
export const queryKey = <C extends Channel>(channel: C, input?: Input<C>) =>
  (input === undefined ? [channel] : [channel, input]) as readonly unknown[];

/** Which cached reads a successful write makes stale. */
export const invalidatedBy: Partial<Record<Channel, readonly Channel[]>> = {
  'org.saveSelf': ['org.getSelf'],
  'org.save': ['org.list'],
  'org.remove': ['org.list'],
  'settings.set': ['settings.get'],
  // plan.save leaves plan.get alone on purpose: the editor owns the open plan's state while typing.
  'plan.save': ['plan.list', 'plan.revisions'],
  'plan.remove': ['plan.list', 'plan.get'],
  'plan.restore': ['plan.list', 'plan.get'],
  'plan.duplicate': ['plan.list'],
  'plan.restoreRevision': ['plan.list', 'plan.get', 'plan.revisions'],
  'plan.allocateNumber': ['plan.list', 'plan.get', 'plan.revisions'],
  'plan.issue': ['plan.list', 'plan.get', 'plan.revisions'],
  'template.instantiate': ['plan.list'],
};

type QueryOptions<C extends Channel> = Omit<UseQueryOptions<Output<C>, Error>, 'queryKey' | 'queryFn'>;

/** Read one channel. */
export function useApiQuery<C extends Channel>(channel: C, input: Input<C>, options?: QueryOptions<C>) {
  return useQuery<Output<C>, Error>({
    queryKey: queryKey(channel, input),
    queryFn: () => call(channel, input),
    ...options,
  });
}

type MutationOptions<C extends Channel> = Omit<UseMutationOptions<Output<C>, Error, Input<C>>, 'mutationFn'> & {
  /** Do not show the global error notification (the caller shows the error itself). */
  silent?: boolean;
};

/** Write through one channel; invalidates what `invalidatedBy` lists for it. */
export function useApiMutation<C extends Channel>(channel: C, options: MutationOptions<C> = {}) {
  const client = useQueryClient();
  const { silent, onSuccess, meta, ...rest } = options;
  return useMutation<Output<C>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    meta: { ...meta, silent: silent ?? false },
    ...rest,
    onSuccess: async (data, variables, onMutateResult, context) => {
      await Promise.all((invalidatedBy[channel] ?? []).map((c) => client.invalidateQueries({ queryKey: [c] })));
      await onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}

/**
 * The app's query client. `onError` receives every failed query and every failed mutation that is
 * not marked silent (the shell shows it as a notification).
 */
export function createQueryClient(onError: (error: unknown) => void = () => {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError(error) }),
    mutationCache: new MutationCache({
      onError: (error, _v, _r, mutation) => {
        if (!mutation.meta?.silent) onError(error);
      },
    }),
    defaultOptions: {
      // Local backend: no network flakiness to retry around, and data changes only through this UI.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
