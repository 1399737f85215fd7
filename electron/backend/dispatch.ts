import { ZodError } from 'zod';
import { parseCall, validationError, type BackendChannel, type BackendChannels, type Channel, type ChannelMap, type InvokeResult, type Output, type OutputOf, type ParsedInputOf } from '../../shared/api';
import { translateError } from './errors';

/** One handler for every channel of `M` (a feature's slice of the contract, or all the backend answers). */
export type Handlers<M extends ChannelMap = BackendChannels> = {
  [C in keyof M]: (input: ParsedInputOf<M[C]>) => OutputOf<M[C]> | Promise<OutputOf<M[C]>>;
};

/**
 * Validate a raw call against the contract, run its handler, and turn every failure into the
 * contract's error shape. The backend validates even though main does too: the web harness
 * reaches it without main. Nothing escapes: a malformed channel or input, a validation that throws, a handler's
 * failure all come back as data.
 */
export async function dispatch(handlers: Handlers, channel: unknown, rawInput: unknown): Promise<InvokeResult<Channel>> {
  try {
    const call = parseCall(channel, rawInput);
    if (!call.ok) return call;
    if (!Object.hasOwn(handlers, call.channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Kênh ${call.channel} do cửa sổ chính của ứng dụng xử lý, không phải phần dữ liệu.` } };
    }
    const handler = handlers[call.channel as BackendChannel] as (input: unknown) => unknown;
    const data = await handler(call.input);
    return { ok: true, data: data as Output<Channel> };
  } catch (err) {
    if (err instanceof ZodError) return { ok: false, error: validationError(err) };
    return { ok: false, error: translateError(err).toApiError() };
  }
}
