/**
 * Reads started before React renders: the page the window opens on asks for its data from the first import of
 * main.tsx (renderer/src/app/openingPage.ts), while the rest of the bundle is still evaluated, instead of after the
 * shell's first render. The query that asks the same thing adopts the call in flight (`takeEarlyCall`, in
 * useApiQuery's query function) instead of calling again. A call nobody adopts soon is dropped: it never answers a
 * later read.
 */
import type { Input, Output, QueryChannel } from '../../../shared/api';
import { call } from './client';

/** How long a start-up call waits to be adopted. */
export const EARLY_CALL_MS = 10_000;

const calls = new Map<string, { promise: Promise<unknown>; at: number }>();

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The same text for the same channel and input, whatever the order of the input's keys. */
const keyOf = (channel: string, input: unknown): string =>
  JSON.stringify([channel, input], (_key, value: unknown) =>
    isPlainObject(value) ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]])) : value,
  );

/** Starts a read now, for the query that will ask for it. */
export function callEarly<C extends QueryChannel>(channel: C, input: Input<C>): void {
  const promise = call(channel, input);
  promise.catch(() => undefined); // the adopting query gets the error; a call nobody adopts must not be "unhandled"
  calls.set(keyOf(channel, input), { promise, at: Date.now() });
}

/** The start-up call of exactly this read, once (later reads call the backend themselves). */
export function takeEarlyCall<C extends QueryChannel>(channel: C, input: Input<C>): Promise<Output<C>> | undefined {
  if (calls.size === 0) return undefined;
  const key = keyOf(channel, input);
  const early = calls.get(key);
  calls.delete(key);
  if (!early || Date.now() - early.at > EARLY_CALL_MS) return undefined;
  return early.promise as Promise<Output<C>>;
}

/** For tests: forget every start-up call. */
export const resetEarlyCalls = () => calls.clear();
