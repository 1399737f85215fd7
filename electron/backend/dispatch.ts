import { ZodError } from 'zod';
import { channels, parseCall, validationError, type ApiError, type BackendChannel, type BackendChannels, type Channel, type ChannelMap, type InvokeResult, type Output, type OutputOf, type ParsedInputOf } from '../../shared/api';
import { BackendError, errorCode, translateError } from './errors';

/** One handler for every channel of `M` (a feature's slice of the contract, or all the backend answers). */
export type Handlers<M extends ChannelMap = BackendChannels> = {
  [C in keyof M]: (input: ParsedInputOf<M[C]>) => OutputOf<M[C]> | Promise<OutputOf<M[C]>>;
};

/**
 * Pauses between the tries of a call that found the database locked by another program (the connection's
 * busy_timeout is 0, db/open.ts: a try fails at once instead of blocking the thread). The waits are timers, so every
 * other call is answered in between; a call still locked out after `LOCK_WAIT_MS` from its arrival answers DB_LOCKED.
 */
export const LOCK_RETRY_DELAYS_MS: readonly number[] = [10, 20, 50, 100, 200, 300, 400, 500];
/** How long a call waits in all for another program's write lock before it answers DB_LOCKED. */
export const LOCK_WAIT_MS = 2000;

/** Which handlers answer a call now (they change when a restore reopens the store), or the error that answers it. */
export type Route = (channel: Channel) => { handlers: Handlers } | { error: ApiError };

export type Dispatch = (channel: unknown, rawInput: unknown) => Promise<InvokeResult<Channel>>;

type ParsedOk = Extract<ReturnType<typeof parseCall>, { ok: true }>;
/** A try that found the write lock taken by another connection (raw SQLITE_BUSY*), or its answer. */
type Try = { locked: true; err: unknown } | { locked: false; answer: Promise<InvokeResult<Channel>> };

const failure = (err: unknown): InvokeResult<Channel> =>
  err instanceof ZodError ? { ok: false, error: validationError(err) } : { ok: false, error: translateError(err).toApiError() };

const isLockedOut = (err: unknown): boolean => !(err instanceof BackendError) && (errorCode(err)?.startsWith('SQLITE_BUSY') ?? false);

/**
 * Validate a raw call against the contract, run its handler, and turn every failure into the contract's error shape.
 * The backend validates even though main does too: the web harness reaches it without main. Nothing escapes: a
 * malformed channel or input, a validation that throws, a handler's failure all come back as data.
 *
 * A handler that finds the write lock held by another program (SQLITE_BUSY, thrown before it changed anything: writes
 * run in IMMEDIATE transactions) is tried again after a timer (LOCK_RETRY_DELAYS_MS), so reads are answered meanwhile.
 * Commands keep their order: while one waits for the lock, later commands queue behind it. Queries never queue.
 * (A handler that fails asynchronously is answered as it fails: only the synchronous SQLite work is retried.)
 */
export function createDispatch(route: Route, options: { delaysMs?: readonly number[]; waitMs?: number } = {}): Dispatch {
  const delays = options.delaysMs ?? LOCK_RETRY_DELAYS_MS;
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  /** Settles when the commands waiting for the lock, and those queued behind them, are done. */
  let held: Promise<void> | null = null;

  function hold(answer: Promise<unknown>): void {
    const settled = answer.then(
      () => undefined,
      () => undefined,
    );
    held = settled;
    void settled.then(() => {
      if (held === settled) held = null;
    });
  }

  /** One synchronous try of the handler: a lock-out is reported, anything else becomes the call's answer. */
  function tryOnce(call: ParsedOk): Try {
    try {
      const routed = route(call.channel);
      if ('error' in routed) return { locked: false, answer: Promise.resolve({ ok: false, error: routed.error }) };
      const handlerMap = routed.handlers;
      if (!Object.hasOwn(handlerMap, call.channel)) {
        return {
          locked: false,
          answer: Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Kênh ${call.channel} do cửa sổ chính của ứng dụng xử lý, không phải phần dữ liệu.` } }),
        };
      }
      const handler = handlerMap[call.channel as BackendChannel] as (input: unknown) => unknown;
      const data = handler(call.input);
      const answer = Promise.resolve(data).then((value): InvokeResult<Channel> => ({ ok: true, data: value as Output<Channel> }), failure);
      return { locked: false, answer };
    } catch (err) {
      if (isLockedOut(err)) return { locked: true, err };
      return { locked: false, answer: Promise.resolve(failure(err)) };
    }
  }

  /** Try again after each pause until the lock is free or the call has waited `waitMs` since it arrived. */
  async function retry(call: ParsedOk, arrived: number, lockedOut: unknown): Promise<InvokeResult<Channel>> {
    let last = lockedOut;
    for (let attempt = 0; ; attempt++) {
      const waited = performance.now() - arrived;
      if (waited >= waitMs) break;
      const pause = Math.min(delays[Math.min(attempt, delays.length - 1)]!, waitMs - waited);
      await new Promise((resolve) => setTimeout(resolve, pause));
      const next = tryOnce(call);
      if (!next.locked) return next.answer;
      last = next.err;
    }
    return failure(last);
  }

  /** Try now; when locked out, wait and retry. */
  function run(call: ParsedOk, arrived: number): Promise<InvokeResult<Channel>> {
    const first = tryOnce(call);
    return first.locked ? retry(call, arrived, first.err) : first.answer;
  }

  return (channel, rawInput) => {
    const arrived = performance.now();
    let call: ReturnType<typeof parseCall>;
    try {
      call = parseCall(channel, rawInput);
    } catch (err) {
      return Promise.resolve(failure(err));
    }
    if (!call.ok) return Promise.resolve(call);
    const parsed = call;
    if (channels[parsed.channel].kind === 'query') return run(parsed, arrived);
    if (held) {
      const answer = held.then(() => run(parsed, arrived));
      hold(answer);
      return answer;
    }
    const first = tryOnce(parsed);
    if (!first.locked) return first.answer;
    const answer = retry(parsed, arrived, first.err);
    hold(answer);
    return answer;
  };
}
