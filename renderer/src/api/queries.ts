/**
 * TanStack Query over the typed client. One key shape for every channel: [channel, input].
 * Queries are read with `useApiQuery`, commands written with `useApiMutation`, which invalidates what the
 * contract says the command makes stale (`invalidations` in shared/api/invalidation.ts), so callers never
 * hand-maintain cache keys. A command called outside the hook calls `invalidateAfter` itself.
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
import type { Channel, CommandChannel, Input, Output, QueryChannel } from '../../../shared/api';
// The leaf module, not the contract's index: the query cache is in the first bundle, the contract's schemas are not.
import { invalidatedBy } from '../../../shared/api/invalidation';
import { call } from './client';
import { takeEarlyCall } from './earlyCalls';

/** The cache key of one call. Invalidating `[channel]` invalidates every input of that channel. */
export const queryKey = <C extends Channel>(channel: C, input?: Input<C>) =>
  (input === undefined ? [channel] : [channel, input]) as readonly unknown[];

/** Mark stale every cached read the contract says `channel` changes (after it succeeded). */
export async function invalidateAfter(client: QueryClient, channel: CommandChannel): Promise<void> {
  await Promise.all(invalidatedBy(channel).map((c) => client.invalidateQueries({ queryKey: queryKey(c) })));
}

type QueryOptions<C extends QueryChannel> = Omit<UseQueryOptions<Output<C>, Error>, 'queryKey' | 'queryFn'>;

/** Read one channel. */
export function useApiQuery<C extends QueryChannel>(channel: C, input: Input<C>, options?: QueryOptions<C>) {
  return useQuery<Output<C>, Error>({
    queryKey: queryKey(channel, input),
    // The page the window opens on may have asked for it already (earlyCalls.ts).
    queryFn: () => takeEarlyCall(channel, input) ?? call(channel, input),
    ...options,
  });
}

type MutationOptions<C extends CommandChannel> = Omit<UseMutationOptions<Output<C>, Error, Input<C>>, 'mutationFn'> & {
  /** Do not show the global error notification (the caller shows the error itself). */
  silent?: boolean;
};

/** Write through one command; invalidates what the contract says it makes stale. */
export function useApiMutation<C extends CommandChannel>(channel: C, options: MutationOptions<C> = {}) {
  const client = useQueryClient();
  const { silent, onSuccess, meta, ...rest } = options;
  return useMutation<Output<C>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    meta: { ...meta, silent: silent ?? false },
    ...rest,
    onSuccess: async (data, variables, onMutateResult, context) => {
      await invalidateAfter(client, channel);
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
