import { ZodError } from 'zod';
import { channels, isChannel, validationError, type Channel, type InvokeResult, type Output, type ParsedInput } from '../../shared/api';
import { BackendError } from './errors';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>> };

/**
 * Validate a raw call against the contract, run its handler, and turn every failure into the
 * contract's error shape. The backend validates even though main does too: the web harness
 * reaches it without main.
 */
export async function dispatch(handlers: Handlers, channel: unknown, rawInput: unknown): Promise<InvokeResult<Channel>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Kênh không tồn tại: ${String(channel).slice(0, 80)}` } };
  }
  const parsed = channels[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const data = await handler(parsed.data);
    return { ok: true, data: data as Output<Channel> };
  } catch (err) {
    if (err instanceof BackendError) return { ok: false, error: err.toApiError() };
    if (err instanceof ZodError) return { ok: false, error: validationError(err) };
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'INTERNAL', message: `Lỗi không mong đợi: ${detail}` } };
  }
}
